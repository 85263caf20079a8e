import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { computeDeadline } from './request-deadline.ts';
import { closedRequestStatuses, type RequestStatus } from './requests.labels.ts';
import { correctionsOf, deadlineSettingsOf, findRequest } from './requests.queries.ts';
import { requestCorrections, requests } from './requests.tables.ts';

// 補正の回答 through the public portal's follow-up link (issue #14 M5). The requester answers what
// the office asked; the answer is recorded on each open 補正 with today's date as 補正が完了した日,
// which ends the days the deadline engine does not count (法第83条第1項括弧書: 補正に要した日数).

export type PortalAnswerRefusal = 'closed' | 'nothing_open';

/**
 * Records the requester's answer on every open 補正 of the request (completedOn = today, JST) and
 * recomputes the deadline. Refuses (nothing written) when the request is closed or no 補正 is open.
 */
export async function answerPortalCorrections(
  tx: Tx,
  organizationId: string,
  requestId: string,
  answer: string,
  clock: Clock,
): Promise<{ refusal: PortalAnswerRefusal } | { refusal: null; completedOn: string; dueOn: string }> {
  const current = await findRequest(tx, organizationId, requestId, true);
  if (closedRequestStatuses.includes(current.status)) return { refusal: 'closed' };
  const open = (await correctionsOf(tx, organizationId, requestId)).filter((c) => !c.completedOn);
  if (open.length === 0) return { refusal: 'nothing_open' };
  // A 補正 asked today and answered today: completed the same day (never before it was asked).
  const completedOn = clock.today;
  await tx
    .update(requestCorrections)
    .set({ completedOn, answer })
    .where(and(eq(requestCorrections.organizationId, organizationId), eq(requestCorrections.requestId, requestId), isNull(requestCorrections.completedOn)));
  const corrections = await correctionsOf(tx, organizationId, requestId);
  const { result, dueOn } = computeDeadline({
    ...(await deadlineSettingsOf(tx, organizationId)),
    kind: current.kind,
    receivedOn: current.receivedOn,
    corrections,
    extended: current.extended,
    specialProvision: current.specialProvision,
    today: clock.today,
  });
  const status: RequestStatus = current.status === 'correcting' ? (current.identityCheck ? 'identity_verified' : 'received') : current.status;
  await tx
    .update(requests)
    .set({ deadline: result, dueOn, status, updatedAt: clock.now })
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, requestId)));
  return { refusal: null, completedOn, dueOn };
}
