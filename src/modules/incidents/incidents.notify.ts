import type { Tx } from '../../platform/db/connection.ts';
import { accountsWithRole, type NewNotification, notifyAccounts } from '../../platform/notifications/notify.ts';
import type { PmsRole } from '../../domain/roles.ts';

/**
 * The people who run the PMS: the 個人情報保護管理者 (private profile) and the 総括保護管理者
 * (public profile, Toshima 4-8-2). Incident news goes to both kinds so neither profile misses it.
 */
const pmsManagerRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager'];

/** Department-bound roles told about an incident of their department (所属長; 保護管理者 for public bodies). */
const departmentManagerRoles: readonly PmsRole[] = ['department_head', 'protection_manager'];

/** Accounts of the PMS managers, and of the department's managers when a department is given. */
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
