import { z } from 'zod';
import { inOrg } from '../db/tenancy.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { notificationIdParams, notificationsQuery } from './notifications.schema.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.ts';
import type { notifications } from './notifications.tables.ts';

const ok = z.object({ ok: z.literal(true) });

function presentNotification(n: typeof notifications.$inferSelect) {
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

/** 通知 (SPEC §3): the signed-in account's own notifications. */
export function notificationsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '自分の通知（unread=1 で未読のみ）',
        querystring: notificationsQuery,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const r = await inOrg(deps.database, scopeOf(request), (tx) => listNotifications(tx, actorOf(request), request.query));
      return { ...r, items: r.items.map(presentNotification) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '通知を既読にする',
        params: notificationIdParams,
        response: { 200: ok },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => markNotificationRead(tx, actorOf(request), request.params.id, deps.now()));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'すべての通知を既読にする',
        response: { 200: z.object({ ok: z.literal(true), count: z.number() }) },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const n = await inOrg(deps.database, scopeOf(request), (tx) => markAllNotificationsRead(tx, actorOf(request), deps.now()));
      return { ok: true as const, count: n };
    },
  );
}
