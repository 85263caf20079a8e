import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid } from '../../platform/http/errors.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { type IncidentPhase, incidentPhases } from './incidents.labels.ts';
import type { IncidentRow } from './incidents.queries.ts';
import { incidents } from './incidents.tables.ts';

// Steps the business functions of M4 share when they change an incident: the checks of the
// ids a request names, the clock tolerance, and how a change moves the incident along.

/** Tolerance for a 発見日時 a little ahead of the server clock (the reporter's clock may run fast). */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Refuses a 発見日時 in the future (beyond the clock tolerance). */
export function assertNotFuture(discoveredAt: Date, now: Date): void {
  if (discoveredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('discoveredAt', '発見日時に未来の日時は指定できません');
}

/** Refuses a department that is not the organization's (422 on the field). */
export async function assertDepartment(tx: Tx, organizationId: string, departmentId: string | null, field: string): Promise<void> {
  if (!departmentId) return;
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
  if (!row) throw invalid(field, '指定された所属が見つかりません');
}

/** Refuses a person who is not the organization's (422 on the field). */
export async function assertPerson(tx: Tx, organizationId: string, personId: string | null, field: string): Promise<void> {
  if (!personId) return;
  const [row] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.id, personId)));
  if (!row) throw invalid(field, '指定された従業者が見つかりません');
}

/** The submitter as the approvals engine records them. */
export function personActor(actor: Actor) {
  return { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId };
}

/** Moves the incident out of 報告受付 on the first change by the PMS side. */
export const responding = (incident: Pick<IncidentRow, 'status'>) => (incident.status === 'reported' ? { status: 'responding' as const } : {});

const phaseRank = (phase: IncidentPhase) => incidentPhases.indexOf(phase);

/** Marks the incident as changed: 対応中 after a first change, and the later step when `phase` is ahead of its current one. */
export async function touchIncident(tx: Tx, incident: IncidentRow, now: Date, phase?: IncidentPhase): Promise<void> {
  const next = phase && phaseRank(phase) > phaseRank(incident.phase) ? { phase } : {};
  await tx
    .update(incidents)
    .set({ ...next, ...responding(incident), updatedAt: now })
    .where(eq(incidents.id, incident.id));
}
