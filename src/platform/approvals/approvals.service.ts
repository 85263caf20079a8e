import type { Clock } from '../../domain/time.ts';
import { todayInJapan } from '../../domain/time.ts';
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ApprovalEvent,
  type ApprovalStep,
  actingCapacity,
  approvalStatusLabels,
  type Delegator,
  type HeldRole,
  holdsStepRole,
  isDepartmentBoundStep,
  needsReapproval,
  stepLabel,
  transition,
  validateChainSteps,
} from '../../rules/approvalChains.ts';
import { defaultApprovalChains } from '../../rules/data/approvalChains.ts';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import { accounts } from '../auth/auth.tables.ts';

import type { Tx } from '../db/connection.ts';
import { rowsOf } from '../db/tenancy.ts';
import { conflict, forbidden, HttpError, invalid, notFound } from '../http/errors.ts';
import { markNotificationsDone, notifyAccounts } from '../notifications/notify.ts';
import { departments, people, roleAssignments } from '../org/org.tables.ts';
import { roleLabels } from '../../domain/roles.ts';
import { type Actor, can } from '../policies/actor.ts';
import { approvalActions, approvalChains, approvalDelegations, approvalRequests } from './approvals.tables.ts';
import { type ApprovalActor, type ApprovalRequestRow, findApprovalRecordType, type RegisteredRecordType, registeredApprovalRecordTypes, type SnapshotField } from './registry.ts';

// The approvals engine (SPEC §3, Principle 3): submit → approve / return per step of the
// organization's chain, with stamps, delegation, separation of duties and re-approval. Every
// transition takes the request row with SELECT … FOR UPDATE, so two approvers clicking at once
// cannot both move it; the rules themselves are pure (rules/approvalChains.ts).

/** Key space of the advisory locks taken per record (one submission at a time). */
const RECORD_LOCK = 727264;

function requireRecordType(type: string): RegisteredRecordType {
  const found = findApprovalRecordType(type);
  if (!found) throw invalid('recordType', `承認の対象にできない記録の種類です: ${type}`);
  return found;
}

// ---- who holds what ----

/** Roles each person holds on `today` (department-bound roles with their department). */
export async function rolesOn(tx: Tx, organizationId: string, personIds: readonly string[], today: string): Promise<Map<string, HeldRole[]>> {
  const result = new Map<string, HeldRole[]>();
  if (personIds.length === 0) return result;
  const rows = await tx
    .select({
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      departmentId: roleAssignments.departmentId,
    })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        inArray(roleAssignments.personId, [...personIds]),
        lte(roleAssignments.startsOn, today),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
      ),
    );
  for (const r of rows) result.set(r.personId, [...(result.get(r.personId) ?? []), { role: r.role, departmentId: r.departmentId }]);
  return result;
}

/** People who delegated their approvals to `personId` with a delegation in force on `today`, with their roles. */
export async function delegatorsOf(tx: Tx, organizationId: string, personId: string, today: string): Promise<Delegator[]> {
  const rows = await tx
    .selectDistinct({ fromPersonId: approvalDelegations.fromPersonId })
    .from(approvalDelegations)
    .where(
      and(
        eq(approvalDelegations.organizationId, organizationId),
        eq(approvalDelegations.toPersonId, personId),
        lte(approvalDelegations.startsOn, today),
        gte(approvalDelegations.endsOn, today),
      ),
    );
  const roles = await rolesOn(
    tx,
    organizationId,
    rows.map((r) => r.fromPersonId),
    today,
  );
  return rows.map((r) => ({
    personId: r.fromPersonId,
    roles: roles.get(r.fromPersonId) ?? [],
  }));
}

async function personNames(tx: Tx, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Accounts to notify for the current step of a request: everyone holding the step's role (for
 * the request's department when department-bound), plus whoever they delegated to today —
 * never the submitter.
 */
async function stepApproverAccounts(tx: Tx, request: ApprovalRequestRow, today: string): Promise<string[]> {
  const step = request.steps[request.currentStep];
  if (!step) return [];
  const bound = isDepartmentBoundStep(step);
  if (bound && !request.departmentId) return [];
  const holders = await tx
    .selectDistinct({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organizationId, request.organizationId),
        eq(roleAssignments.role, step.role),
        lte(roleAssignments.startsOn, today),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
        bound && request.departmentId ? eq(roleAssignments.departmentId, request.departmentId) : sql`true`,
      ),
    );
  const holderIds = holders.map((h) => h.personId);
  const delegates =
    holderIds.length === 0
      ? []
      : await tx
          .selectDistinct({ personId: approvalDelegations.toPersonId })
          .from(approvalDelegations)
          .where(
            and(
              eq(approvalDelegations.organizationId, request.organizationId),
              inArray(approvalDelegations.fromPersonId, holderIds),
              ne(approvalDelegations.fromPersonId, request.submittedByPersonId),
              lte(approvalDelegations.startsOn, today),
              gte(approvalDelegations.endsOn, today),
            ),
          );
  const personIds = [...new Set([...holderIds, ...delegates.map((d) => d.personId)])].filter((id) => id !== request.submittedByPersonId);
  if (personIds.length === 0) return [];
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, request.organizationId), inArray(accounts.personId, personIds), isNull(accounts.disabledAt)));
  return rows.map((r) => r.id);
}

/** The SPA screen of an approval request: every approval notification and inbox item leads here. */
export function approvalLink(requestId: string): string {
  return `/approvals/${requestId}`;
}

/** Dedupe key of the notifications asking for one step's approval (one per approver and step). */
export function stepNotificationKey(requestId: string, step: number): string {
  return `approval:${requestId}:step:${step}`;
}

/**
 * The step's "please approve" notifications are done once someone approved or returned it (or
 * the request left `pending`): they are marked read for every approver who got one, so the
 * others' inboxes and bells stop asking for something already decided.
 */
async function closeStepNotifications(tx: Tx, request: ApprovalRequestRow, now: Date): Promise<void> {
  await markNotificationsDone(tx, request.organizationId, stepNotificationKey(request.id, request.currentStep), now);
}

async function notifyStepApprovers(tx: Tx, request: ApprovalRequestRow, today: string, label: string): Promise<void> {
  const step = request.steps[request.currentStep];
  if (!step) return;
  const [submitter] = await tx.select({ name: people.name }).from(people).where(eq(people.id, request.submittedByPersonId));
  await notifyAccounts(tx, request.organizationId, await stepApproverAccounts(tx, request, today), {
    kind: 'approval_requested',
    title: `承認依頼: ${request.title}`,
    body: `${label}の承認（${stepLabel(step)}）をお願いします。申請者: ${submitter?.name ?? ''}`,
    link: approvalLink(request.id),
    dedupeKey: stepNotificationKey(request.id, request.currentStep),
  });
}

async function notifySubmitter(
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

// ---- chains ----

/** The organization's chain for a record type: its own, or the record type's default. */
export async function effectiveChain(tx: Tx, organizationId: string, recordType: string): Promise<ApprovalStep[]> {
  const [row] = await tx
    .select({ steps: approvalChains.steps })
    .from(approvalChains)
    .where(and(eq(approvalChains.organizationId, organizationId), eq(approvalChains.recordType, recordType)));
  if (row && row.steps.length > 0) return row.steps;
  const type = findApprovalRecordType(recordType);
  const fallback = type?.defaultSteps ?? defaultApprovalChains[recordType]?.steps;
  if (!fallback) throw invalid('recordType', `承認の対象にできない記録の種類です: ${recordType}`);
  return [...fallback];
}

/** Every record type the organization can configure: registered types and the rules defaults. */
export async function listChains(tx: Tx, organizationId: string) {
  const rows = await tx.select().from(approvalChains).where(eq(approvalChains.organizationId, organizationId));
  const own = new Map(rows.map((r) => [r.recordType, r.steps]));
  const types = new Map<
    string,
    {
      label: string;
      defaultSteps: readonly ApprovalStep[];
      basis: string | null;
    }
  >();
  for (const [type, d] of Object.entries(defaultApprovalChains)) types.set(type, { label: d.label, defaultSteps: d.steps, basis: d.basis });
  for (const t of registeredApprovalRecordTypes())
    types.set(t.type, {
      label: t.label,
      defaultSteps: t.defaultSteps,
      basis: defaultApprovalChains[t.type]?.basis ?? null,
    });
  return [...types.entries()].map(([recordType, t]) => {
    const steps = own.get(recordType) ?? [...t.defaultSteps];
    return {
      recordType,
      label: t.label,
      basis: t.basis,
      steps,
      defaultSteps: [...t.defaultSteps],
      customized: JSON.stringify(steps) !== JSON.stringify(t.defaultSteps),
    };
  });
}

/** Replaces the organization's chain of one record type. Requests already submitted keep their own copy of the chain. */
export async function saveChain(tx: Tx, organizationId: string, recordType: string, steps: ApprovalStep[]) {
  if (!findApprovalRecordType(recordType) && !defaultApprovalChains[recordType]) throw notFound('承認経路');
  const problems = validateChainSteps(steps);
  if (problems.length > 0) throw invalid('steps', problems.join(' / '));
  const clean = steps.map((s) => ({
    role: s.role,
    ...(s.label ? { label: s.label } : {}),
    ...(s.sameDepartment !== undefined ? { sameDepartment: s.sameDepartment } : {}),
  }));
  await tx
    .insert(approvalChains)
    .values({ organizationId, recordType, steps: clean })
    .onConflictDoUpdate({
      target: [approvalChains.organizationId, approvalChains.recordType],
      set: { steps: clean, updatedAt: new Date() },
    });
  const all = await listChains(tx, organizationId);
  const saved = all.find((c) => c.recordType === recordType);
  if (!saved) throw notFound('承認経路');
  return saved;
}

/** Seeder: every organization starts with the PA01 default chains (idempotent). */
export async function seedApprovalChains(tx: Tx, organizationId: string): Promise<void> {
  const values = Object.entries(defaultApprovalChains).map(([recordType, d]) => ({
    organizationId,
    recordType,
    steps: d.steps.map((s) => ({ role: s.role })),
  }));
  if (values.length > 0) await tx.insert(approvalChains).values(values).onConflictDoNothing();
}

// ---- submit ----

/**
 * 申請: submits a record for approval. Takes a snapshot of the record and a copy of the
 * organization's chain, refuses when a request for the record is already pending, and
 * notifies whoever can approve the first step. For a record type with
 * `submissionPassesAuthorSteps`, the leading steps the submitter holds are then passed by the
 * submission (see {@link passAuthorSteps}), and the returned request waits at the step after them.
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
  await tx.execute(sql`select pg_advisory_xact_lock(${RECORD_LOCK}, hashtext(${`${recordType}:${recordId}`}))`);
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
  return type.submissionPassesAuthorSteps ? passAuthorSteps(tx, type, request, actor, clock) : request;
}

/**
 * 申請をもって経由 (the record type's `submissionPassesAuthorSteps`; PA01 J.8.6, J.3.1.1 c)–d),
 * J.3.1.3): the leading steps whose role the submitter holds in their own right — not by
 * delegation — are recorded as passed by the submission: a stamp in the submitter's name whose
 * comment says so, an audit event marked `passedBySubmission`, and a request to the next step's
 * holders. The last step is never passed, so a record is always approved by someone other than
 * its author (SPEC §5.4), and that approval goes through {@link decideRequest} as usual.
 */
async function passAuthorSteps(tx: Tx, type: RegisteredRecordType, request: ApprovalRequestRow, actor: ApprovalActor, clock: Clock): Promise<ApprovalRequestRow> {
  const roles = (await rolesOn(tx, actor.organizationId, [actor.personId], clock.today)).get(actor.personId) ?? [];
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

// ---- approve / return / withdraw ----

async function lockRequest(tx: Tx, organizationId: string, requestId: string): Promise<ApprovalRequestRow> {
  const [request] = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organizationId, organizationId), eq(approvalRequests.id, requestId)))
    .for('update');
  if (!request) throw notFound('承認依頼');
  return request;
}

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
  if (!step) throw new Error(`approval request ${request.id} has no step ${request.currentStep}`);
  const actorRoles = (await rolesOn(tx, actor.organizationId, [actor.personId], clock.today)).get(actor.personId) ?? [];
  const capacity = actingCapacity({
    actorPersonId: actor.personId,
    actorRoles,
    delegators: await delegatorsOf(tx, actor.organizationId, actor.personId, clock.today),
    step,
    requestDepartmentId: request.departmentId,
    submitterPersonId: request.submittedByPersonId,
  });
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

/** 取下げ: the submitter takes back a pending request. */
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

// ---- re-approval ----

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
  await tx.execute(sql`select pg_advisory_xact_lock(${RECORD_LOCK}, hashtext(${`${recordType}:${recordId}`}))`);
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

// ---- reading: inbox, detail, stamps ----

export type Stamp = {
  requestId: string;
  step: number;
  stepLabel: string;
  action: 'approve' | 'return';
  actorName: string;
  onBehalfOfName: string | null;
  comment: string | null;
  at: Date;
};

/** 承認印 of requests: who approved or returned each step, when, with what comment (代理 shown by onBehalfOfName). */
export async function stampsOf(tx: Tx, organizationId: string, requests: readonly ApprovalRequestRow[]): Promise<Map<string, Stamp[]>> {
  const result = new Map<string, Stamp[]>(requests.map((r) => [r.id, []]));
  if (requests.length === 0) return result;
  const actorPerson = alias(people, 'actor_person');
  const principal = alias(people, 'principal_person');
  const rows = await tx
    .select({
      requestId: approvalActions.requestId,
      step: approvalActions.step,
      action: approvalActions.action,
      actorName: actorPerson.name,
      onBehalfOfName: principal.name,
      comment: approvalActions.comment,
      at: approvalActions.createdAt,
    })
    .from(approvalActions)
    .innerJoin(actorPerson, eq(actorPerson.id, approvalActions.actorPersonId))
    .leftJoin(principal, eq(principal.id, approvalActions.onBehalfOfPersonId))
    .where(
      and(
        eq(approvalActions.organizationId, organizationId),
        inArray(
          approvalActions.requestId,
          requests.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(approvalActions.createdAt), asc(approvalActions.step));
  const byId = new Map(requests.map((r) => [r.id, r]));
  for (const row of rows) {
    const step = byId.get(row.requestId)?.steps[row.step];
    result.get(row.requestId)?.push({
      ...row,
      stepLabel: step ? stepLabel(step) : `${row.step + 1}`,
      onBehalfOfName: row.onBehalfOfName ?? null,
    });
  }
  return result;
}

/** "My approvals" inbox: pending requests whose current step the actor can act on, in their own right or by delegation. */
export async function listMyApprovals(tx: Tx, actor: ApprovalActor, today: string) {
  const own = (await rolesOn(tx, actor.organizationId, [actor.personId], today)).get(actor.personId) ?? [];
  const delegators = await delegatorsOf(tx, actor.organizationId, actor.personId, today);
  const roles = [...new Set([...own, ...delegators.flatMap((d) => d.roles)].map((r) => r.role))];
  if (roles.length === 0) return [];
  const rows = await tx
    .select({ request: approvalRequests, submittedByName: people.name })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.submittedByPersonId))
    .where(
      and(
        eq(approvalRequests.organizationId, actor.organizationId),
        eq(approvalRequests.status, 'pending'),
        ne(approvalRequests.submittedByPersonId, actor.personId),
        inArray(sql<string>`(${approvalRequests.steps} -> ${approvalRequests.currentStep} ->> 'role')`, roles),
      ),
    )
    .orderBy(asc(approvalRequests.submittedAt));
  const names = await personNames(
    tx,
    actor.organizationId,
    delegators.map((d) => d.personId),
  );
  const items = [];
  for (const { request, submittedByName } of rows) {
    const step = request.steps[request.currentStep];
    if (!step) continue;
    const capacity = actingCapacity({
      actorPersonId: actor.personId,
      actorRoles: own,
      delegators,
      step,
      requestDepartmentId: request.departmentId,
      submitterPersonId: request.submittedByPersonId,
    });
    if (!capacity.ok) continue;
    const type = findApprovalRecordType(request.recordType);
    const onBehalf = capacity.capacity.onBehalfOfPersonId;
    items.push({
      request,
      recordTypeLabel: type?.label ?? defaultApprovalChains[request.recordType]?.label ?? request.recordType,
      submittedByName,
      stepLabel: stepLabel(step),
      link: approvalLink(request.id),
      onBehalfOf: onBehalf ? { personId: onBehalf, name: names.get(onBehalf) ?? '' } : null,
    });
  }
  return items;
}

/** Whether the actor may see a request: a participant, an approvals administrator, or anyone the record type lets see it. */
async function canSeeRequest(tx: Tx, actor: Actor, request: ApprovalRequestRow, participant: boolean): Promise<boolean> {
  if (participant || request.submittedByPersonId === actor.personId) return true;
  if (can(actor, 'approvals.configure')) return true;
  const type = findApprovalRecordType(request.recordType);
  return type?.canView ? type.canView(tx, actor, request.recordId) : true;
}

async function participatedIn(tx: Tx, organizationId: string, personId: string, requestIds: readonly string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ requestId: approvalActions.requestId })
    .from(approvalActions)
    .where(
      and(
        eq(approvalActions.organizationId, organizationId),
        inArray(approvalActions.requestId, [...requestIds]),
        or(eq(approvalActions.actorPersonId, personId), eq(approvalActions.onBehalfOfPersonId, personId)),
      ),
    );
  return new Set(rows.map((r) => r.requestId));
}

/** The record type's labelled lines of a snapshot; null when the type does not describe its snapshots (or throws on an old one). */
function describeSnapshot(type: RegisteredRecordType | undefined, data: Record<string, unknown>): SnapshotField[] | null {
  if (!type?.describeSnapshot) return null;
  try {
    return type.describeSnapshot(data);
  } catch {
    // A snapshot taken by an older version of the record type: the screen falls back to plain values.
    return null;
  }
}

/** One request with its chain, stamps and what the actor may do; other organizations' ids and requests the actor may not see are 404. */
export async function getApprovalDetail(tx: Tx, actor: Actor, requestId: string, today: string) {
  const [row] = await tx
    .select({
      request: approvalRequests,
      submittedByName: people.name,
      departmentName: departments.name,
    })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.submittedByPersonId))
    .leftJoin(departments, eq(departments.id, approvalRequests.departmentId))
    .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.id, requestId)));
  if (!row) throw notFound('承認依頼');
  const { request } = row;
  const step = request.steps[request.currentStep];
  let canAct = false;
  let onBehalfOf: { personId: string; name: string } | null = null;
  if (request.status === 'pending' && step) {
    const own = (await rolesOn(tx, actor.organizationId, [actor.personId], today)).get(actor.personId) ?? [];
    const capacity = actingCapacity({
      actorPersonId: actor.personId,
      actorRoles: own,
      delegators: await delegatorsOf(tx, actor.organizationId, actor.personId, today),
      step,
      requestDepartmentId: request.departmentId,
      submitterPersonId: request.submittedByPersonId,
    });
    if (capacity.ok) {
      canAct = true;
      const id = capacity.capacity.onBehalfOfPersonId;
      if (id)
        onBehalfOf = {
          personId: id,
          name: (await personNames(tx, actor.organizationId, [id])).get(id) ?? '',
        };
    }
  }
  const participated = (await participatedIn(tx, actor.organizationId, actor.personId, [request.id])).has(request.id);
  if (!(await canSeeRequest(tx, actor, request, canAct || participated))) throw notFound('承認依頼');
  const stamps = (await stampsOf(tx, actor.organizationId, [request])).get(request.id) ?? [];
  const type = findApprovalRecordType(request.recordType);
  return {
    request,
    submittedByName: row.submittedByName,
    departmentName: row.departmentName,
    recordTypeLabel: type?.label ?? request.recordType,
    /** The record's own screen ("open the record"), when it has one. */
    link: type?.link(request.recordId) ?? null,
    snapshotFields: describeSnapshot(type, request.recordSnapshot),
    stamps,
    canAct,
    canWithdraw: request.status === 'pending' && request.submittedByPersonId === actor.personId,
    onBehalfOf,
  };
}

/**
 * The stamps of a record, for showing on the record and its PDF: the current request (the
 * latest one) and the earlier ones (returned, withdrawn, superseded) as history.
 */
export async function stampsForRecord(tx: Tx, actor: Actor, recordType: string, recordId: string) {
  const type = findApprovalRecordType(recordType);
  const rows = await tx
    .select({ request: approvalRequests, submittedByName: people.name })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.submittedByPersonId))
    .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.recordType, recordType), eq(approvalRequests.recordId, recordId)))
    .orderBy(desc(approvalRequests.submittedAt));
  if (!type && rows.length === 0) throw notFound('記録');
  const requests = rows.map((r) => r.request);
  const participated = await participatedIn(
    tx,
    actor.organizationId,
    actor.personId,
    requests.map((r) => r.id),
  );
  const isParticipant = requests.some((r) => r.submittedByPersonId === actor.personId || participated.has(r.id));
  if (!isParticipant && !can(actor, 'approvals.configure') && type?.canView && !(await type.canView(tx, actor, recordId))) throw notFound('記録');
  const stamps = await stampsOf(tx, actor.organizationId, requests);
  const present = rows.map(({ request, submittedByName }) => ({
    requestId: request.id,
    status: request.status,
    statusLabel: approvalStatusLabels[request.status],
    submittedByName,
    submittedAt: request.submittedAt,
    decidedAt: request.decidedAt,
    steps: request.steps.map((s, index) => ({
      index,
      role: s.role,
      roleLabel: roleLabels[s.role].ja,
      label: stepLabel(s),
    })),
    stamps: stamps.get(request.id) ?? [],
  }));
  return {
    recordType,
    recordTypeLabel: type?.label ?? recordType,
    current: present[0] ?? null,
    history: present.slice(1),
  };
}
