import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Messages of the お知らせ screen (module-local catalog; Japanese first, English mirrors it). */
const ja = {
  'nav.notifications': 'お知らせ',
  'notifications.title': 'お知らせ',
  'notifications.lead': 'あなた宛てのお知らせです。開くと既読になり、対象の画面に移ります。',
  'notifications.show': '表示',
  'notifications.all': 'すべて',
  'notifications.unread': '未読のみ',
  'notifications.unreadCount': '未読 {count}件',
  'notifications.markRead': '既読にする',
  'notifications.markAllRead': 'すべて既読にする',
  'notifications.markedAll': '{count}件を既読にしました',
  'notifications.open': '開く',
  'notifications.read': '既読',
  'notifications.urgent': '至急',
  'notifications.empty': 'お知らせはありません',
  'notifications.emptyUnread': '未読のお知らせはありません',
  'notifications.noScreen': '（対象の画面はこのアプリにありません）',
} as const;

export type NotificationTextKey = keyof typeof ja;

const en: Record<NotificationTextKey, string> = {
  'nav.notifications': 'Notifications',
  'notifications.title': 'Notifications',
  'notifications.lead': 'Notifications for you. Opening one marks it read and takes you to its screen.',
  'notifications.show': 'Show',
  'notifications.all': 'All',
  'notifications.unread': 'Unread only',
  'notifications.unreadCount': '{count} unread',
  'notifications.markRead': 'Mark as read',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markedAll': 'Marked {count} as read',
  'notifications.open': 'Open',
  'notifications.read': 'Read',
  'notifications.urgent': 'Urgent',
  'notifications.empty': 'No notifications',
  'notifications.emptyUnread': 'No unread notifications',
  'notifications.noScreen': '(its screen is not in this app)',
};

const catalogs: Record<'ja' | 'en', Record<NotificationTextKey, string>> = { ja, en };

export type NotificationText = (key: NotificationTextKey, params?: Record<string, string | number>) => string;

/** The screen's messages in the current language. */
export function useNotificationText(): NotificationText {
  const { locale } = useI18n();
  return useCallback<NotificationText>(
    (key, params) => {
      const text = catalogs[locale][key] ?? ja[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [locale],
  );
}
