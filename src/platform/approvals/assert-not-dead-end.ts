import { roleLabels } from '../../domain/roles.ts';
import { type ApprovalStep, chainRoles, effectiveAlternateRole, resolveStep, stepLabel } from '../../rules/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { invalid } from '../http/errors.ts';
import { roleHoldersOn } from './approvers.ts';

// 申請の行き止まり (issue 10 「承認が行き止まらない」, SPEC §5.4 an approver never approves their
// own submission). The engine passes a step the submitter alone holds to its 代行者 or includes it
// in the next step's approval (pass-submitter-only-steps.ts), so a submission dead-ends only at the
// last step: the submitter is its only holder and no 代行者 can approve it either. That one case
// is refused here, for every record type, instead of each module checking its own chain.

/**
 * Refuses (422, field `approval`) a submission that nobody but the submitter could ever approve:
 * after the submitter's own steps are passed on, the chain's last step is held by the submitter
 * alone and has no 代行者 who could approve (rules/approvalChains.ts resolveStep `stranded`). The
 * message names the step and says who should submit instead. A step nobody holds (`vacant`) is
 * not refused: assigning the role unblocks the request, and the stuck-approvals list shows it.
 *
 * @example
 *   // 山田 太郎, the only トップマネジメント, submits a record whose chain is トップマネジメント only:
 *   await assertSomeoneElseCanApprove(tx, { organizationId, personId: yamada, steps: [{ role: 'top_management' }], departmentId: null, today });
 *   // → 422 「承認経路の最後の段「トップマネジメント」を承認できるのは申請者本人（山田 太郎さん）だけのため…」
 */
export async function assertSomeoneElseCanApprove(
  tx: Tx,
  input: { organizationId: string; personId: string; steps: readonly ApprovalStep[]; departmentId: string | null; today: string; recordLabel: string },
): Promise<void> {
  const { steps } = input;
  const last = steps.length - 1;
  const step = steps[last];
  if (!step) return;
  const holders = await roleHoldersOn(tx, input.organizationId, chainRoles(steps), input.today);
  const resolution = resolveStep({ steps, index: last, submitterPersonId: input.personId, departmentId: input.departmentId, holders });
  if (resolution.kind !== 'stranded') return;
  const label = stepLabel(step);
  const submitter = holders.find((h) => h.personId === input.personId)?.name ?? '申請者';
  const alternate = effectiveAlternateRole(step);
  const why = alternate ? `代行者の${roleLabels[alternate].ja}にも申請者のほかに承認できる人がいません` : '代行者も設定されていません';
  throw invalid(
    'approval',
    `この${input.recordLabel}は申請できません。承認経路の最後の段「${label}」を承認できるのは申請者本人（${submitter}さん）だけで、${why}（申請者は自分の申請を承認できません：職務の分離）。${label}以外の担当者（${submitter}さん以外の人）が申請するか、個人情報保護管理者が承認経路の設定でこの段の代行者を設定してください`,
    'approval_dead_end',
  );
}
