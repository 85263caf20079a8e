import { and, eq } from 'drizzle-orm';
import { holdsStepRole, stepLabel } from '../../rules/approvalChains.ts';
import { approvalActions, approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { type Clock, rolesOn, submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { type ApprovalActor, type ApprovalRequestRow, findApprovalRecordType } from '../../platform/approvals/registry.ts';
import { recordAuditEvent } from '../../platform/audit/auditEvents.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { accountsWithRole, notifyAccounts } from '../../platform/notifications/notify.ts';
import { roleLabels } from '../../platform/org/roles.ts';

/**
 * PA01 routes the 申請書 「所属長を経由して」 to the 個人情報保護管理者 (J.8.6, J.3.1.1 c)–d)), and
 * the リスク分析対策表 is drawn up by 「各部門の責任者」 and then approved by the 個人情報保護管理者 and
 * トップマネジメント (J.3.1.3). When the 所属長 writes the record themself, their step is the
 * writing: the separation-of-duty rule (SPEC §5.4) forbids them to stamp it as an approver, and
 * nobody else holds their step, so the chain would stall. This helper records that first step as
 * passed *by the submission* — a stamp in the submitter's name whose comment says so — and moves
 * the request to the next step (the 個人情報保護管理者), whose approval the engine still guards.
 * Only leading steps the submitter holds in their own right are passed; never the last step, so a
 * record is always approved by someone other than its author.
 */
export async function passSubmitterSteps(tx: Tx, request: ApprovalRequestRow, actor: ApprovalActor, clock: Clock): Promise<ApprovalRequestRow> {
  const roles = (await rolesOn(tx, actor.organizationId, [actor.personId], clock.today)).get(actor.personId) ?? [];
  let current = request;
  while (current.status === 'pending' && current.currentStep < current.steps.length - 1) {
    const step = current.steps[current.currentStep];
    if (!step || !holdsStepRole(roles, step, current.departmentId)) break;
    await tx.insert(approvalActions).values({
      organizationId: actor.organizationId,
      requestId: current.id,
      step: current.currentStep,
      action: 'approve',
      actorPersonId: actor.personId,
      actorAccountId: actor.accountId,
      comment: `申請者が${stepLabel(step)}のため、申請をもって${stepLabel(step)}の確認（経由）とします`,
      createdAt: clock.now,
    });
    const [moved] = await tx
      .update(approvalRequests)
      .set({ currentStep: current.currentStep + 1, updatedAt: clock.now })
      .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.id, current.id)))
      .returning();
    if (!moved) break;
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: 'approve',
      entityType: 'approval_requests',
      entityId: current.id,
      actorAccountId: actor.accountId,
      meta: { recordType: current.recordType, recordId: current.recordId, step: current.currentStep, role: step.role, passedBySubmission: true },
    });
    current = moved;
    const next = current.steps[current.currentStep];
    if (next) {
      // The engine notified the first step's holders at submission; the next step's holders now.
      const bound = roleLabels[next.role].perDepartment === true || next.sameDepartment === true;
      const accountIds = (await accountsWithRole(tx, actor.organizationId, next.role, clock.today, bound ? current.departmentId : undefined)).filter((id) => id !== actor.accountId);
      const label = findApprovalRecordType(current.recordType)?.label ?? current.recordType;
      await notifyAccounts(tx, actor.organizationId, accountIds, {
        kind: 'approval_requested',
        title: `承認依頼: ${current.title}`,
        body: `${label}の承認（${stepLabel(next)}）をお願いします。`,
        link: `/approvals/${current.id}`,
        dedupeKey: `approval:${current.id}:step:${current.currentStep}`,
      });
    }
  }
  return current;
}

/** Submits a record for approval and passes the leading steps its author holds (see {@link passSubmitterSteps}). */
export async function submitWithAuthorSteps(tx: Tx, actor: ApprovalActor, recordType: string, recordId: string, clock: Clock): Promise<ApprovalRequestRow> {
  const request = await submitForApproval(tx, actor, recordType, recordId, clock);
  return passSubmitterSteps(tx, request, actor, clock);
}
