import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { type CorrectiveRow, findCorrectiveForSource, openCorrectiveAction } from '../corrective/corrective.api.ts';
import { touchIncident } from './incident-writes.ts';
import { answersForIncident } from './incidents.policy.ts';
import { findVisibleIncident } from './incidents.queries.ts';
import type { openCorrectiveBody } from './incidents.schema.ts';
import { incidentTimeline } from './incidents.tables.ts';

/**
 * What a corrective action opened from an incident says of its source: the incident is referenced
 * (sourceId), never copied — its 受付番号, 件名 and 原因 may name people and are shown only to
 * those who may see the incident (issue #11 finding 6; SPEC §9 least privilege).
 */
export const correctiveFromIncidentText = {
  title: '事故等の原因への是正処置',
  content: '緊急事態・事故等の原因となった不適合。原因と経過は事案の記録を参照してください（個人データを含むため是正処置には写しません）。',
} as const;

/**
 * 是正処置の起票 from the incident's cause (PA01 J.4.4.2 z)「原因が不適合による場合は…J.7.1 に基づく
 * 是正処置の実施」; J.7.1 g) 2)). One per incident: asking again returns the one already opened.
 * The corrective-action module records it and tells its 所属長 (corrective.api.ts); the incident's
 * timeline notes it and the incident moves to 再発防止.
 */
export async function openCorrectiveFromIncident(
  tx: Tx,
  actor: Actor,
  id: string,
  input: z.output<typeof openCorrectiveBody>,
  clock: Clock,
): Promise<{ correctiveAction: CorrectiveRow; created: boolean }> {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  if (!answersForIncident(actor, incident)) throw forbidden('是正処置を起票できるのは個人情報保護管理者又は当該所属の所属長です');
  const existing = await findCorrectiveForSource(tx, actor.organizationId, 'incident', incident.id);
  if (existing) return { correctiveAction: existing, created: false };
  if (!incident.details?.cause) throw invalid('details.cause', '原因を記入してから是正処置を起票してください（J.4.4.2 y) 原因の究明 → z) 是正処置）');
  const departmentId = input.departmentId ?? incident.departmentId;
  if (!departmentId) throw invalid('departmentId', '是正処置の当該所属を指定してください（所属長が根本原因と処置計画を立案します: J.7.1 h) 2)）');
  const correctiveAction = await openCorrectiveAction(
    tx,
    actor,
    {
      sourceType: 'incident',
      sourceId: incident.id,
      sourceRef: null,
      departmentId,
      title: input.title ?? correctiveFromIncidentText.title,
      content: correctiveFromIncidentText.content,
    },
    clock,
  );
  await tx.insert(incidentTimeline).values({
    organizationId: actor.organizationId,
    incidentId: incident.id,
    phase: 'recurrence_prevention',
    occurredAt: clock.now,
    action: `是正処置 ${correctiveAction.number} を起票しました（J.7.1）`,
    actorName: actor.personName,
    createdByPersonId: actor.personId,
    createdAt: clock.now,
    updatedAt: clock.now,
  });
  await touchIncident(tx, incident, clock.now, 'recurrence_prevention');
  return { correctiveAction, created: true };
}
