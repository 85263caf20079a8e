import type { ApprovalActor } from '../../platform/approvals/registry.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { departmentsKeptBy as keptDepartments, keepsDepartment as keeps, notKeeper } from '../../platform/reviews/keepers.ts';

// Who keeps a department's 台帳 (J.3.1.1: 各所属長が見直しを行い…): the department's 所属長,
// 個人情報取扱責任者, 個人情報管理者 … and, for every department, the PMS manager
// (`inventory.manage`). The platform's keepers (reviews/keepers.ts) with the 台帳's permission.

/** The permission that keeps every department's 台帳 (the 個人情報保護管理者 holds it). */
const everyDepartment = 'inventory.manage';

/**
 * The departments whose 台帳 the actor keeps: every department for the PMS manager
 * (`inventory.manage`), otherwise those where the actor holds a keeper role.
 */
export function departmentsKeptBy(actor: Actor): 'all' | Set<string> {
  return keptDepartments(actor, everyDepartment);
}

/** Whether the actor keeps the department's 台帳. */
export function keepsDepartment(actor: Actor, departmentId: string): boolean {
  return keeps(actor, departmentId, everyDepartment);
}

/** Refuses an actor who does not keep the department's 台帳 (403 with the reason). */
export function assertKeeps(actor: Actor, departmentId: string, what = 'この所属の台帳'): void {
  if (!keepsDepartment(actor, departmentId)) throw notKeeper(what);
}

/** The actor as the approvals engine sees them. */
export function approvalActorOf(actor: Actor): ApprovalActor {
  return { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId };
}
