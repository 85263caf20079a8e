import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { visibleIncidents } from './incidents.policy.ts';
import { incidents } from './incidents.tables.ts';

// The public face of M4 緊急事態・事故等 for other modules (the corrective-action module links
// its records to an incident and shares the department scope and the PMS notifications). Other
// modules import this file, never the incident tables or business functions. It imports
// nothing of theirs, so no import cycle runs through it.

export { managesDepartment, seesWholeOrganization } from './incidents.policy.ts';
export { notifyIncidentRecipients } from './incidents.notify.ts';
export { type ContractorIncidentReport, incidentStatusesFor, receiveContractorIncident } from './receive-contractor-incident.ts';

/** An incident as another record shows its link: 受付番号 and 件名. */
export type IncidentSummary = { id: string; number: string; title: string };

/**
 * The incident's number and title when the actor may see it (incidents.policy.ts), else null —
 * an incident holds personal data, so a link to it is shown only to those who may open it.
 */
export async function incidentSummaryFor(tx: Tx, actor: Actor, incidentId: string): Promise<IncidentSummary | null> {
  const [row] = await tx
    .select({ id: incidents.id, number: incidents.number, title: incidents.title })
    .from(incidents)
    .where(and(visibleIncidents(actor), eq(incidents.id, incidentId)));
  return row ?? null;
}

/**
 * Of the given incident ids, those the actor may see (incidents.policy.ts visibleIncidents). A
 * record opened from an incident shows which one only to them (issue #11 finding 6).
 */
export async function visibleIncidentIds(tx: Tx, actor: Actor, incidentIds: readonly string[]): Promise<Set<string>> {
  if (incidentIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(visibleIncidents(actor), inArray(incidents.id, [...new Set(incidentIds)])));
  return new Set(rows.map((r) => r.id));
}
