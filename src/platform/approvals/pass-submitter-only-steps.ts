import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { transition } from '../../rules/approvalChains.ts';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import type { Tx } from '../db/connection.ts';
import { closeStepNotifications } from './approval-notifications.ts';
import { approvalRequests } from './approvals.tables.ts';
import { routingOf } from './approvers.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';

// 申請者本人しか持たない段 (issue 10 「承認が行き止まらない」, SPEC §5.4): a step whose role only the
// submitter holds can never be approved by its holder. rules/approvalChains.ts resolveStep sends
// it to its 代行者 when one is available (nothing to record: the 代行者 approve it as usual);
// otherwise the step is included in the next step's approval, which this file records.

/**
 * Moves a pending request past the steps, from its current one, that are included in the next
 * step's approval (resolveStep `pass`): no stamp — nobody approved them — but an audit event
 * per step marked `passedBecauseOnlySubmitterHolds` with the reason, the steps' requests to
 * approve settled, and the request at the step that actually waits. The approval screen shows
 * such a step as 「次の段で承認」 with the reason (presenters: passedStepNote). Called when a
 * request arrives at a step (submission, approval of the step before) and before a decision, so
 * a change of role holders since the arrival is applied too. The caller notifies the approvers
 * of the step the request now waits at. `by` is the account whose action moved the request.
 */
export async function passStepsOnlyTheSubmitterHolds(tx: Tx, request: ApprovalRequestRow, by: ApprovalActor, clock: Clock): Promise<ApprovalRequestRow> {
  if (request.status !== 'pending') return request;
  const routing = await routingOf(tx, request, clock.today);
  if (routing.passes.length === 0) return request;
  for (const pass of routing.passes) {
    // resolveStep never passes the last step, so each pass is an approve that does not complete.
    const moved = transition({ status: 'pending', currentStep: pass.index, stepCount: request.steps.length }, 'approve');
    if (!moved.ok || moved.completed) throw new Error(`approval request ${request.id}: step ${pass.index} cannot be passed`);
    await closeStepNotifications(tx, { ...request, currentStep: pass.index }, clock.now);
    await recordAuditEvent(tx, {
      organizationId: request.organizationId,
      action: 'approve',
      entityType: 'approval_requests',
      entityId: request.id,
      actorAccountId: by.accountId,
      meta: {
        recordType: request.recordType,
        recordId: request.recordId,
        step: pass.index,
        role: request.steps[pass.index]?.role,
        passedBecauseOnlySubmitterHolds: true,
        note: pass.note,
      },
    });
  }
  const [updated] = await tx
    .update(approvalRequests)
    .set({ currentStep: routing.index, updatedAt: clock.now })
    .where(and(eq(approvalRequests.organizationId, request.organizationId), eq(approvalRequests.id, request.id)))
    .returning();
  return updated ?? request;
}
