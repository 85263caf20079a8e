import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { assertPerson, touchIncident } from './incident-writes.ts';
import { assertEditable } from './incidents.policy.ts';
import { findVisibleIncident, type IncidentDutyRow } from './incidents.queries.ts';
import type { dutyUpdateBody } from './incidents.schema.ts';
import { incidentDuties } from './incidents.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

/**
 * 義務の対応状況: done (when, by whom, the receipt number of the PPC or the 審査機関) or not
 * required (with the reason), or back to open. A duty a fact change removed keeps its history
 * and takes no status.
 */
export async function updateDuty(tx: Tx, actor: Actor, dutyId: string, input: z.output<typeof dutyUpdateBody>, clock: Clock): Promise<IncidentDutyRow> {
  const [duty] = await tx
    .select()
    .from(incidentDuties)
    .where(and(eq(incidentDuties.organizationId, actor.organizationId), eq(incidentDuties.id, dutyId)));
  if (!duty) throw notFound('報告等の義務');
  const incident = await findVisibleIncident(tx, actor, duty.incidentId, { forUpdate: true });
  assertEditable(incident);
  if (duty.removedAt) throw conflict('事実の変更により不要になった義務のため、対応状況は記録できません', 'duty_removed');
  if (input.doneOn && input.doneOn > clock.today) throw invalid('doneOn', '対応日に未来の日付は指定できません');
  if (input.doneOn && input.doneOn < incident.knownOn) throw invalid('doneOn', `対応日は知った日（${displayDate(incident.knownOn)}）以降の日付で入力してください`);
  await assertPerson(tx, actor.organizationId, input.doneByPersonId, 'doneByPersonId');
  const done = input.status === 'done';
  const [row] = await tx
    .update(incidentDuties)
    .set({
      status: input.status,
      doneOn: input.status === 'open' ? null : input.doneOn,
      doneByPersonId: done ? (input.doneByPersonId ?? actor.personId) : input.status === 'open' ? null : input.doneByPersonId,
      referenceNumber: input.status === 'open' ? null : input.referenceNumber,
      note: input.note,
      updatedAt: clock.now,
    })
    .where(eq(incidentDuties.id, duty.id))
    .returning();
  if (!row) throw notFound('報告等の義務');
  await touchIncident(tx, incident, clock.now);
  return row;
}
