import { FileProtectOutlined, SwapOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';

// M6 通知・同意・提供の記録, one lazily loaded chunk per screen. Japanese only.
const NoticeListPage = lazy(() => import('./NoticeListPage.tsx'));
const NoticeDetailPage = lazy(() => import('./NoticeDetailPage.tsx'));
const ProvisionRecordListPage = lazy(() => import('./ProvisionRecordListPage.tsx'));
const ProvisionRecordNewPage = lazy(() => import('./ProvisionRecordNewPage.tsx'));
const ProvisionRecordDetailPage = lazy(() => import('./ProvisionRecordDetailPage.tsx'));
const ProvisionRecordEditPage = lazy(() => import('./ProvisionRecordEditPage.tsx'));

const NoticesLabel = () => <>通知・同意</>;
const ProvisionRecordsLabel = () => <>提供記録・確認記録</>;

export const noticesFeature = defineFeature({
  name: 'notices',
  routes: [
    { path: 'notices', element: <NoticeListPage /> },
    { path: 'notices/provision-records', element: <ProvisionRecordListPage /> },
    { path: 'notices/provision-records/new', element: <ProvisionRecordNewPage /> },
    { path: 'notices/provision-records/:id', element: <ProvisionRecordDetailPage /> },
    { path: 'notices/provision-records/:id/edit', element: <ProvisionRecordEditPage /> },
    { path: 'notices/:id', element: <NoticeDetailPage /> },
  ],
  menu: [
    { path: '/notices', icon: <FileProtectOutlined />, Label: NoticesLabel },
    { path: '/notices/provision-records', icon: <SwapOutlined />, Label: ProvisionRecordsLabel, need: 'notices.records' },
  ],
});
