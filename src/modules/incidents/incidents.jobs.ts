import { todayInJapan } from '../../domain/time.ts';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { daysBetween } from '../../rules/deadlines.ts';

import type { Tx } from '../../platform/db/connection.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import type { Deps } from '../../platform/http/types.ts';
import { notifyAccounts } from '../../platform/notifications/notify.ts';
import { sendUrgentNotificationEmails } from '../../platform/notifications/reminders.ts';
import { describeDeadline, dutyDeadline } from './duty-deadlines.ts';
import { incidentRecipients } from './incidents.notify.ts';
import { incidentDuties, incidents } from './incidents.tables.ts';

// Deadline alerts for incident duties (SPEC §3 Notifications: "urgent (incident deadlines)";
// M4 "overdue duties escalate by e-mail"). Exactly once, like the reminder jobs: the run takes a
// transaction-scoped advisory lock (another instance running it skips), and each alert is an
// urgent notification with a dedupe key — unique per account — so a second run, or a second
// instance, inserts nothing. The urgent-mail job then e-mails each notification once; this job
// triggers it at the end so the e-mail does not wait for its next run.

/** Advisory-lock key of this job. */
export const INCIDENT_DEADLINE_LOCK = 727282;

/** An overdue duty is escalated again every this many days while it stays open. */
const ESCALATION_REPEAT_DAYS = 7;

/** A dated duty is announced as "due soon" when this many days or fewer are left (0 = today). */
const DUE_SOON_DAYS = 1;

export type IncidentDeadlineRunResult = { skipped: boolean; dueSoon: number; escalated: number; emailed: number };

async function tryLock(tx: Tx): Promise<boolean> {
  const rows = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${INCIDENT_DEADLINE_LOCK}) as locked`));
  return rows[0]?.locked === true;
}

/**
 * Job: for every open duty of an open incident, in every organization —
 * - overdue (its 期限, or the end of its 速やかに 目安, has passed): escalate to the 個人情報保護管理者,
 *   トップマネジメント and the department's 所属長, again every week while it stays open;
 * - due today or tomorrow: remind the 個人情報保護管理者 once.
 * Returns the notifications created and the e-mails the urgent-mail job sent.
 */
export async function escalateIncidentDeadlines(deps: Deps): Promise<IncidentDeadlineRunResult> {
  const now = deps.now();
  const today = todayInJapan(now);
  const result = await asSystem(deps.database, async (tx) => {
    if (!(await tryLock(tx))) return { skipped: true, dueSoon: 0, escalated: 0 };
    const rows = await tx
      .select({ duty: incidentDuties, incident: { id: incidents.id, number: incidents.number, title: incidents.title, departmentId: incidents.departmentId } })
      .from(incidentDuties)
      .innerJoin(incidents, eq(incidents.id, incidentDuties.incidentId))
      .where(and(eq(incidentDuties.status, 'open'), isNull(incidentDuties.removedAt), ne(incidents.status, 'closed')));
    let dueSoon = 0;
    let escalated = 0;
    for (const { duty, incident } of rows) {
      const deadline = dutyDeadline(duty);
      if (deadline === null) continue;
      const left = daysBetween(today, deadline);
      const link = `/incidents/${incident.id}`;
      if (left < 0) {
        const week = Math.floor((-left - 1) / ESCALATION_REPEAT_DAYS);
        const recipients = await incidentRecipients(tx, duty.organizationId, today, { departmentId: incident.departmentId, includeTop: true });
        escalated += await notifyAccounts(tx, duty.organizationId, recipients, {
          kind: 'incident_duty_overdue',
          title: `【期限超過】${incident.number} ${duty.label}（${describeDeadline(duty)}、${-left}日超過）`,
          body: `事案「${incident.title}」の報告等の義務が期限（目安）を過ぎても対応済みになっていません。\n宛先: ${duty.recipient}\n根拠: ${duty.basis}\n\n対応したら、Mamoriの事案画面で対応日・受付番号を記録してください。`,
          link,
          urgent: true,
          dedupeKey: `incident:duty:${duty.id}:overdue:${deadline}:${week}`,
        });
      } else if (left <= DUE_SOON_DAYS) {
        const recipients = await incidentRecipients(tx, duty.organizationId, today, { departmentId: null });
        dueSoon += await notifyAccounts(tx, duty.organizationId, recipients, {
          kind: 'incident_duty_due_soon',
          title: `【期限${left === 0 ? '当日' : '前日'}】${incident.number} ${duty.label}（${describeDeadline(duty)}）`,
          body: `事案「${incident.title}」の報告等の義務の期限（目安）が近づいています。\n宛先: ${duty.recipient}\n根拠: ${duty.basis}`,
          link,
          urgent: true,
          dedupeKey: `incident:duty:${duty.id}:due-soon:${deadline}`,
        });
      }
    }
    return { skipped: false, dueSoon, escalated };
  });
  if (result.skipped || result.dueSoon + result.escalated === 0) return { ...result, emailed: 0 };
  const mail = await sendUrgentNotificationEmails(deps);
  return { ...result, emailed: mail.sent };
}
