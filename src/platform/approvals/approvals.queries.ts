import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type PmsRole, roleLabels } from '../../domain/roles.ts';
import { approvalStatusLabels, type CapacityResult, type HeldRole, stepLabel } from '../../rules/approvalChains.ts';
import { defaultAlternateRoles, defaultApprovalChains } from '../../rules/data/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { departments, people } from '../org/org.tables.ts';
import { type Actor, can } from '../policies/actor.ts';
import { type ApprovalAbilities, approvalAbilities } from './approval-abilities.ts';
import { approvalLink } from './approval-notifications.ts';
import { approvalActions, approvalRequests } from './approvals.tables.ts';
import { actorOnRequests, capacityOnCurrentStep, delegatorsOf, holdersForRequests, ownRolesOn, personNames, type Routing, routingOf } from './approvers.ts';
import { type ApprovalActor, type ApprovalRequestRow, findApprovalRecordType, type SnapshotField } from './registry.ts';
import { changesSincePreviousApproval, describeRequestSnapshot, type SnapshotChanges } from './snapshot-fields.ts';

// Reading the approvals engine: the inbox, one request's detail with the caller's abilities, and
// the 承認印 of records. Out-of-tenant ids and requests the caller may not see are 404, not 403
// (STYLE 5: outsiders learn nothing of what exists).

/** One 承認印: who approved or returned a step, when, with what comment (代理 in onBehalfOfName). */
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

/**
 * The step roles a person may approve for: the roles they (or their delegators) hold, and the
 * roles whose default 代行者 they are (rules/data/approvalChains.ts defaultAlternateRoles).
 */
function approvableStepRoles(held: ReadonlySet<PmsRole>): PmsRole[] {
  const roles = new Set(held);
  for (const [role, alternate] of Object.entries(defaultAlternateRoles) as [PmsRole, { role: PmsRole } | undefined][]) if (alternate && held.has(alternate.role)) roles.add(role);
  return [...roles];
}

/**
 * "My approvals" inbox: pending requests whose current step the actor can act on — in their own
 * right, by delegation, or as the step's 代行者 when the submitter alone holds it (issue 10).
 */
export async function listMyApprovals(tx: Tx, actor: ApprovalActor, today: string) {
  const own = await ownRolesOn(tx, actor.organizationId, actor.personId, today);
  const delegators = await delegatorsOf(tx, actor.organizationId, actor.personId, today);
  const held = new Set([...own, ...delegators.flatMap((d) => d.roles)].map((r) => r.role));
  if (held.size === 0) return [];
  // A cheap first cut on the chain's roles (any step: a step the submitter alone holds may pass
  // to the next); actorOnRequests decides exactly.
  const rows = await tx
    .select({ request: approvalRequests, submittedByName: people.name })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.submittedByPersonId))
    .where(
      and(
        eq(approvalRequests.organizationId, actor.organizationId),
        eq(approvalRequests.status, 'pending'),
        ne(approvalRequests.submittedByPersonId, actor.personId),
        sql`exists (select 1 from jsonb_array_elements(${approvalRequests.steps}) as chain(step) where ${or(
          inArray(sql`chain.step ->> 'role'`, approvableStepRoles(held)),
          inArray(sql`chain.step ->> 'alternateRole'`, [...held]),
        )})`,
      ),
    )
    .orderBy(asc(approvalRequests.submittedAt));
  const acting = await actorOnRequests(
    tx,
    actor,
    rows.map((r) => r.request),
    today,
    { ownRoles: own, delegators },
  );
  const names = await personNames(
    tx,
    actor.organizationId,
    delegators.map((d) => d.personId),
  );
  const items = [];
  for (const { request, submittedByName } of rows) {
    const found = acting.get(request.id);
    const step = found ? request.steps[found.routing.index] : undefined;
    if (!found?.capacity.ok || !step) continue;
    const type = findApprovalRecordType(request.recordType);
    const onBehalf = found.capacity.capacity.onBehalfOfPersonId;
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

/** The requests among `requestIds` the person stamped, themselves or through a 代理. */
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

/** One request as the approval screen shows it (presentApprovalDetail). */
export type ApprovalDetail = {
  request: ApprovalRequestRow;
  submittedByName: string;
  departmentName: string | null;
  recordTypeLabel: string;
  /** The record's own screen ("open the record"), when it has one. */
  link: string | null;
  /** The record as submitted, as the record type describes it (Japanese labels; never the raw data). */
  snapshotFields: SnapshotField[];
  /** What changed since the record's previous approved version, when there is one. */
  changes: SnapshotChanges | null;
  stamps: Stamp[];
  /** What the caller may do now, decided here so the SPA never re-derives it. */
  abilities: ApprovalAbilities;
  /** The delegator the caller would act for (代理), when they act on the current step by delegation. */
  onBehalfOf: { personId: string; name: string } | null;
  /** Who approves the current step today and why (issue 10); null once the request is decided. */
  routing: Routing | null;
};

/** One request with its chain, stamps and the caller's abilities; other organizations' ids and requests the actor may not see are 404. */
export async function getApprovalDetail(tx: Tx, actor: Actor, requestId: string, today: string, options: { describe?: boolean } = {}): Promise<ApprovalDetail> {
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
  let capacity: CapacityResult | null = null;
  let ownRoles: HeldRole[] = [];
  let routing: Routing | null = null;
  if (request.status === 'pending') {
    const acting = await capacityOnCurrentStep(tx, actor, request, today);
    capacity = acting?.capacity ?? null;
    ownRoles = acting?.ownRoles ?? [];
    routing = acting?.routing ?? null;
  }
  const canAct = capacity?.ok === true;
  const participated = (await participatedIn(tx, actor.organizationId, actor.personId, [request.id])).has(request.id);
  if (!(await canSeeRequest(tx, actor, request, canAct || participated))) throw notFound('承認依頼');
  const onBehalfId = capacity?.ok ? capacity.capacity.onBehalfOfPersonId : null;
  const onBehalfOf = onBehalfId ? { personId: onBehalfId, name: (await personNames(tx, actor.organizationId, [onBehalfId])).get(onBehalfId) ?? '' } : null;
  const stamps = (await stampsOf(tx, actor.organizationId, [request])).get(request.id) ?? [];
  const type = findApprovalRecordType(request.recordType);
  // A record's own screen asks only for the caller's abilities (decisionAbilitiesOn): no need to describe the record.
  const describe = options.describe ?? true;
  const snapshotFields = describe ? await describeRequestSnapshot(type, request.recordSnapshot, { tx, organizationId: actor.organizationId, recordId: request.recordId }) : [];
  return {
    request,
    submittedByName: row.submittedByName,
    departmentName: row.departmentName,
    recordTypeLabel: type?.label ?? defaultApprovalChains[request.recordType]?.label ?? '承認依頼',
    link: type?.link(request.recordId, request.recordSnapshot) ?? null,
    snapshotFields,
    changes: describe ? await changesSincePreviousApproval(tx, type, request, snapshotFields) : null,
    stamps,
    abilities: approvalAbilities({
      status: request.status,
      actorPersonId: actor.personId,
      submitterPersonId: request.submittedByPersonId,
      step: request.steps[request.currentStep],
      departmentId: request.departmentId,
      ownRoles,
      capacity,
    }),
    onBehalfOf,
    routing,
  };
}

/** Why a pending request is on the stuck list. */
export type StuckReason = 'no_approver' | 'overdue';

/** One stuck approval (presentStuckApproval). */
export type StuckApproval = {
  request: ApprovalRequestRow;
  submittedByName: string;
  departmentName: string | null;
  recordTypeLabel: string;
  routing: Routing;
  reasons: StuckReason[];
  waitingDays: number;
};

const DAY_MS = 86_400_000;

/**
 * 滞留している承認 (issue 10; for the PMS manager's and top management's home): pending requests
 * whose current step has no approver other than the submitter — its role is held by nobody, or
 * only by the submitter with no 代行者 and no later step (rules/approvalChains.ts resolveStep
 * `stranded` / `vacant`) — or that have waited at their current step for more than
 * `olderThanDays` days. A request waits at its step since its last transition (submission, the
 * previous step's approval, a pass), which is when its row was last updated. Requests the actor
 * may not see (the record type's canView) are left out. Oldest first.
 */
export async function listStuckApprovals(tx: Tx, actor: Actor, now: Date, today: string, olderThanDays: number): Promise<StuckApproval[]> {
  const rows = await tx
    .select({ request: approvalRequests, submittedByName: people.name, departmentName: departments.name })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.submittedByPersonId))
    .leftJoin(departments, eq(departments.id, approvalRequests.departmentId))
    .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.status, 'pending')))
    .orderBy(asc(approvalRequests.updatedAt));
  const holders = await holdersForRequests(
    tx,
    actor.organizationId,
    rows.map((r) => r.request),
    today,
  );
  const result: StuckApproval[] = [];
  for (const row of rows) {
    const { request } = row;
    const routing = await routingOf(tx, request, today, holders);
    const waitedMs = now.getTime() - request.updatedAt.getTime();
    const reasons: StuckReason[] = [];
    if (routing.resolution.kind === 'stranded' || routing.resolution.kind === 'vacant') reasons.push('no_approver');
    if (waitedMs > olderThanDays * DAY_MS) reasons.push('overdue');
    if (reasons.length === 0) continue;
    const participant = request.submittedByPersonId === actor.personId || routing.resolution.approvers.some((a) => a.personId === actor.personId);
    if (!(await canSeeRequest(tx, actor, request, participant))) continue;
    const type = findApprovalRecordType(request.recordType);
    result.push({
      request,
      submittedByName: row.submittedByName,
      departmentName: row.departmentName,
      recordTypeLabel: type?.label ?? defaultApprovalChains[request.recordType]?.label ?? request.recordType,
      routing,
      reasons,
      waitingDays: Math.floor(waitedMs / DAY_MS),
    });
  }
  return result;
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

/** What the caller may decide on a record's pending approval request (承認・差戻し・取下げ). */
export type DecisionAbilities = Pick<ApprovalAbilities, 'approve' | 'return' | 'withdraw'>;

/** No decision: the record has no pending request, or the caller may not see it. */
export const noDecision: DecisionAbilities = Object.freeze({ approve: false, return: false, withdraw: false });

/**
 * The caller's decisions on a record's latest approval request, as the approval screen has them,
 * for the record's own screen: none unless the request is pending and the caller may see it.
 */
export async function decisionAbilitiesOn(tx: Tx, actor: Actor, request: { id: string; status: string } | undefined, today: string): Promise<DecisionAbilities> {
  if (request?.status !== 'pending') return noDecision;
  try {
    const { abilities } = await getApprovalDetail(tx, actor, request.id, today, { describe: false });
    return { approve: abilities.approve, return: abilities.return, withdraw: abilities.withdraw };
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404) return noDecision;
    throw error;
  }
}
