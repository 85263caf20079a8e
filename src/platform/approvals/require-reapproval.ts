import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { todayInJapan } from '../../domain/time.ts';
import { needsReapproval, transition } from '../../rules/approvalChains.ts';
import { accounts } from '../auth/auth.tables.ts';
import type { Tx } from '../db/connection.ts';
import { rowsOf } from '../db/tenancy.ts';
import { closeStepNotifications, notifySubmitter } from './approval-notifications.ts';
import { lockRecord, requireRecordType } from './approval-requests.ts';
import { approvalRequests } from './approvals.tables.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';
import { submitForApproval } from './submit-for-approval.ts';

// 再承認 (Principle 3): a change to an approved (or pending) record opens a new request.

/** The organization and account of the current tenant transaction (set by inOrg). */
async function transactionScope(tx: Tx): Promise<{ organizationId: string | null; accountId: string | null }> {
  const rows = rowsOf<{ org: string | null; actor: string | null }>(
    await tx.execute(sql`select nullif(current_setting('app.organization_id', true), '') as org, nullif(current_setting('app.actor_id', true), '') as actor`),
  );
  return {
    organizationId: rows[0]?.org ?? null,
    accountId: rows[0]?.actor ?? null,
  };
}

/**
 * Principle 3 「承認済みの記録が変更されたら再承認」: call after changing a record. When the
 * record's current snapshot differs from the snapshot of its approved (or still pending)
 * request, that request becomes `superseded` and a new pending request opens with the
 * organization's current chain; approvers and the earlier submitter are notified. The person
 * who changed the record becomes the submitter of the new request (so they cannot approve
 * it); by default that is the signed-in account of the transaction. The new request is a
 * submission like any other: with `submissionPassesAuthorSteps`, the leading steps that person
 * holds are passed by it.
 *
 * @example
 *   await updateRisk(tx, …);
 *   await requireReapprovalIfChanged(tx, 'risk_assessment', riskId, { now: deps.now() });
 */
export async function requireReapprovalIfChanged(
  tx: Tx,
  recordType: string,
  recordId: string,
  options: { by?: ApprovalActor; now?: Date } = {},
): Promise<{ reapproval: boolean; request?: ApprovalRequestRow }> {
  const type = requireRecordType(recordType);
  const scope = await transactionScope(tx);
  const organizationId = options.by?.organizationId ?? scope.organizationId;
  if (!organizationId) throw new Error('requireReapprovalIfChanged needs a tenant transaction or options.by');
  // Callers pass deps.now(); the fallback only serves scripts without a clock.
  const now = options.now ?? new Date();
  const clock = { today: todayInJapan(now), now };
  await lockRecord(tx, recordType, recordId);
  const [latest] = await tx
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.organizationId, organizationId),
        eq(approvalRequests.recordType, recordType),
        eq(approvalRequests.recordId, recordId),
        inArray(approvalRequests.status, ['approved', 'pending']),
      ),
    )
    .orderBy(desc(approvalRequests.submittedAt))
    .limit(1)
    .for('update');
  if (!latest) return { reapproval: false };
  const snapshot = await type.snapshot(tx, organizationId, recordId);
  if (!snapshot || !needsReapproval(latest.recordSnapshot, snapshot.data)) return { reapproval: false };
  const moved = transition(
    {
      status: latest.status,
      currentStep: latest.currentStep,
      stepCount: latest.steps.length,
    },
    'supersede',
  );
  if (!moved.ok) return { reapproval: false };
  let by = options.by ?? null;
  if (!by && scope.accountId) {
    const [account] = await tx
      .select({ id: accounts.id, personId: accounts.personId })
      .from(accounts)
      .where(and(eq(accounts.organizationId, organizationId), eq(accounts.id, scope.accountId)));
    if (account)
      by = {
        organizationId,
        accountId: account.id,
        personId: account.personId,
      };
  }
  by ??= {
    organizationId,
    accountId: latest.submittedByAccountId,
    personId: latest.submittedByPersonId,
  };
  const [superseded] = await tx.update(approvalRequests).set({ status: 'superseded', updatedAt: now }).where(eq(approvalRequests.id, latest.id)).returning();
  if (latest.status === 'pending') await closeStepNotifications(tx, latest, now);
  if (superseded)
    await type.onStatusChange?.(tx, {
      organizationId,
      recordId,
      request: superseded,
      status: 'superseded',
      actor: by,
      ...clock,
    });
  const request = await submitForApproval(tx, by, recordType, recordId, clock, {
    previousRequestId: latest.id,
  });
  if (latest.submittedByPersonId !== by.personId) {
    await notifySubmitter(
      tx,
      latest,
      'approval_reapproval',
      `再承認が必要になりました: ${latest.title}`,
      `${latest.status === 'approved' ? '承認済み' : '承認待ち'}の${type.label}が変更されたため、再承認の申請を開始しました。`,
    );
  }
  return { reapproval: true, request };
}
