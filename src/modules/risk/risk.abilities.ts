import type { RecordStatus } from '../../platform/reviews/reviews.schema.ts';
import type { DecisionAbilities } from '../../platform/approvals/approvals.service.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { departmentsKeptBy } from '../inventory/inventory.exports.ts';

// Who may do what with a リスク分析対策表 (STYLE 4: responses carry the caller's abilities, so the
// SPA shows its buttons from them and never re-derives these rules). The services refuse with
// the same predicates.

/**
 * Whether the actor draws up the department's 対策表: `risk.manage` and keeping the department's
 * 台帳 (J.3.1.3: 各部門の責任者; the 個人情報保護管理者 for every department).
 */
export function keepsAnalysesOf(actor: Actor, departmentId: string | null): boolean {
  if (!can(actor, 'risk.manage')) return false;
  const kept = departmentsKeptBy(actor);
  return kept === 'all' || (departmentId !== null && kept.has(departmentId));
}

/** A 対策表 awaiting approval is frozen: it is changed after a 差戻し or a 取下げ. */
export function isEditableStatus(status: RecordStatus): boolean {
  return status !== 'pending';
}

/** A 対策表 is submitted from a draft, after a 差戻し or after a 取下げ (an approved one goes back by re-approval). */
export function isSubmittableStatus(status: RecordStatus): boolean {
  return status === 'draft' || status === 'returned' || status === 'withdrawn';
}

// The caller's decisions on the 対策表's pending approval request are the approvals engine's own.
export { type DecisionAbilities, noDecision } from '../../platform/approvals/approvals.service.ts';

/** What the caller may do with a 対策表 now. */
export type AssessmentAbilities = DecisionAbilities & {
  /** 行の保存・類型の変更・典型リスクの追加: a keeper of the department, unless it awaits approval. */
  edit: boolean;
  /** 申請: a keeper of the department, from a draft, 差戻し or 取下げ. */
  submit: boolean;
};

/**
 * The caller's abilities on a 対策表.
 *
 * @example
 *   assessmentAbilities('draft', true, noDecision) // → { edit: true, submit: true, approve: false, return: false, withdraw: false }
 */
export function assessmentAbilities(status: RecordStatus, keeps: boolean, decision: DecisionAbilities): AssessmentAbilities {
  return { edit: keeps && isEditableStatus(status), submit: keeps && isSubmittableStatus(status), ...decision };
}
