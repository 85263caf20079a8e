import type { z } from 'zod';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { managesDepartment, seesWholeOrganization } from '../incidents/incidents.api.ts';
import type { contractorAbilitiesResponse } from './contractors.responses.ts';

// Who may do what with a 委託先 (J.9.4). Every holder of contractors.read sees the organization's
// register (J.9.4 4: one register of every contractor). Changing a row is for the organization-wide
// managers (個人情報保護管理者 …) or the 所属長 of the department that entrusts the work (J.9.4 t)
// 「各所属長は、当該所属が個人情報を委託する全ての委託先について…評価を実施」).

/** Whether the actor may register a 委託先 for `departmentId` (null: no department). */
export function canManageContractor(actor: Actor, row: { departmentId: string | null }): boolean {
  return can(actor, 'contractors.manage') && (seesWholeOrganization(actor) || managesDepartment(actor, row.departmentId));
}

/** Whether the actor may register 委託先 at all (the list's 登録 button). */
export function canCreateContractor(actor: Actor): boolean {
  return can(actor, 'contractors.manage');
}

export type ContractorAbilities = z.output<typeof contractorAbilitiesResponse>;

/** The actor's abilities on a 委託先. */
export function contractorAbilities(actor: Actor, row: { departmentId: string | null }): ContractorAbilities {
  return { edit: canManageContractor(actor, row) };
}
