import { and, eq, isNull, like } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { notifications } from '../../platform/notifications/notifications.tables.ts';
import { accountsWithRole, type NewNotification, notifyAccounts } from '../../platform/notifications/notify.ts';
import { departmentManagerRoles, pmsManagerRoles } from '../../domain/roles.ts';

/**
 * Accounts of the PMS managers (個人情報保護管理者; 総括保護管理者 for public bodies — incident news
 * goes to both kinds so neither profile misses it), and of the department's managers (所属長;
 * 保護管理者 for public bodies) when a department is given.
 */
export async function incidentRecipients(
  tx: Tx,
  organizationId: string,
  today: string,
  options: { departmentId?: string | null; includePms?: boolean; includeTop?: boolean } = {},
): Promise<string[]> {
  const ids = new Set<string>();
  if (options.includePms !== false) for (const role of pmsManagerRoles) for (const id of await accountsWithRole(tx, organizationId, role, today)) ids.add(id);
  if (options.includeTop) for (const id of await accountsWithRole(tx, organizationId, 'top_management', today)) ids.add(id);
  if (options.departmentId) for (const role of departmentManagerRoles) for (const id of await accountsWithRole(tx, organizationId, role, today, options.departmentId)) ids.add(id);
  return [...ids];
}

/** Notifies the PMS managers (and, with `departmentId`, the department's managers). */
export async function notifyIncidentRecipients(
  tx: Tx,
  organizationId: string,
  today: string,
  notification: NewNotification,
  options: { departmentId?: string | null; includeTop?: boolean } = {},
): Promise<number> {
  return notifyAccounts(tx, organizationId, await incidentRecipients(tx, organizationId, today, options), notification);
}

/** The dedupe key of the 「新たな報告等の義務」 notice of one duty at one facts revision. */
export function dutyAddedKey(incidentId: string, kind: string, factsRevision: number): string {
  return `incident:${incidentId}:duty:${kind}:r${factsRevision}`;
}

/**
 * Closes the 「新たな報告等の義務」 notices of a duty a change of facts removed (every revision that
 * announced it): they are marked read, so nobody is left with an open notice of a duty that no
 * longer applies (issue #10). Returns how many were closed.
 */
export async function closeDutyAddedNotices(tx: Tx, organizationId: string, incidentId: string, kind: string, now: Date): Promise<number> {
  const closed = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.kind, 'incident_duty_added'),
        like(notifications.dedupeKey, `incident:${incidentId}:duty:${kind}:r%`),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return closed.length;
}
