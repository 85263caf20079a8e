import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { accounts } from '../auth/auth.tables.ts';
import { roleAssignments } from '../org/org.tables.ts';
import type { PmsRole } from '../../domain/roles.ts';
import { notifications } from './notifications.tables.ts';

export type NewNotification = { kind: string; title: string; body?: string; link?: string | null; urgent?: boolean; dedupeKey?: string | null };

/** Accounts of the people holding a role on a date (optionally for one department). */
export async function accountsWithRole(tx: Tx, organizationId: string, role: PmsRole, today: string, departmentId?: string | null): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: accounts.id })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.personId, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        eq(roleAssignments.role, role),
        lte(roleAssignments.startsOn, today),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
        isNull(accounts.disabledAt),
        departmentId ? eq(roleAssignments.departmentId, departmentId) : sql`true`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Creates in-app notifications (e-mail follows from the delivery job); duplicates by dedupeKey are skipped. */
export async function notifyAccounts(tx: Tx, organizationId: string, accountIds: readonly string[], n: NewNotification): Promise<number> {
  if (accountIds.length === 0) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(
      accountIds.map((accountId) => ({
        organizationId,
        accountId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
        urgent: n.urgent ?? false,
        dedupeKey: n.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

/** Notifies everyone holding `role` (e.g. the 個人情報保護管理者). */
export async function notifyRole(tx: Tx, organizationId: string, role: PmsRole, today: string, n: NewNotification): Promise<number> {
  return notifyAccounts(tx, organizationId, await accountsWithRole(tx, organizationId, role, today), n);
}

/**
 * Marks as read, for every account of the organization, the unread notifications of one event
 * (by dedupe key): what they asked for has been done — e.g. a step of an approval was decided
 * by one of its approvers, so the others need not act. Returns how many were marked.
 */
export async function markNotificationsDone(tx: Tx, organizationId: string, dedupeKey: string, now: Date): Promise<number> {
  const updated = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.organizationId, organizationId), eq(notifications.dedupeKey, dedupeKey), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
