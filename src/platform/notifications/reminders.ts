import { todayInJapan } from '../../domain/time.ts';
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { addDays } from '../../rules/calendar.ts';
import { accounts } from '../auth/auth.tables.ts';

import type { Tx } from '../db/connection.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';
import type { Deps } from '../http/types.ts';
import { departments, organizations, people, roleAssignments } from '../org/org.tables.ts';
import { resolveSettings } from '../org/orgSettings.ts';
import { roleLabels } from '../../domain/roles.ts';
import { calendarItems, reminderDeliveries, tasks } from '../tasks/tasks.tables.ts';
import { notifications } from './notifications.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// E-mail reminders (SPEC §3 Tasks & calendar: "e-mail reminders"; Notifications: urgent kinds).
//
// Exactly once, even with several app instances on one PostgreSQL:
// 1. each job runs in one transaction that first takes `pg_try_advisory_xact_lock`; an instance
//    that does not get it skips the run (another instance is doing the work);
// 2. before an e-mail is sent, its delivery is claimed — a row in reminder_deliveries (unique
//    task, account, kind, day) inserted with ON CONFLICT DO NOTHING RETURNING, or the
//    notification's emailed_at set where it was null — and only a claim that returned a row
//    sends; the claim and the send share a savepoint, so a failed send releases the claim and
//    the next run retries it.

/** Advisory-lock keys of the two jobs. */
export const TASK_REMINDER_LOCK = 727265;
export const URGENT_EMAIL_LOCK = 727266;

/** An overdue task is re-sent at most once a week; a due-soon reminder only once. */
const OVERDUE_REPEAT_DAYS = 7;
/** Urgent notifications older than this are not e-mailed any more (stale news). */
const URGENT_EMAIL_MAX_AGE_DAYS = 7;

export type ReminderRunResult = { skipped: boolean; sent: number };

async function tryJobLock(tx: Tx, key: number): Promise<boolean> {
  const rows = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${key}) as locked`));
  return rows[0]?.locked === true;
}

type Recipient = { accountId: string; name: string; email: string };

/** The accounts a task reminder goes to, with the address to use: the person's e-mail, else the login id. */
async function taskRecipients(tx: Tx, task: typeof tasks.$inferSelect, today: string): Promise<Recipient[]> {
  let personIds: string[] = [];
  if (task.ownerPersonId) personIds = [task.ownerPersonId];
  else if (task.ownerRole) {
    const bound = roleLabels[task.ownerRole].perDepartment === true;
    const holders = await tx
      .selectDistinct({ personId: roleAssignments.personId })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.organizationId, task.organizationId),
          eq(roleAssignments.role, task.ownerRole),
          lte(roleAssignments.startsOn, today),
          or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
          bound ? (task.departmentId ? eq(roleAssignments.departmentId, task.departmentId) : sql`false`) : undefined,
        ),
      );
    personIds = holders.map((h) => h.personId);
  }
  if (personIds.length === 0) return [];
  const rows = await tx
    .select({
      accountId: accounts.id,
      loginId: accounts.loginId,
      name: people.name,
      email: people.email,
      leftOn: people.leftOn,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(accounts.organizationId, task.organizationId), inArray(accounts.personId, personIds), isNull(accounts.disabledAt)));
  return rows
    .filter((r) => !r.leftOn || r.leftOn > today)
    .map((r) => ({
      accountId: r.accountId,
      name: r.name,
      email: r.email || r.loginId,
    }));
}

function taskMail(deps: Deps, task: typeof tasks.$inferSelect, extra: { departmentName: string | null; clause: string | null }, kind: 'due_soon' | 'overdue', to: Recipient) {
  const when = kind === 'overdue' ? '期限を過ぎています' : '期限が近づいています';
  const lines = [
    `${to.name} 様`,
    '',
    `次のタスクの${when}。`,
    '',
    `タスク: ${task.title}`,
    `期限: ${displayDate(task.dueOn)}`,
    ...(extra.departmentName ? [`所属: ${extra.departmentName}`] : []),
    ...(task.ownerRole ? [`担当: ${roleLabels[task.ownerRole].ja}`] : []),
    ...(extra.clause ? [`根拠: ${extra.clause}`] : []),
    '',
    `${deps.config.publicUrl}/tasks/${task.id}`,
    '',
    '完了したら証跡（リンクまたはメモ）を登録してください。',
    '— Mamori（このメールは自動送信されています）',
  ];
  return {
    to: to.email,
    subject: `【Mamori】${when}: ${task.title}（期限 ${displayDate(task.dueOn)}）`,
    text: lines.join('\n'),
  };
}

/**
 * Job: e-mails due-soon (within the organization's `reminderDaysBefore`) and overdue task
 * reminders to the tasks' owners, once each (see the header comment for how "once" holds
 * across instances). Returns how many e-mails went out; `skipped` when another instance held the lock.
 */
export async function sendTaskReminders(deps: Deps): Promise<ReminderRunResult> {
  if (!deps.mailer.enabled) return { skipped: true, sent: 0 };
  const now = deps.now();
  const today = todayInJapan(now);
  return asSystem(deps.database, async (tx) => {
    if (!(await tryJobLock(tx, TASK_REMINDER_LOCK))) return { skipped: true, sent: 0 };
    let sent = 0;
    const orgs = await tx.select({ id: organizations.id, settings: organizations.settings }).from(organizations);
    for (const org of orgs) {
      const horizon = addDays(today, resolveSettings(org.settings).reminderDaysBefore);
      const due = await tx
        .select({
          task: tasks,
          departmentName: departments.name,
          clause: calendarItems.clause,
        })
        .from(tasks)
        .leftJoin(departments, eq(departments.id, tasks.departmentId))
        .leftJoin(calendarItems, eq(calendarItems.id, tasks.calendarItemId))
        .where(and(eq(tasks.organizationId, org.id), eq(tasks.status, 'open'), lte(tasks.dueOn, horizon)));
      for (const { task, departmentName, clause } of due) {
        const kind = task.dueOn < today ? 'overdue' : 'due_soon';
        for (const to of await taskRecipients(tx, task, today)) {
          // A due-soon reminder goes once; an overdue one again after a week at the earliest.
          const since = kind === 'due_soon' ? '0001-01-01' : addDays(today, -(OVERDUE_REPEAT_DAYS - 1));
          const [earlier] = await tx
            .select({ id: reminderDeliveries.id })
            .from(reminderDeliveries)
            .where(
              and(eq(reminderDeliveries.taskId, task.id), eq(reminderDeliveries.accountId, to.accountId), eq(reminderDeliveries.kind, kind), gte(reminderDeliveries.sentOn, since)),
            )
            .limit(1);
          if (earlier) continue;
          const delivered = await tx
            .transaction(async (sp) => {
              const claimed = await sp
                .insert(reminderDeliveries)
                .values({
                  organizationId: org.id,
                  taskId: task.id,
                  accountId: to.accountId,
                  kind,
                  sentOn: today,
                  createdAt: now,
                })
                .onConflictDoNothing()
                .returning({ id: reminderDeliveries.id });
              if (claimed.length === 0) return false;
              await deps.mailer.send(taskMail(deps, task, { departmentName, clause }, kind, to));
              return true;
            })
            .catch((error: unknown) => {
              // The savepoint rolled back: the claim is released and the next run retries.
              console.error(`reminder for task ${task.id} to account ${to.accountId} failed`, error);
              return false;
            });
          if (delivered) sent++;
        }
      }
    }
    return { skipped: false, sent };
  });
}

/**
 * Job: e-mails urgent in-app notifications (e.g. incident deadlines, bulk-access alerts) that
 * have not been e-mailed yet, once each: `emailed_at` is claimed before the e-mail is sent.
 */
export async function sendUrgentNotificationEmails(deps: Deps): Promise<ReminderRunResult> {
  if (!deps.mailer.enabled) return { skipped: true, sent: 0 };
  const now = deps.now();
  const oldest = new Date(now.getTime() - URGENT_EMAIL_MAX_AGE_DAYS * 86_400_000);
  return asSystem(deps.database, async (tx) => {
    if (!(await tryJobLock(tx, URGENT_EMAIL_LOCK))) return { skipped: true, sent: 0 };
    const pending = await tx
      .select({
        notification: notifications,
        loginId: accounts.loginId,
        name: people.name,
        email: people.email,
      })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .innerJoin(people, eq(people.id, accounts.personId))
      .where(and(eq(notifications.urgent, true), isNull(notifications.emailedAt), gte(notifications.createdAt, oldest), isNull(accounts.disabledAt)));
    let sent = 0;
    for (const { notification: n, loginId, name, email } of pending) {
      const delivered = await tx
        .transaction(async (sp) => {
          const claimed = await sp
            .update(notifications)
            .set({ emailedAt: now })
            .where(and(eq(notifications.id, n.id), isNull(notifications.emailedAt)))
            .returning({ id: notifications.id });
          if (claimed.length === 0) return false;
          const link = n.link ? `\n\n${deps.config.publicUrl}${n.link}` : '';
          await deps.mailer.send({
            to: email || loginId,
            subject: `【Mamori・至急】${n.title}`,
            text: `${name} 様\n\n${n.title}\n\n${n.body}${link}\n\n— Mamori（このメールは自動送信されています）`,
          });
          return true;
        })
        .catch((error: unknown) => {
          console.error(`urgent e-mail for notification ${n.id} failed`, error);
          return false;
        });
      if (delivered) sent++;
    }
    return { skipped: false, sent };
  });
}

/** Both reminder jobs, one after the other (what the scheduler runs). */
export async function runReminderJobs(deps: Deps): Promise<{ tasks: ReminderRunResult; urgent: ReminderRunResult }> {
  return {
    tasks: await sendTaskReminders(deps),
    urgent: await sendUrgentNotificationEmails(deps),
  };
}
