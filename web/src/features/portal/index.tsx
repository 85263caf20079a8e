import { GlobalOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';

// 公開窓口 (issue #14 M5): the settings screen of the signed-in app; the public pages
// themselves (/p/:slug) are routed outside the signed-in layout (router.tsx).
const PortalSettingsPage = lazy(() => import('./PortalSettingsPage.tsx'));

function PortalLabel() {
  return <>公開窓口</>;
}

export const portalFeature = defineFeature({
  name: 'portal',
  routes: [{ path: 'portal/settings', element: <PortalSettingsPage /> }],
  menu: [{ path: '/portal/settings', icon: <GlobalOutlined />, Label: PortalLabel, need: 'portal.manage' }],
});
