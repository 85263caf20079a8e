import type { z } from 'zod';
import { pmsManagerRoles } from '../../domain/roles.ts';
import { type Actor, can, hasRole } from '../../platform/policies/actor.ts';
import { managesDepartment, seesWholeOrganization } from '../incidents/incidents.api.ts';
import type { CorrectiveStatus } from './corrective.labels.ts';
import type { correctiveAbilitiesResponse } from './corrective.responses.ts';

// Who may do what with a corrective action (J.7.1 h)). Nonconformities carry no personal data,
// so every holder of corrective.read sees the organization's records; changing one is for the
// org-wide corrective managers or the 所属長 of its department, and the effectiveness review is
// the 個人情報保護管理者's.

/** 個人情報保護管理者 (or 総括保護管理者): the one who reviews effectiveness (J.7.1 h) 6)). */
export function isPmsManager(actor: Actor): boolean {
  return pmsManagerRoles.some((role) => hasRole(actor, role));
}

/** Whether the actor may work on the record: org-wide corrective managers, or the department's own 所属長. */
export function canManageCorrective(actor: Actor, row: { departmentId: string }): boolean {
  return can(actor, 'corrective.manage') && (seesWholeOrganization(actor) || managesDepartment(actor, row.departmentId));
}

/** What the actor may do with a corrective action now; the business functions refuse the rest. */
export type CorrectiveAbilities = z.output<typeof correctiveAbilitiesResponse>;

/**
 * The actor's abilities on a record, in the order of J.7.1 h): the plan while drafting (and,
 * with re-approval, while in progress), the implementation and the effectiveness review once
 * the plan is approved, and the two submissions. Nothing while an approval is pending or after
 * completion.
 *
 * @example
 * correctiveAbilities(salesHead, { departmentId: sales, status: 'draft' })
 * // → { edit: true, editPlan: true, recordImplementation: false, reviewEffectiveness: false, submitPlan: true, submitResult: false }
 */
export function correctiveAbilities(actor: Actor, row: { departmentId: string; status: CorrectiveStatus }): CorrectiveAbilities {
  const manage = canManageCorrective(actor, row);
  const drafting = row.status === 'draft';
  const inProgress = row.status === 'in_progress';
  const editPlan = manage && (drafting || inProgress);
  const recordImplementation = manage && inProgress;
  const reviewEffectiveness = manage && isPmsManager(actor) && inProgress;
  return {
    edit: editPlan || recordImplementation || reviewEffectiveness,
    editPlan,
    recordImplementation,
    reviewEffectiveness,
    submitPlan: manage && drafting,
    submitResult: manage && inProgress,
  };
}
