import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { defineFeature } from '../feature.ts';
import { approvalsNavLabel } from './messages.ts';

// 承認 (the approvals engine's screens), one lazily loaded chunk per screen: the list (issue 10:
// inbox, my requests, my decisions) and one request's detail.
const ApprovalsPage = lazy(() => import('./ApprovalsPage.tsx'));
const ApprovalPage = lazy(() => import('./ApprovalPage.tsx'));

function ApprovalsLabel() {
  const { locale } = useI18n();
  return <>{approvalsNavLabel[locale]}</>;
}

export const approvalsFeature = defineFeature({
  name: 'approvals',
  routes: [
    { path: 'approvals', element: <ApprovalsPage /> },
    { path: 'approvals/:id', element: <ApprovalPage /> },
  ],
  // Everyone signed in submits or approves something (申請書, 事故等の報告…): no permission needed.
  menu: [{ path: '/approvals', icon: <AuditOutlined />, Label: ApprovalsLabel }],
});
