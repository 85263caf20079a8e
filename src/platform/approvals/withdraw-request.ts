import { eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { transition } from '../../rules/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { closeStepNotifications } from './approval-notifications.ts';
import { lockRequest, requireRecordType } from './approval-requests.ts';
import { approvalRequests } from './approvals.tables.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';

/**
 * 取下げ: the submitter takes back a pending request (SPEC §3). Only the submitter may (403);
 * only a pending request can be withdrawn (409). The step's "please approve" notifications are
 * settled and the record type hears of the new status.
 */
export async function withdrawRequest(tx: Tx, actor: ApprovalActor, requestId: string, clock: Clock): Promise<ApprovalRequestRow> {
  const request = await lockRequest(tx, actor.organizationId, requestId);
  const type = requireRecordType(request.recordType);
  if (request.submittedByPersonId !== actor.personId) throw forbidden('申請を取り下げられるのは申請者本人だけです');
  const moved = transition(
    {
      status: request.status,
      currentStep: request.currentStep,
      stepCount: request.steps.length,
    },
    'withdraw',
  );
  if (!moved.ok) throw conflict(moved.message, 'approval_state');
  await closeStepNotifications(tx, request, clock.now);
  const [updated] = await tx
    .update(approvalRequests)
    .set({
      status: moved.state.status,
      decidedAt: clock.now,
      updatedAt: clock.now,
    })
    .where(eq(approvalRequests.id, request.id))
    .returning();
  if (!updated) throw notFound('承認依頼');
  await type.onStatusChange?.(tx, {
    organizationId: actor.organizationId,
    recordId: request.recordId,
    request: updated,
    status: 'withdrawn',
    actor,
    ...clock,
  });
  return updated;
}
