import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { actingCapacity, type CapacityResult, type Delegator, type HeldRole } from '../../rules/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { people, roleAssignments } from '../org/org.tables.ts';
import { approvalDelegations } from './approvals.tables.ts';
import type { ApprovalActor, ApprovalRequestRow } from './registry.ts';

// Who holds what on a given day: the roles behind every approval step, the 代理承認 in force,
// and how an actor may act on a request's current step. The rule itself is pure
// (rules/approvalChains.ts actingCapacity); this file reads its inputs.

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
 * How the actor may act on the request's current step today (SPEC §3, §5.4): in their own right,
 * as 代理 for a delegator, or not at all (with the separation-of-duty violation when that is why).
 * Also returns the actor's own roles, which the abilities need. Null when the request has no
 * current step.
 */
export async function capacityOnCurrentStep(
  tx: Tx,
  actor: Pick<ApprovalActor, 'organizationId' | 'personId'>,
  request: ApprovalRequestRow,
  today: string,
): Promise<{ capacity: CapacityResult; ownRoles: HeldRole[] } | null> {
  const step = request.steps[request.currentStep];
  if (!step) return null;
  const ownRoles = await ownRolesOn(tx, actor.organizationId, actor.personId, today);
  const capacity = actingCapacity({
    actorPersonId: actor.personId,
    actorRoles: ownRoles,
    delegators: await delegatorsOf(tx, actor.organizationId, actor.personId, today),
    step,
    requestDepartmentId: request.departmentId,
    submitterPersonId: request.submittedByPersonId,
  });
  return { capacity, ownRoles };
}
