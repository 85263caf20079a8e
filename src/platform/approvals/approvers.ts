import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { PmsRole } from '../../domain/roles.ts';
import {
  actingCapacity,
  type CapacityResult,
  chainRoles,
  checkProxyStepSeparation,
  type Delegator,
  type HeldRole,
  type RoleHolder,
  resolveCurrentStep,
} from '../../rules/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { people, roleAssignments } from '../org/org.tables.ts';
import { approvalActions, approvalDelegations } from './approvals.tables.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';

// Who holds what on a given day: the roles behind every approval step, the 代理承認 in force,
// who approves a request's current step (its holders, its 代行者, or nobody), and how an actor
// may act on it. The rules themselves are pure (rules/approvalChains.ts resolveCurrentStep,
// actingCapacity, checkProxyStepSeparation); this file reads their inputs.

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

/** The roles one person holds on `today`. */
export async function ownRolesOn(tx: Tx, organizationId: string, personId: string, today: string): Promise<HeldRole[]> {
  return (await rolesOn(tx, organizationId, [personId], today)).get(personId) ?? [];
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

/** The holders (with names) of `roles` on `today`, department-bound roles with their department. */
export async function roleHoldersOn(tx: Tx, organizationId: string, roles: readonly PmsRole[], today: string): Promise<RoleHolder[]> {
  if (roles.length === 0) return [];
  return tx
    .select({ personId: roleAssignments.personId, name: people.name, role: roleAssignments.role, departmentId: roleAssignments.departmentId })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        inArray(roleAssignments.role, [...roles]),
        lte(roleAssignments.startsOn, today),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
      ),
    )
    .orderBy(people.nameKana, people.name);
}

/** The holders of every role the requests' chains may need today (one query for a list). */
export async function holdersForRequests(tx: Tx, organizationId: string, requests: readonly ApprovalRequestRow[], today: string): Promise<RoleHolder[]> {
  return roleHoldersOn(tx, organizationId, [...new Set(requests.flatMap((r) => chainRoles(r.steps)))], today);
}

/** Who approves the request's current step today (rules/approvalChains.ts resolveCurrentStep). */
export type Routing = ReturnType<typeof resolveCurrentStep>;

/** Who approves the request's current step today, from the role holders in force (`holders`, or read here). */
export async function routingOf(tx: Tx, request: ApprovalRequestRow, today: string, holders?: readonly RoleHolder[]): Promise<Routing> {
  return resolveCurrentStep({
    steps: request.steps,
    currentStep: request.currentStep,
    submitterPersonId: request.submittedByPersonId,
    departmentId: request.departmentId,
    holders: holders ?? (await holdersForRequests(tx, request.organizationId, [request], today)),
  });
}

/** The person's stamps on each of the requests: the step, and whether as 代理. */
async function stampsBy(tx: Tx, organizationId: string, personId: string, requestIds: readonly string[]): Promise<Map<string, { step: number; asProxy: boolean }[]>> {
  const result = new Map<string, { step: number; asProxy: boolean }[]>();
  if (requestIds.length === 0) return result;
  const rows = await tx
    .select({ requestId: approvalActions.requestId, step: approvalActions.step, onBehalfOf: approvalActions.onBehalfOfPersonId })
    .from(approvalActions)
    .where(and(eq(approvalActions.organizationId, organizationId), eq(approvalActions.actorPersonId, personId), inArray(approvalActions.requestId, [...requestIds])));
  for (const r of rows) result.set(r.requestId, [...(result.get(r.requestId) ?? []), { step: r.step, asProxy: r.onBehalfOf !== null }]);
  return result;
}

/** How an actor may act on one request today, with who approves its current step. */
export type ActorOnRequest = { capacity: CapacityResult; routing: Routing };

/**
 * How the actor may act on each pending request's current step today (SPEC §3, §5.4): in their
 * own right, as 代理 for a delegator, as the step's 代行者, or not at all (with the
 * separation-of-duty violation when that is why). A 代理 that would make the actor approve two
 * steps of the chain is refused here (issue 10), so the inbox, the abilities and the decision
 * agree. Reads the holders, the delegations and the actor's stamps once for the whole list.
 */
export async function actorOnRequests(
  tx: Tx,
  actor: Pick<ApprovalActor, 'organizationId' | 'personId'>,
  requests: readonly ApprovalRequestRow[],
  today: string,
  context?: { ownRoles?: HeldRole[]; delegators?: Delegator[] },
): Promise<Map<string, ActorOnRequest>> {
  const result = new Map<string, ActorOnRequest>();
  if (requests.length === 0) return result;
  const ownRoles = context?.ownRoles ?? (await ownRolesOn(tx, actor.organizationId, actor.personId, today));
  const delegators = context?.delegators ?? (await delegatorsOf(tx, actor.organizationId, actor.personId, today));
  const holders = await holdersForRequests(tx, actor.organizationId, requests, today);
  const stamps = await stampsBy(
    tx,
    actor.organizationId,
    actor.personId,
    requests.map((r) => r.id),
  );
  for (const request of requests) {
    const routing = await routingOf(tx, request, today, holders);
    const step = request.steps[routing.index];
    if (!step) continue;
    const { resolution } = routing;
    let capacity = actingCapacity({
      actorPersonId: actor.personId,
      actorRoles: ownRoles,
      delegators,
      step,
      requestDepartmentId: request.departmentId,
      submitterPersonId: request.submittedByPersonId,
      alternate: resolution.kind === 'alternate' ? { role: resolution.alternateRole, approverIds: resolution.approvers.map((a) => a.personId) } : null,
    });
    if (capacity.ok) {
      const violation = checkProxyStepSeparation({
        steps: request.steps,
        currentStep: routing.index,
        departmentId: request.departmentId,
        actorOwnRoles: ownRoles,
        actorStamps: stamps.get(request.id) ?? [],
        actingAsProxy: capacity.capacity.onBehalfOfPersonId !== null,
      });
      if (violation) capacity = { ok: false, violation };
    }
    result.set(request.id, { capacity, routing });
  }
  return result;
}

/** Names of people by id (the organization's only); unknown ids are left out. */
export async function personNames(tx: Tx, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * How the actor may act on the request's current step today (see {@link actorOnRequests}), with
 * the actor's own roles (which the abilities need) and who approves the step. Null when the
 * request has no current step.
 */
export async function capacityOnCurrentStep(
  tx: Tx,
  actor: Pick<ApprovalActor, 'organizationId' | 'personId'>,
  request: ApprovalRequestRow,
  today: string,
): Promise<{ capacity: CapacityResult; ownRoles: HeldRole[]; routing: Routing } | null> {
  if (!request.steps[request.currentStep]) return null;
  const ownRoles = await ownRolesOn(tx, actor.organizationId, actor.personId, today);
  const found = (await actorOnRequests(tx, actor, [request], today, { ownRoles })).get(request.id);
  return found ? { ...found, ownRoles } : null;
}
