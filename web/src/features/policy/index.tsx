import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';

// 個人情報保護方針 (J.2.2). The public page /p/:slug/policy is routed outside the signed-in layout (router.tsx).
const PolicyPage = lazy(() => import('./PolicyPage.tsx'));

const PolicyLabel = () => <>個人情報保護方針</>;

export const policyFeature = defineFeature({
  name: 'policy',
  routes: [{ path: 'policy', element: <PolicyPage /> }],
  menu: [{ path: '/policy', icon: <SafetyCertificateOutlined />, Label: PolicyLabel }],
});
