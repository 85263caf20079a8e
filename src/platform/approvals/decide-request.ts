import { eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { type ApprovalEvent, stepLabel, transition } from '../../rules/approvalChains.ts';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import type { Tx } from '../db/connection.ts';
import { conflict, forbidden, HttpError, invalid, notFound } from '../http/errors.ts';
import { closeStepNotifications, notifyStepApprovers, notifySubmitter } from './approval-notifications.ts';
import { lockRequest, requireRecordType } from './approval-requests.ts';
import { approvalActions, approvalRequests } from './approvals.tables.ts';
import { capacityOnCurrentStep } from './approvers.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';

// 承認 / 差戻し (SPEC §3): one decision on the current step. Approving and returning share every
// check — the state, separation of duties, the step's role — and differ only in where the
// request goes next, so they are one business function with two entry points.

/**
 * 承認 / 差戻し by the person acting on the current step. Checks, in order, under the row lock:
 * the transition is allowed from the current state (409), the actor is not the submitter
 * (SPEC §5.4, 403), and the actor holds the step's role — for the request's department when the
 * role is department-bound — in their own right or through a delegation in force today (403).
 * Writes the stamp, moves the request, runs the record type's hooks, records the approval in
 * the audit trail and notifies the next approvers or the submitter.
 */
export async function decideRequest(
  tx: Tx,
  actor: ApprovalActor,
  requestId: string,
  event: Extract<ApprovalEvent, 'approve' | 'return'>,
  comment: string | null,
  clock: Clock,
): Promise<ApprovalRequestRow> {
  const request = await lockRequest(tx, actor.organizationId, requestId);
  const type = requireRecordType(request.recordType);
  const moved = transition(
    {
      status: request.status,
      currentStep: request.currentStep,
      stepCount: request.steps.length,
    },
    event,
  );
  if (!moved.ok) throw conflict(moved.message, 'approval_state');
  if (event === 'return' && !comment?.trim()) throw invalid('comment', '差戻しの理由（コメント）を入力してください');
  const step = request.steps[request.currentStep];
  const acting = await capacityOnCurrentStep(tx, actor, request, clock.today);
  if (!step || !acting) throw new Error(`approval request ${request.id} has no step ${request.currentStep}`);
  const { capacity } = acting;
  if (!capacity.ok) {
    if (capacity.violation) throw new HttpError(403, capacity.violation.message, 'separation_of_duties');
    throw forbidden(`この申請の現在の承認ステップ（${stepLabel(step)}）を${event === 'approve' ? '承認' : '差戻し'}する権限がありません`);
  }
  await tx.insert(approvalActions).values({
    organizationId: actor.organizationId,
    requestId: request.id,
    step: request.currentStep,
    action: event,
    actorPersonId: actor.personId,
    actorAccountId: actor.accountId,
    onBehalfOfPersonId: capacity.capacity.onBehalfOfPersonId,
    comment: comment?.trim() || null,
    createdAt: clock.now,
  });
  await closeStepNotifications(tx, request, clock.now);
  const finished = moved.state.status !== 'pending';
  const [updated] = await tx
    .update(approvalRequests)
    .set({
      status: moved.state.status,
      currentStep: moved.state.currentStep,
      decidedAt: finished ? clock.now : null,
      updatedAt: clock.now,
    })
    .where(eq(approvalRequests.id, request.id))
    .returning();
  if (!updated) throw notFound('承認依頼');
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    action: event,
    entityType: 'approval_requests',
    entityId: request.id,
    actorAccountId: actor.accountId,
    meta: {
      recordType: request.recordType,
      recordId: request.recordId,
      step: request.currentStep,
      role: step.role,
      onBehalfOfPersonId: capacity.capacity.onBehalfOfPersonId,
      status: moved.state.status,
    },
  });
  const hook = {
    organizationId: actor.organizationId,
    recordId: request.recordId,
    request: updated,
    status: moved.state.status,
    actor,
    ...clock,
  };
  if (moved.completed) await type.onApproved?.(tx, hook);
  if (finished) await type.onStatusChange?.(tx, hook);
  if (moved.completed) {
    await notifySubmitter(tx, updated, 'approval_approved', `承認されました: ${updated.title}`, `${type.label}が最終承認されました。`);
  } else if (moved.state.status === 'returned') {
    await notifySubmitter(tx, updated, 'approval_returned', `差し戻されました: ${updated.title}`, `${stepLabel(step)}から差し戻されました。理由: ${comment ?? ''}`);
  } else {
    await notifyStepApprovers(tx, updated, clock.today, type.label);
  }
  return updated;
}

/** 承認: approves the current step (the last step's approval completes the request). */
export function approveStep(tx: Tx, actor: ApprovalActor, requestId: string, comment: string | null, clock: Clock): Promise<ApprovalRequestRow> {
  return decideRequest(tx, actor, requestId, 'approve', comment, clock);
}

/** 差戻し: returns the request to its submitter; the reason is required so they know what to fix. */
export function returnRequest(tx: Tx, actor: ApprovalActor, requestId: string, comment: string, clock: Clock): Promise<ApprovalRequestRow> {
  return decideRequest(tx, actor, requestId, 'return', comment, clock);
}
