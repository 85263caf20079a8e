import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/connection.ts';
import { notFound } from '../http/errors.ts';
import type { notificationsQuery } from './notifications.schema.ts';
import { notifications } from './notifications.tables.ts';

// 通知 (SPEC §3 Notifications): each account sees and marks only its own. Another account's
// notification is 404, as if it did not exist.

type Owner = { organizationId: string; accountId: string };

const mine = (owner: Owner) => and(eq(notifications.organizationId, owner.organizationId), eq(notifications.accountId, owner.accountId));

export async function listNotifications(tx: Tx, owner: Owner, query: z.infer<typeof notificationsQuery>) {
  const where = and(mine(owner), query.unread === '1' ? isNull(notifications.readAt) : undefined);
  const items = await tx
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(notifications).where(where);
  const [unread] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(owner), isNull(notifications.readAt)));
  return {
    items,
    total: total?.n ?? 0,
    unreadCount: unread?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A page of an account's notifications, with its unread count. */
export type NotificationPage = Awaited<ReturnType<typeof listNotifications>>;

export async function markNotificationRead(tx: Tx, owner: Owner, id: string, now: Date): Promise<void> {
  const [row] = await tx
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(mine(owner), eq(notifications.id, id)));
  if (!row) throw notFound('通知');
  if (!row.readAt) await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, row.id));
}

export async function markAllNotificationsRead(tx: Tx, owner: Owner, now: Date): Promise<number> {
  const updated = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine(owner), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
