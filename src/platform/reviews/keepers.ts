import type { PmsRole } from '../../domain/roles.ts';
import { forbidden } from '../http/errors.ts';
import { type Actor, can } from '../policies/actor.ts';
import type { Permission } from '../policies/permissions.ts';

// Who keeps a department's records (台帳, リスク分析対策表, their yearly review): the department's
// 所属長 and the other department-bound keepers, and the 個人情報保護管理者 for every department.
// A module names the permission that grants every department (its `<m>.manage`); without one,
// the roles that run the PMS do (J.2.3.1: 個人情報保護管理者, 総括保護管理者 — the roles that
// hold every permission, policies/permissions.ts).

/** Department-bound roles that keep a department's records (所属長, 個人情報取扱責任者, 個人情報管理者 …). */
export const departmentKeeperRoles: readonly PmsRole[] = ['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff'];

/** The roles that keep every department when no permission is named (they hold every permission). */
const pmsOverseerRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager'];

/**
 * The departments whose records the actor keeps: every department for whoever holds
 * `everyDepartment` (or, when none is named, runs the PMS), otherwise those where the actor
 * holds a keeper role.
 *
 * @example
 *   departmentsKeptBy(salesHead, 'inventory.manage') // → Set { 営業部の id }
 */
export function departmentsKeptBy(actor: Actor, everyDepartment?: Permission): 'all' | Set<string> {
  const overseer = everyDepartment ? can(actor, everyDepartment) : actor.roles.some((r) => pmsOverseerRoles.includes(r.role));
  if (overseer) return 'all';
  return new Set(actor.roles.filter((r) => departmentKeeperRoles.includes(r.role) && r.departmentId).map((r) => r.departmentId as string));
}

/** Whether the actor keeps the department's records (see {@link departmentsKeptBy}). */
export function keepsDepartment(actor: Actor, departmentId: string, everyDepartment?: Permission): boolean {
  const kept = departmentsKeptBy(actor, everyDepartment);
  return kept === 'all' || kept.has(departmentId);
}

/** The refusal when the actor does not keep the department (403 with the reason). */
export function notKeeper(what: string) {
  return forbidden(`${what}を申請・変更できるのは、その所属の所属長・個人情報取扱責任者等と個人情報保護管理者です`);
}
