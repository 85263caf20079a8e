import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { visibleIncidents } from './incidents.policy.ts';
import { incidents } from './incidents.tables.ts';

// The public face of M4 緊急事態・事故等 for other modules (the corrective-action module links
// its records to an incident and shares the department scope and the PMS notifications). Other
// modules import this file, never the incident tables or business functions. It imports
// nothing of theirs, so no import cycle runs through it.

export { assertChainApprovable, managesDepartment, seesWholeOrganization } from './incidents.policy.ts';
export { notifyIncidentRecipients } from './incidents.notify.ts';

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
