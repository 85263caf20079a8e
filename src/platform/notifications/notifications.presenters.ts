import type { z } from 'zod';
import type { notificationPageResponse, notificationResponse, readAllResponse } from './notifications.contract.ts';
import type { NotificationPage } from './notifications.service.ts';
import type { notifications } from './notifications.tables.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

export function presentNotification(n: typeof notifications.$inferSelect): z.output<typeof notificationResponse> {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    urgent: n.urgent,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}

export function presentNotificationPage(page: NotificationPage): z.output<typeof notificationPageResponse> {
  return { items: page.items.map(presentNotification), total: page.total, unreadCount: page.unreadCount, page: page.page, pageSize: page.pageSize };
}

/** すべて既読: how many were marked. */
export function presentReadAll(count: number): z.output<typeof readAllResponse> {
  return { ok: true, count };
}
