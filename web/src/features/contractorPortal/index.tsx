import { InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';

// 委託先ポータル（委託先の側, issue #13). The 委託元's side is a card on the contractor's page (PortalCard).
const InboxPage = lazy(() => import('./InboxPage.tsx'));

function InboxLabel() {
  return <>委託元からの依頼</>;
}

export const contractorPortalFeature = defineFeature({
  name: 'contractorPortal',
  routes: [
    { path: 'contractor-portal', element: <InboxPage /> },
    { path: 'contractor-portal/accept', element: <InboxPage /> },
  ],
  menu: [{ path: '/contractor-portal', icon: <InboxOutlined />, Label: InboxLabel, need: 'contractorPortal.respond' }],
});
