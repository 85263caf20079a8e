import { IdcardOutlined, InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';

// 委託先ポータル（委託先の側, issue #13). The 委託元's side is a card on the contractor's page (PortalCard).
const InboxPage = lazy(() => import('./InboxPage.tsx'));
const QuestionnairePage = lazy(() => import('./QuestionnairePage.tsx'));
const ProfilePage = lazy(() => import('./ProfilePage.tsx'));

function InboxLabel() {
  return <>委託元からの依頼</>;
}

function ProfileLabel() {
  return <>自社のプロフィール</>;
}

export const contractorPortalFeature = defineFeature({
  name: 'contractorPortal',
  routes: [
    { path: 'contractor-portal', element: <InboxPage /> },
    { path: 'contractor-portal/accept', element: <InboxPage /> },
    // 調査票: the 委託先 answers, the 委託元 reviews (one page, the side from the lists).
    { path: 'contractor-exchanges/:id', element: <QuestionnairePage /> },
    { path: 'contractor-profile', element: <ProfilePage /> },
  ],
  menu: [
    { path: '/contractor-portal', icon: <InboxOutlined />, Label: InboxLabel, need: 'contractorPortal.respond' },
    { path: '/contractor-profile', icon: <IdcardOutlined />, Label: ProfileLabel, need: 'contractorPortal.respond' },
  ],
});
