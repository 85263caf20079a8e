import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { ModuleDeadline } from '../../platform/moduleKit/manifest.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { dutyDeadline } from './duty-deadlines.ts';
import { visibleIncidents } from './incidents.policy.ts';
import { openDuty } from './incidents.queries.ts';
import { incidentDuties, incidents } from './incidents.tables.ts';

// The deadlines of M4 on the home (manifest `deadlines`): every open, still-applicable
// duty (報告等の義務: 速報・確報・本人通知・公表…) of an open incident the actor may read. Before,
// the home counted only tasks, and a duty is not a task — a PPC 速報 due in 4 days counted 0 in
// 「期限間近」 (issue #10). Personal data stays on the incident screen: the home shows the
// incident's number and the duty, not the incident's title.

/**
 * The open duties of the open incidents the actor may read, nearest deadline first. Only those
 * with `incidents.read` (the duty holders) get them; a reporter sees their report on its screen.
 */
export async function openIncidentDeadlines(tx: Tx, actor: Actor): Promise<ModuleDeadline[]> {
  if (!can(actor, 'incidents.read') && !can(actor, 'incidents.manage')) return [];
  const rows = await tx
    .select({ duty: incidentDuties, incident: { id: incidents.id, number: incidents.number, departmentId: incidents.departmentId } })
    .from(incidentDuties)
    .innerJoin(incidents, eq(incidents.id, incidentDuties.incidentId))
    .where(and(visibleIncidents(actor), ne(incidents.status, 'closed'), openDuty))
    .orderBy(sql`coalesce(${incidentDuties.dueOn}, ${incidentDuties.targetTo}) asc nulls last`, asc(incidents.number));
  return rows.map(({ duty, incident }) => ({
    sourceType: 'incident_duty',
    sourceId: duty.id,
    sourceLabel: '事故等の報告等の義務',
    title: `${incident.number} ${duty.label}`,
    // The basis (条文) is long; the incident screen shows it with the reason.
    detail: `宛先: ${duty.recipient}`,
    dueOn: dutyDeadline(duty),
    departmentId: incident.departmentId,
    link: `/incidents/${incident.id}`,
    authority: duty.authority,
  }));
}
