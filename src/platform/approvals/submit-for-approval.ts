import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { holdsStepRole, isDepartmentBoundStep, stepLabel, transition } from '../../rules/approvalChains.ts';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import type { Tx } from '../db/connection.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { effectiveChain } from './approval-chains.ts';
import { assertSomeoneElseCanApprove } from './assert-not-dead-end.ts';
import { closeStepNotifications, notifyStepApprovers } from './approval-notifications.ts';
import { lockRecord, requireRecordType } from './approval-requests.ts';
import { approvalActions, approvalRequests } from './approvals.tables.ts';
import { ownRolesOn } from './approvers.ts';
import { passStepsOnlyTheSubmitterHolds } from './pass-submitter-only-steps.ts';
import type { ApprovalActor, ApprovalRequestRow, RegisteredRecordType } from './registry.ts';

// 申請 (SPEC §3, Principle 3): a record enters its organization's chain.

/**
 * 申請: submits a record for approval. Takes a snapshot of the record and a copy of the
 * organization's chain, refuses when a request for the record is already pending, and
 * notifies whoever can approve the first step. For a record type with
 * `submissionPassesAuthorSteps`, the leading steps the submitter holds are then passed by the
 * submission (see {@link passAuthorSteps}), and the returned request waits at the step after them.
 * A step the submitter alone holds then goes to its 代行者, or is included in the next step's
 * approval (SPEC §5.4, issue 10: see pass-submitter-only-steps.ts). A submission whose last
 * step only the submitter could approve is refused (assert-not-dead-end.ts); a request that
 * becomes stuck later (a role holder leaves) is on the stuck-approvals list (listStuckApprovals).
 */
export async function submitForApproval(
  tx: Tx,
  actor: ApprovalActor,
  recordType: string,
  recordId: string,
  clock: Clock,
  options: { previousRequestId?: string | null } = {},
): Promise<ApprovalRequestRow> {
  const type = requireRecordType(recordType);
  await lockRecord(tx, recordType, recordId);
  const snapshot = await type.snapshot(tx, actor.organizationId, recordId);
  if (!snapshot) throw notFound(type.label);
  const [pending] = await tx
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.organizationId, actor.organizationId),
        eq(approvalRequests.recordType, recordType),
        eq(approvalRequests.recordId, recordId),
        eq(approvalRequests.status, 'pending'),
      ),
    );
  if (pending) throw conflict('この記録には承認待ちの申請が既にあります。承認または差戻しを待ってください', 'approval_pending');
  const steps = await effectiveChain(tx, actor.organizationId, recordType);
  const bound = steps.find((s) => isDepartmentBoundStep(s));
  if (bound && !snapshot.departmentId) {
    throw invalid('departmentId', `承認経路に「${stepLabel(bound)}」（所属ごとの役割）が含まれるため、所属の指定が必要です`);
  }
  // Issue 10: the one true dead end — nobody but the submitter could approve the last step — is refused before anything is written.
  await assertSomeoneElseCanApprove(tx, {
    organizationId: actor.organizationId,
    personId: actor.personId,
    steps,
    departmentId: snapshot.departmentId,
    today: clock.today,
    recordLabel: type.label,
  });
  const [request] = await tx
    .insert(approvalRequests)
    .values({
      organizationId: actor.organizationId,
      recordType,
      recordId,
      title: snapshot.title,
      departmentId: snapshot.departmentId,
      recordSnapshot: snapshot.data,
      steps,
      currentStep: 0,
      status: 'pending',
      submittedByAccountId: actor.accountId,
      submittedByPersonId: actor.personId,
      submittedAt: clock.now,
      previousRequestId: options.previousRequestId ?? null,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!request) throw new Error('approval request insert returned nothing');
  await type.onStatusChange?.(tx, {
    organizationId: actor.organizationId,
    recordId,
    request,
    status: 'pending',
    actor,
    ...clock,
  });
  await notifyStepApprovers(tx, request, clock.today, type.label);
  const passed = type.submissionPassesAuthorSteps ? await passAuthorSteps(tx, type, request, actor, clock) : request;
  const routed = await passStepsOnlyTheSubmitterHolds(tx, passed, actor, clock);
  if (routed.currentStep !== passed.currentStep) await notifyStepApprovers(tx, routed, clock.today, type.label);
  return routed;
}

/**
 * 申請をもって経由 (the record type's `submissionPassesAuthorSteps`; PA01 J.8.6, J.3.1.1 c)–d),
 * J.3.1.3): the leading steps whose role the submitter holds in their own right — not by
 * delegation — are recorded as passed by the submission: a stamp in the submitter's name whose
 * comment says so, an audit event marked `passedBySubmission`, and a request to the next step's
 * holders. The last step is never passed, so a record is always approved by someone other than
 * its author (SPEC §5.4), and that approval goes through decideRequest (decide-request.ts) as usual.
 */
async function passAuthorSteps(tx: Tx, type: RegisteredRecordType, request: ApprovalRequestRow, actor: ApprovalActor, clock: Clock): Promise<ApprovalRequestRow> {
  const roles = await ownRolesOn(tx, actor.organizationId, actor.personId, clock.today);
  let current = request;
  while (current.status === 'pending' && current.currentStep < current.steps.length - 1) {
    const step = current.steps[current.currentStep];
    if (!step || !holdsStepRole(roles, step, current.departmentId)) break;
    const moved = transition({ status: current.status, currentStep: current.currentStep, stepCount: current.steps.length }, 'approve');
    if (!moved.ok || moved.completed) break;
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
    const [updated] = await tx
      .update(approvalRequests)
      .set({ currentStep: moved.state.currentStep, updatedAt: clock.now })
      .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.id, current.id)))
      .returning();
    if (!updated) break;
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: 'approve',
      entityType: 'approval_requests',
      entityId: current.id,
      actorAccountId: actor.accountId,
      meta: { recordType: current.recordType, recordId: current.recordId, step: current.currentStep, role: step.role, passedBySubmission: true },
    });
    // The passed step's requests to approve are settled, and the next step's holders (and their
    // delegates) are asked, as after any approval.
    await closeStepNotifications(tx, current, clock.now);
    current = updated;
    await notifyStepApprovers(tx, current, clock.today, type.label);
  }
  return current;
}
