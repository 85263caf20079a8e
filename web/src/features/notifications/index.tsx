import { BellOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';
import { useNotificationText } from './messages.ts';

// お知らせ (SPEC §3 Notifications), one lazily loaded chunk.
const NotificationsPage = lazy(() => import('./NotificationsPage.tsx'));

function NotificationsLabel() {
  return <>{useNotificationText()('nav.notifications')}</>;
}

export const notificationsFeature = defineFeature({
  name: 'notifications',
  routes: [{ path: 'notifications', element: <NotificationsPage /> }],
  // Every signed-in person has their own notifications.
  menu: [{ path: '/notifications', icon: <BellOutlined />, Label: NotificationsLabel }],
});
