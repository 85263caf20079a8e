import { and, eq, inArray, sql } from 'drizzle-orm';
import { type PmsRole, roleLabels } from '../../domain/roles.ts';
import { accounts } from '../auth/auth.tables.ts';
import type { Tx } from '../db/connection.ts';
import { accountsWithRole, notifyAccounts } from '../notifications/notify.ts';
import { calendarItems, tasks } from './tasks.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// Tasks the modules generate (Principle 4: every duty becomes a task with an owner, a due date
// and evidence): the 台帳's risk-analysis and disposal tasks, the リスク分析's monitoring tasks,
// and the yearly review's completion of its calendar task. Each carries a generation key,
// unique per organization, so creating it twice — a retried request, the daily job on two
// instances — creates it once.

export type GeneratedTask = {
  /** Idempotency key, e.g. `risk-analysis:<entryId>:r2`. */
  generationKey: string;
  title: string;
  description: string;
  ownerRole?: PmsRole | null;
  ownerPersonId?: string | null;
  departmentId: string | null;
  startsOn?: string | null;
  dueOn: string;
  /** What produced it (`risk_analysis`, `inventory_disposal`, `risk_monitoring`) and the record id. */
  sourceType: string;
  sourceId: string;
};

/** Creates the task unless one with the same key exists, and notifies its owners in-app. Returns the new task's id, or null. */
export async function ensureTask(tx: Tx, organizationId: string, task: GeneratedTask, today: string): Promise<string | null> {
  const [row] = await tx
    .insert(tasks)
    .values({
      organizationId,
      title: task.title,
      description: task.description,
      ownerRole: task.ownerRole ?? null,
      ownerPersonId: task.ownerPersonId ?? null,
      departmentId: task.departmentId,
      startsOn: task.startsOn ?? null,
      dueOn: task.dueOn,
      sourceType: task.sourceType,
      sourceId: task.sourceId,
      generationKey: task.generationKey,
    })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  if (!row) return null;
  let accountIds: string[] = [];
  if (task.ownerPersonId) {
    const owned = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.organizationId, organizationId), eq(accounts.personId, task.ownerPersonId)));
    accountIds = owned.map((a) => a.id);
  } else if (task.ownerRole) {
    const bound = roleLabels[task.ownerRole].perDepartment === true;
    accountIds = await accountsWithRole(tx, organizationId, task.ownerRole, today, bound ? task.departmentId : undefined);
  }
  await notifyAccounts(tx, organizationId, accountIds, {
    kind: 'task_assigned',
    title: `新しいタスク: ${task.title}`,
    body: `期限 ${displayDate(task.dueOn)}`,
    link: `/tasks/${row.id}`,
    dedupeKey: `task:${row.id}:assigned`,
  });
  return row.id;
}

/** Marks open tasks done with evidence (the record that fulfilled them). */
export async function completeTasks(
  tx: Tx,
  organizationId: string,
  where: { sourceType: string; sourceIds: readonly string[] } | { taskIds: readonly string[] },
  evidence: { url: string; note: string; now: Date; accountId?: string | null },
): Promise<number> {
  const condition =
    'taskIds' in where
      ? where.taskIds.length > 0
        ? inArray(tasks.id, [...where.taskIds])
        : sql`false`
      : where.sourceIds.length > 0
        ? and(eq(tasks.sourceType, where.sourceType), inArray(tasks.sourceId, [...where.sourceIds]))
        : sql`false`;
  const done = await tx
    .update(tasks)
    .set({
      status: 'done',
      evidenceUrl: evidence.url,
      evidenceNote: evidence.note,
      completedAt: evidence.now,
      completedByAccountId: evidence.accountId ?? null,
      updatedAt: evidence.now,
    })
    .where(and(eq(tasks.organizationId, organizationId), eq(tasks.status, 'open'), condition))
    .returning({ id: tasks.id });
  return done.length;
}

/**
 * The open calendar task of a yearly review (pmsCalendar `inventory_review` / `risk_review`,
 * one per department) due in `year`, if the calendar created one.
 */
export async function calendarReviewTaskIds(tx: Tx, organizationId: string, code: string, departmentId: string, year: number): Promise<string[]> {
  const rows = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(calendarItems, eq(calendarItems.id, tasks.calendarItemId))
    .where(
      and(
        eq(tasks.organizationId, organizationId),
        eq(calendarItems.code, code),
        eq(tasks.departmentId, departmentId),
        eq(tasks.status, 'open'),
        sql`extract(year from ${tasks.dueOn}) = ${year}`,
      ),
    );
  return rows.map((r) => r.id);
}
