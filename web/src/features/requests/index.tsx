import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';

// M5 開示等の請求・苦情相談, one lazily loaded chunk per screen.
const RequestListPage = lazy(() => import('./RequestListPage.tsx'));
const RequestDetailPage = lazy(() => import('./RequestDetailPage.tsx'));

function RequestsLabel() {
  return <>開示等の請求・苦情</>;
}

export const requestsFeature = defineFeature({
  name: 'requests',
  routes: [
    { path: 'requests', element: <RequestListPage /> },
    { path: 'requests/:id', element: <RequestDetailPage /> },
  ],
  menu: [{ path: '/requests', icon: <SolutionOutlined />, Label: RequestsLabel, need: 'requests.read' }],
});
