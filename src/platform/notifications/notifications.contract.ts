import { z } from 'zod';
import { defineContract, okResponse, pageResponse } from '../http/contract.ts';
import { notificationIdParams, notificationsQuery } from './notifications.schema.ts';

// 通知 (SPEC §3 Notifications): the signed-in account's own notifications, every route with its
// response. Pure (zod only): the SPA and the test client take their types here.

/** One notification; `link` is the SPA path of what it is about. */
export const notificationResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  /** Urgent ones are also e-mailed (SPEC §3). */
  urgent: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

/** A page of my notifications, and how many of all of them are unread (the header badge). */
export const notificationPageResponse = pageResponse(notificationResponse).extend({ unreadCount: z.number().int() });

/** すべて既読: how many were marked. */
export const readAllResponse = z.object({ ok: z.literal(true), count: z.number() });

export const notificationsContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/notifications',
    access: 'authenticated',
    summary: '自分の通知（unread=1 で未読のみ）',
    query: notificationsQuery,
    response: notificationPageResponse,
  },
  markRead: {
    method: 'POST',
    path: '/api/notifications/:id/read',
    access: 'authenticated',
    summary: '通知を既読にする',
    params: notificationIdParams,
    response: okResponse,
  },
  markAllRead: { method: 'POST', path: '/api/notifications/read-all', access: 'authenticated', summary: 'すべての通知を既読にする', response: readAllResponse },
});
