import { and, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import { chainRoles, resolveStep, stepLabel } from '../../rules/approvalChains.ts';
import { accounts } from '../auth/auth.tables.ts';
import type { Tx } from '../db/connection.ts';
import { markNotificationsDone, notifyAccounts } from '../notifications/notify.ts';
import { people } from '../org/org.tables.ts';
import { approvalDelegations } from './approvals.tables.ts';
import { roleHoldersOn } from './approvers.ts';
import type { ApprovalRequestRow } from './registry.ts';

// In-app notifications of the approvals engine: "please approve" to the current step's approvers
// (and their delegates), and the outcome to the submitter. Every one leads to /approvals/:id.

/** The SPA screen of an approval request: every approval notification and inbox item leads here. */
export function approvalLink(requestId: string): string {
  return `/approvals/${requestId}`;
}

/** Dedupe key of the notifications asking for one step's approval (one per approver and step). */
export function stepNotificationKey(requestId: string, step: number): string {
  return `approval:${requestId}:step:${step}`;
}

/**
 * Accounts to notify for the current step of a request: whoever approves it (its holders — for
 * the request's department when department-bound — or, when the submitter alone holds it, its
 * 代行者: rules/approvalChains.ts resolveStep), plus whoever they delegated to today — never the
 * submitter (SPEC §5.4: they cannot approve it anyway). Nobody when the step has no approver:
 * the stuck-approvals list (approvals.stuck) shows it.
 */
async function stepApproverAccounts(tx: Tx, request: ApprovalRequestRow, today: string): Promise<{ accountIds: string[]; note: string | null }> {
  if (!request.steps[request.currentStep]) return { accountIds: [], note: null };
  const resolution = resolveStep({
    steps: request.steps,
    index: request.currentStep,
    submitterPersonId: request.submittedByPersonId,
    departmentId: request.departmentId,
    holders: await roleHoldersOn(tx, request.organizationId, chainRoles(request.steps), today),
  });
  const approverIds = [...new Set(resolution.approvers.map((a) => a.personId))];
  const delegates =
    approverIds.length === 0
      ? []
      : await tx
          .selectDistinct({ personId: approvalDelegations.toPersonId })
          .from(approvalDelegations)
          .where(
            and(
              eq(approvalDelegations.organizationId, request.organizationId),
              inArray(approvalDelegations.fromPersonId, approverIds),
              ne(approvalDelegations.fromPersonId, request.submittedByPersonId),
              lte(approvalDelegations.startsOn, today),
              gte(approvalDelegations.endsOn, today),
            ),
          );
  const personIds = [...new Set([...approverIds, ...delegates.map((d) => d.personId)])].filter((id) => id !== request.submittedByPersonId);
  const note = resolution.kind === 'alternate' ? resolution.note : null;
  if (personIds.length === 0) return { accountIds: [], note };
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, request.organizationId), inArray(accounts.personId, personIds), isNull(accounts.disabledAt)));
  return { accountIds: rows.map((r) => r.id), note };
}

/**
 * The step's "please approve" notifications are done once someone approved or returned it (or
 * the request left `pending`): they are marked read for every approver who got one, so the
 * others' inboxes and bells stop asking for something already decided.
 */
export async function closeStepNotifications(tx: Tx, request: ApprovalRequestRow, now: Date): Promise<void> {
  await markNotificationsDone(tx, request.organizationId, stepNotificationKey(request.id, request.currentStep), now);
}

/** Asks the current step's approvers (and their delegates) to approve; `label` is the record type's name. */
export async function notifyStepApprovers(tx: Tx, request: ApprovalRequestRow, today: string, label: string): Promise<void> {
  const step = request.steps[request.currentStep];
  if (!step) return;
  const [submitter] = await tx.select({ name: people.name }).from(people).where(eq(people.id, request.submittedByPersonId));
  const { accountIds, note } = await stepApproverAccounts(tx, request, today);
  await notifyAccounts(tx, request.organizationId, accountIds, {
    kind: 'approval_requested',
    title: `承認依頼: ${request.title}`,
    body: `${label}の承認（${stepLabel(step)}）をお願いします。申請者: ${submitter?.name ?? ''}${note ? `（${note}）` : ''}`,
    link: approvalLink(request.id),
    dedupeKey: stepNotificationKey(request.id, request.currentStep),
  });
}

/** Tells the submitter what became of their request (approved, returned, re-approval opened). */
export async function notifySubmitter(
  tx: Tx,
  request: ApprovalRequestRow,
  kind: 'approval_approved' | 'approval_returned' | 'approval_reapproval',
  title: string,
  body: string,
): Promise<void> {
  await notifyAccounts(tx, request.organizationId, [request.submittedByAccountId], {
    kind,
    title,
    body,
    link: approvalLink(request.id),
    dedupeKey: `approval:${request.id}:${kind}`,
  });
}
