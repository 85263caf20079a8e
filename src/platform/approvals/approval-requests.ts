import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { invalid, notFound } from '../http/errors.ts';
import { approvalRequests } from './approvals.tables.ts';
import { type ApprovalRequestRow, findApprovalRecordType, type RegisteredRecordType } from './registry.ts';

// The approval request row and its locks, shared by the verbs (submit-for-approval.ts,
// decide-request.ts, withdraw-request.ts, require-reapproval.ts). Every transition takes the
// request row with SELECT … FOR UPDATE, so two approvers clicking at once cannot both move it
// (STYLE 7: explicit state machines under a row lock).

/** Key space of the advisory locks taken per record (one submission at a time). */
const RECORD_LOCK = 727264;

/** The registered record type, or 400 when the engine does not know it. */
export function requireRecordType(type: string): RegisteredRecordType {
  const found = findApprovalRecordType(type);
  if (!found) throw invalid('recordType', `承認の対象にできない記録の種類です: ${type}`);
  return found;
}

/**
 * Serializes submissions and re-approvals of one record (transaction-scoped advisory lock), so
 * the "one pending request per record" check and the insert cannot interleave.
 */
export async function lockRecord(tx: Tx, recordType: string, recordId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RECORD_LOCK}, hashtext(${`${recordType}:${recordId}`}))`);
}

/** The request row under FOR UPDATE; another organization's id is 404. */
export async function lockRequest(tx: Tx, organizationId: string, requestId: string): Promise<ApprovalRequestRow> {
  const [request] = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organizationId, organizationId), eq(approvalRequests.id, requestId)))
    .for('update');
  if (!request) throw notFound('承認依頼');
  return request;
}
