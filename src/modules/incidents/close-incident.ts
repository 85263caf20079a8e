import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { dutyDeadline } from './duty-deadlines.ts';
import { personActor } from './incident-writes.ts';
import { INCIDENT_CLOSURE } from './incidents.labels.ts';
import { answersForIncident, visibleIncidents } from './incidents.policy.ts';
import { findVisibleIncident, openDuty } from './incidents.queries.ts';
import { incidentDuties, incidents, incidentTimeline } from './incidents.tables.ts';
import { describeIncidentClosureSnapshot } from './incidents.snapshot.ts';

// 終結 (PA01 J.4.4.2《記録・再発防止・終結》): the closure request, and the record type the
// approvals engine runs it under (個人情報保護管理者 → トップマネジメント).

/**
 * 終結の申請 (PA01 J.4.4.2「トップマネジメントは…対応が完了したことを確認し、緊急事態対策会議を解散する」):
 * by the PMS side or the 所属長 of the department, once every duty that applies is done or
 * recorded as not required, and the cause and the recurrence-prevention measures (y) z)) are
 * written. The chain is 個人情報保護管理者 → トップマネジメント (record type `incident_closure`).
 */
export async function submitIncidentClosure(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  if (!answersForIncident(actor, incident)) throw forbidden('終結を申請できるのは個人情報保護管理者又は当該所属の所属長です');
  if (incident.status === 'closing') throw conflict('終結の申請は既に承認待ちです', 'approval_pending');
  if (incident.status === 'closed') throw conflict('この事案は既に終結しています', 'incident_closed');
  if (incident.status === 'reported') throw invalid('facts', '事実の確認（事実の入力と義務の判定）が済んでいないため、終結を申請できません');
  const open = await tx
    .select({ label: incidentDuties.label })
    .from(incidentDuties)
    .where(and(eq(incidentDuties.organizationId, actor.organizationId), eq(incidentDuties.incidentId, incident.id), openDuty));
  if (open.length > 0)
    throw invalid('duties', `未対応の報告等の義務があるため、終結を申請できません: ${open.map((d) => d.label).join('、')}（対応済み又は対応不要（理由）を記録してください）`);
  if (!incident.details?.cause) throw invalid('details.cause', '原因（J.4.4.2 y) 原因の究明）を記入してから終結を申請してください');
  if (!incident.details?.recurrencePrevention) throw invalid('details.recurrencePrevention', '再発防止のための措置を記入してから終結を申請してください');
  return submitForApproval(tx, personActor(actor), INCIDENT_CLOSURE, incident.id, clock);
}

/** Approval record type. Listed in the module manifest (index.ts). */
export const incidentClosureApprovalType: ApprovalRecordType = {
  type: INCIDENT_CLOSURE,
  label: '緊急事態・事故等の終結',
  // J.4.4.2: the PMS manager reports the 緊急事態対応記録 to top management, who confirm the
  // response is complete and dissolve the 緊急事態対策会議.
  defaultSteps: [{ role: 'pms_manager' }, { role: 'top_management' }],
  describeSnapshot: describeIncidentClosureSnapshot,
  async snapshot(tx, organizationId, recordId) {
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organizationId, organizationId), eq(incidents.id, recordId)));
    if (!incident) return null;
    const duties = await tx
      .select()
      .from(incidentDuties)
      .where(and(eq(incidentDuties.organizationId, organizationId), eq(incidentDuties.incidentId, recordId), isNull(incidentDuties.removedAt)));
    // No personal data in the snapshot: the approvals inbox is not a personal-data screen.
    return {
      title: `${incident.number} ${incident.title} の終結`,
      departmentId: incident.departmentId,
      data: {
        number: incident.number,
        title: incident.title,
        knownOn: incident.knownOn,
        rulesVersion: incident.rulesVersion,
        duties: duties
          .sort((a, b) => a.kind.localeCompare(b.kind))
          .map((d) => ({ kind: d.kind, label: d.label, status: d.status, doneOn: d.doneOn, referenceNumber: d.referenceNumber, due: dutyDeadline(d) })),
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    const next =
      status === 'pending'
        ? { status: 'closing' as const }
        : status === 'approved'
          ? { status: 'closed' as const, closedAt: now }
          : status === 'returned' || status === 'withdrawn'
            ? { status: 'responding' as const }
            : null;
    if (!next) return;
    await tx
      .update(incidents)
      .set({ ...next, updatedAt: now })
      .where(and(eq(incidents.organizationId, organizationId), eq(incidents.id, recordId)));
    if (status === 'approved') {
      await tx.insert(incidentTimeline).values({
        organizationId,
        incidentId: recordId,
        phase: 'recurrence_prevention',
        occurredAt: now,
        action: 'トップマネジメントが対応の完了を確認し、終結を承認しました（緊急事態対策会議の解散）',
        createdAt: now,
        updatedAt: now,
      });
    }
  },
  async canView(tx, actor, recordId) {
    if (!can(actor, 'incidents.read')) return false;
    const [row] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(visibleIncidents(actor), eq(incidents.id, recordId)));
    return Boolean(row);
  },
  link: (recordId) => `/incidents/${recordId}`,
};
