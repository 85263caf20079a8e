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
import { passStepsOnlyTheSubmitterHolds } from './pass-submitter-only-steps.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';

// 承認 / 差戻し (SPEC §3): one decision on the current step. Approving and returning share every
// check — the state, separation of duties, the step's role — and differ only in where the
// request goes next, so they are one business function with two entry points.

/**
 * 承認 / 差戻し by the person acting on the current step. Checks, in order, under the row lock:
 * the transition is allowed from the current state (409), the actor is not the submitter
 * (SPEC §5.4, 403), and the actor holds the step's role — for the request's department when the
 * role is department-bound — in their own right or through a delegation in force today, or is
 * the step's 代行者 when the submitter alone holds it (403); a 代理 never makes one person approve
 * two steps of the chain (issue 10, 403). Steps the submitter alone holds are first passed to the
 * next step (pass-submitter-only-steps.ts), as they are when the request arrives at one.
 * Writes the stamp (a 代行者's says so), moves the request, runs the record type's hooks,
 * records the approval in the audit trail and notifies the next approvers or the submitter.
 */
export async function decideRequest(
  tx: Tx,
  actor: ApprovalActor,
  requestId: string,
  event: Extract<ApprovalEvent, 'approve' | 'return'>,
  comment: string | null,
  clock: Clock,
): Promise<ApprovalRequestRow> {
  const locked = await lockRequest(tx, actor.organizationId, requestId);
  const type = requireRecordType(locked.recordType);
  // The holders may have changed since the request arrived at its step (issue 10).
  const request = await passStepsOnlyTheSubmitterHolds(tx, locked, actor, clock);
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
  // A 代行者's stamp says why they approved a step that is not theirs (SPEC §5.4, issue 10).
  const alternateNote = capacity.capacity.asAlternate && acting.routing.resolution.kind === 'alternate' ? `【代行】${acting.routing.resolution.note}` : null;
  const ownComment = comment?.trim() || null;
  await tx.insert(approvalActions).values({
    organizationId: actor.organizationId,
    requestId: request.id,
    step: request.currentStep,
    action: event,
    actorPersonId: actor.personId,
    actorAccountId: actor.accountId,
    onBehalfOfPersonId: capacity.capacity.onBehalfOfPersonId,
    comment: alternateNote ? [alternateNote, ownComment].filter(Boolean).join('\n') : ownComment,
    createdAt: clock.now,
  });
  await closeStepNotifications(tx, request, clock.now);
  const finished = moved.state.status !== 'pending';
  const [stored] = await tx
    .update(approvalRequests)
    .set({
      status: moved.state.status,
      currentStep: moved.state.currentStep,
      decidedAt: finished ? clock.now : null,
      updatedAt: clock.now,
    })
    .where(eq(approvalRequests.id, request.id))
    .returning();
  if (!stored) throw notFound('承認依頼');
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
      asAlternate: capacity.capacity.asAlternate === true,
      status: moved.state.status,
    },
  });
  // The next step may be one the submitter alone holds (issue 10).
  const updated = await passStepsOnlyTheSubmitterHolds(tx, stored, actor, clock);
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
