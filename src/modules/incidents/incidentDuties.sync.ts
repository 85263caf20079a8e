import { and, eq } from 'drizzle-orm';
import type { Duty, IncidentDutiesResult } from '../../rules/incidentDuties.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { describeDeadline } from './duty-deadlines.ts';
import { describeDutyRemoval, type FactsRevision } from './duty-removal.ts';
import { closeDutyAddedNotices, dutyAddedKey, notifyIncidentRecipients } from './incidents.notify.ts';
import { incidentDuties, type incidents } from './incidents.tables.ts';

type IncidentRow = typeof incidents.$inferSelect;
type DutyRow = typeof incidentDuties.$inferSelect;

export type DutySyncResult = {
  /** Duties the engine returned that were not active before (new, or back after a removal). */
  added: DutyRow[];
  /** Duties a fact change removed (kept with `removedAt`, status history intact). */
  removed: DutyRow[];
};

function dutyValues(duty: Duty, rulesVersion: string) {
  return {
    label: duty.label,
    recipient: duty.recipient,
    basis: duty.basis,
    authority: duty.authority,
    reason: duty.reason,
    timing: duty.timing,
    dueOn: duty.due,
    targetFrom: duty.targetRange?.from ?? null,
    targetTo: duty.targetRange?.to ?? null,
    triggers: [...duty.triggers],
    rulesVersion,
  };
}

/**
 * Brings an incident's stored duties in line with a fresh evaluation (SPEC §5.1 "recomputed
 * whenever facts change"): updates the deadline, basis and reason of duties that still apply,
 * inserts new ones, reactivates ones that came back, and marks the rest removed. A duty the
 * engine reports as already met by a recorded fact (委託元への通知日) is marked done on that date.
 * With `notify`, each added duty notifies the 個人情報保護管理者 at once (urgent: e-mailed too) —
 * "a change of facts that adds a duty notifies the PMS manager" — and each removed duty closes
 * the earlier 「新たな報告等の義務」 notices and sends 「不要になりました」 with the reason: which
 * facts changed and which clause no longer applies (`previous` is the revision before, issue #10).
 */
export async function syncIncidentDuties(
  tx: Tx,
  incident: IncidentRow,
  result: IncidentDutiesResult,
  clock: { today: string; now: Date },
  options: { notify: boolean; previous?: FactsRevision },
): Promise<DutySyncResult> {
  const existing = await tx
    .select()
    .from(incidentDuties)
    .where(and(eq(incidentDuties.organizationId, incident.organizationId), eq(incidentDuties.incidentId, incident.id)));
  const byKind = new Map(existing.map((d) => [d.kind, d]));
  const added: DutyRow[] = [];
  const removed: DutyRow[] = [];
  const returned = new Set(result.duties.map((d) => d.kind));

  for (const duty of result.duties) {
    const values = dutyValues(duty, result.rulesVersion);
    const fulfilled = duty.fulfilledAt !== null ? { status: 'done' as const, doneOn: duty.fulfilledAt, note: '事実に記録された委託元への通知日により対応済み（自動）' } : null;
    const before = byKind.get(duty.kind);
    if (!before) {
      const [row] = await tx
        .insert(incidentDuties)
        .values({
          organizationId: incident.organizationId,
          incidentId: incident.id,
          kind: duty.kind,
          ...values,
          ...(fulfilled ?? {}),
          addedAt: clock.now,
          createdAt: clock.now,
          updatedAt: clock.now,
        })
        .returning();
      if (row) added.push(row);
      continue;
    }
    const comesBack = before.removedAt !== null;
    const [row] = await tx
      .update(incidentDuties)
      .set({
        ...values,
        ...(fulfilled && before.status === 'open' ? fulfilled : {}),
        ...(comesBack ? { removedAt: null, addedAt: clock.now } : {}),
        updatedAt: clock.now,
      })
      .where(eq(incidentDuties.id, before.id))
      .returning();
    if (row && comesBack) added.push(row);
  }
  for (const before of existing) {
    if (returned.has(before.kind) || before.removedAt !== null) continue;
    const [row] = await tx.update(incidentDuties).set({ removedAt: clock.now, updatedAt: clock.now }).where(eq(incidentDuties.id, before.id)).returning();
    if (row) removed.push(row);
  }

  if (options.notify) {
    for (const duty of added) {
      await notifyIncidentRecipients(tx, incident.organizationId, clock.today, {
        kind: 'incident_duty_added',
        title: `【新たな報告等の義務】${incident.number} ${duty.label}（${describeDeadline(duty)}）`,
        body: `事案「${incident.title}」の事実の変更により、次の義務が生じました。\n宛先: ${duty.recipient}\n根拠: ${duty.basis}\n\n理由はMamoriの事案画面で確認してください。`,
        link: `/incidents/${incident.id}`,
        urgent: true,
        // One notice per duty per facts revision: a duty that returns after a removal is news again.
        dedupeKey: dutyAddedKey(incident.id, duty.kind, incident.factsRevision),
      });
    }
    for (const duty of removed) {
      await closeDutyAddedNotices(tx, incident.organizationId, incident.id, duty.kind, clock.now);
      const reason = describeDutyRemoval(duty, options.previous ?? null, { facts: incident.facts, evaluation: result });
      await notifyIncidentRecipients(tx, incident.organizationId, clock.today, {
        kind: 'incident_duty_removed',
        title: `【不要になりました】${incident.number} ${duty.label}`,
        body: `事案「${incident.title}」の事実の変更により、次の義務は不要になりました。先に届いた「新たな報告等の義務」の通知は閉じました。\n義務: ${duty.label}（宛先: ${duty.recipient}）\n${reason.join('\n')}`,
        link: `/incidents/${incident.id}`,
        dedupeKey: `incident:${incident.id}:duty:${duty.kind}:removed:r${incident.factsRevision}`,
      });
    }
  }
  return { added, removed };
}
