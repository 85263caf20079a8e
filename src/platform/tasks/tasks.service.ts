import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accounts } from '../auth/auth.tables.ts';
import type { Tx } from '../db/connection.ts';
import { forbidden, invalid, notFound } from '../http/errors.ts';
import { accountsWithRole, notifyAccounts } from '../notifications/notify.ts';
import { departments, people } from '../org/org.tables.ts';
import { addDays } from '../../rules/calendar.ts';
import { roleLabels } from '../../domain/roles.ts';
import { type Actor, can, type HeldRole } from '../policies/actor.ts';
import { DUE_SOON_DAYS, type TaskProgress } from './tasks.labels.ts';
import type { myTasksQuery, taskCreateBody, tasksQuery, taskUpdateBody } from './tasks.schema.ts';
import { calendarItems, tasks } from './tasks.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// タスク (SPEC §3, Principle 4): every periodic duty becomes a task with an owner (a role, or a
// person), a due date, a status and evidence. Overdue = open and due before today.

type TaskRow = typeof tasks.$inferSelect;

/** Whether a person owns a task: it names them, or it names a role they hold (for the task's department when the role is department-bound). */
export function ownsTask(actor: { personId: string; roles: readonly HeldRole[] }, task: Pick<TaskRow, 'ownerPersonId' | 'ownerRole' | 'departmentId'>): boolean {
  if (task.ownerPersonId && task.ownerPersonId === actor.personId) return true;
  if (!task.ownerRole) return false;
  const bound = roleLabels[task.ownerRole].perDepartment === true;
  return actor.roles.some((r) => r.role === task.ownerRole && (!bound || (r.departmentId !== null && r.departmentId === task.departmentId)));
}

/** The same test as {@link ownsTask}, as SQL. */
export function ownedBy(actor: { personId: string; roles: readonly HeldRole[] }): SQL {
  const conditions: SQL[] = [eq(tasks.ownerPersonId, actor.personId)];
  for (const r of actor.roles) {
    const bound = roleLabels[r.role].perDepartment === true;
    if (bound) {
      if (r.departmentId) conditions.push(and(eq(tasks.ownerRole, r.role), eq(tasks.departmentId, r.departmentId)) as SQL);
    } else conditions.push(eq(tasks.ownerRole, r.role));
  }
  return or(...conditions) as SQL;
}

function viewCondition(view: 'open' | 'overdue' | 'done', today: string): SQL {
  if (view === 'done') return eq(tasks.status, 'done');
  if (view === 'overdue') return and(eq(tasks.status, 'open'), lt(tasks.dueOn, today)) as SQL;
  return eq(tasks.status, 'open');
}

/** The SQL of a task's progress (tasks.labels.ts taskProgressOf) on `today`. */
function progressCondition(progress: TaskProgress, today: string): SQL {
  switch (progress) {
    case 'done':
      return eq(tasks.status, 'done');
    case 'cancelled':
      return eq(tasks.status, 'cancelled');
    case 'overdue':
      return and(eq(tasks.status, 'open'), lt(tasks.dueOn, today)) as SQL;
    case 'in_progress':
      return and(eq(tasks.status, 'open'), gte(tasks.dueOn, today), isNotNull(tasks.startedAt)) as SQL;
    case 'not_started':
      return and(eq(tasks.status, 'open'), gte(tasks.dueOn, today), isNull(tasks.startedAt)) as SQL;
  }
}

/** Due between `dueFrom` and `dueTo` (both inclusive, either open). */
function dueRange(range: { dueFrom?: string | undefined; dueTo?: string | undefined }): SQL | undefined {
  return and(range.dueFrom ? gte(tasks.dueOn, range.dueFrom) : undefined, range.dueTo ? lte(tasks.dueOn, range.dueTo) : undefined);
}

/** Tasks with their owner's and department's names and their calendar item's clause. */
export function selectTasks(tx: Tx) {
  return tx
    .select({
      task: tasks,
      ownerPersonName: people.name,
      departmentName: departments.name,
      clause: calendarItems.clause,
      calendarCode: calendarItems.code,
    })
    .from(tasks)
    .leftJoin(people, eq(people.id, tasks.ownerPersonId))
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .leftJoin(calendarItems, eq(calendarItems.id, tasks.calendarItemId));
}

export type TaskListRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['where']>>[number];

/**
 * 自分のタスク: tasks owned by the actor (as a person, or through a role they hold), with the
 * counts of the home page: open, overdue (期限切れ) and due soon (期限間近: tasks.labels.ts
 * DUE_SOON_DAYS — the same definition as the home's legal deadlines).
 */
export async function listMyTasks(tx: Tx, actor: Actor, query: z.infer<typeof myTasksQuery>, today: string) {
  const mineOpen = and(eq(tasks.organizationId, actor.organizationId), ownedBy(actor), eq(tasks.status, 'open'));
  const dueSoonDays = DUE_SOON_DAYS;
  const [counts] = await tx
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${tasks.dueOn} < ${today})::int`,
      dueSoon: sql<number>`count(*) filter (where ${tasks.dueOn} >= ${today} and ${tasks.dueOn} <= ${addDays(today, dueSoonDays)})::int`,
    })
    .from(tasks)
    .where(mineOpen);
  const where = and(eq(tasks.organizationId, actor.organizationId), ownedBy(actor), viewCondition(query.view, today), dueRange(query));
  const order = query.view === 'done' ? [desc(tasks.completedAt)] : [asc(tasks.dueOn), asc(tasks.title)];
  const items = await selectTasks(tx)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(tasks).where(where);
  return {
    items,
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    counts: { open: counts?.open ?? 0, overdue: counts?.overdue ?? 0, dueSoon: counts?.dueSoon ?? 0, dueSoonDays },
  };
}

export type MyTasksPage = Awaited<ReturnType<typeof listMyTasks>>;

/** All tasks of the organization with filters (for the PMS manager's dashboard), and open/overdue counts. */
export async function listTasks(tx: Tx, organizationId: string, query: z.infer<typeof tasksQuery>, today: string) {
  const where = and(
    eq(tasks.organizationId, organizationId),
    query.progress ? progressCondition(query.progress, today) : undefined,
    query.overdue === '1' ? and(eq(tasks.status, 'open'), lt(tasks.dueOn, today)) : undefined,
    query.departmentId ? eq(tasks.departmentId, query.departmentId) : undefined,
    query.sourceType ? eq(tasks.sourceType, query.sourceType) : undefined,
    dueRange(query),
  );
  const items = await selectTasks(tx)
    .where(where)
    .orderBy(asc(tasks.dueOn), asc(tasks.title))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(tasks).where(where);
  const [counts] = await tx
    .select({
      open: sql<number>`count(*) filter (where ${tasks.status} = 'open')::int`,
      overdue: sql<number>`count(*) filter (where ${tasks.status} = 'open' and ${tasks.dueOn} < ${today})::int`,
    })
    .from(tasks)
    .where(and(eq(tasks.organizationId, organizationId), query.departmentId ? eq(tasks.departmentId, query.departmentId) : undefined));
  return {
    items,
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    counts: { open: counts?.open ?? 0, overdue: counts?.overdue ?? 0 },
  };
}

export type TasksPage = Awaited<ReturnType<typeof listTasks>>;

async function getTaskRow(tx: Tx, organizationId: string, id: string): Promise<TaskListRow> {
  const [row] = await selectTasks(tx).where(and(eq(tasks.organizationId, organizationId), eq(tasks.id, id)));
  if (!row) throw notFound('タスク');
  return row;
}

/** One task, for its owner or a task manager; anyone else gets 404 (the task is not theirs to see). */
export async function getTask(tx: Tx, actor: Actor, id: string): Promise<TaskListRow> {
  const row = await getTaskRow(tx, actor.organizationId, id);
  if (!can(actor, 'tasks.manage') && !ownsTask(actor, row.task)) throw notFound('タスク');
  return row;
}

/** Accounts of a task's owners (the named person, or the role holders for the task's department). */
async function ownerAccounts(tx: Tx, task: TaskRow, today: string): Promise<string[]> {
  if (task.ownerPersonId) {
    const rows = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.organizationId, task.organizationId), eq(accounts.personId, task.ownerPersonId)));
    return rows.map((r) => r.id);
  }
  if (!task.ownerRole) return [];
  const bound = roleLabels[task.ownerRole].perDepartment === true;
  return accountsWithRole(tx, task.organizationId, task.ownerRole, today, bound ? task.departmentId : undefined);
}

/** Creates a task by hand (tasks.manage); its owners are notified. */
export async function createTask(tx: Tx, actor: Actor, input: z.infer<typeof taskCreateBody>, today: string) {
  if (input.ownerPersonId) {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organizationId, actor.organizationId), eq(people.id, input.ownerPersonId)));
    if (!p) throw invalid('ownerPersonId', '担当者が見つかりません');
  }
  if (input.departmentId) {
    const [d] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, input.departmentId)));
    if (!d) throw invalid('departmentId', '所属が見つかりません');
  }
  const [task] = await tx
    .insert(tasks)
    .values({
      organizationId: actor.organizationId,
      title: input.title,
      description: input.description ?? '',
      ownerRole: input.ownerRole ?? null,
      ownerPersonId: input.ownerPersonId,
      departmentId: input.departmentId,
      startsOn: input.startsOn,
      dueOn: input.dueOn,
      sourceType: 'manual',
      createdByAccountId: actor.accountId,
    })
    .returning();
  if (!task) throw new Error('task insert returned nothing');
  await notifyAccounts(
    tx,
    actor.organizationId,
    (await ownerAccounts(tx, task, today)).filter((id) => id !== actor.accountId),
    {
      kind: 'task_assigned',
      title: `新しいタスク: ${task.title}`,
      body: `期限 ${displayDate(task.dueOn)}`,
      link: `/tasks/${task.id}`,
      dedupeKey: `task:${task.id}:assigned`,
    },
  );
  return getTaskRow(tx, actor.organizationId, task.id);
}

/**
 * Updates status and evidence. The owner or a task manager may; anyone else gets 404 (the task
 * is not theirs to see). 対応中 (`in_progress`) records when the work started and 未着手 (`open`)
 * clears it; completing requires evidence — a link or a note (Principle 4: every task has
 * evidence); cancelling is for task managers only.
 */
export async function updateTask(tx: Tx, actor: Actor, id: string, input: z.infer<typeof taskUpdateBody>, now: Date) {
  const [task] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.organizationId, actor.organizationId), eq(tasks.id, id)))
    .for('update');
  const manager = can(actor, 'tasks.manage');
  if (!task || (!manager && !ownsTask(actor, task))) throw notFound('タスク');
  if (input.status === 'cancelled' && !manager) throw forbidden('タスクを取り消せるのはタスク管理の権限を持つ人だけです');
  const evidenceUrl = input.evidenceUrl !== undefined ? input.evidenceUrl : task.evidenceUrl;
  const evidenceNote = input.evidenceNote !== undefined ? input.evidenceNote : task.evidenceNote;
  const status = input.status === 'in_progress' ? 'open' : (input.status ?? task.status);
  if (status === 'done' && !evidenceUrl && !evidenceNote) throw invalid('evidenceNote', '完了にするには証跡（リンクまたはメモ）を入力してください');
  const completing = status === 'done' && task.status !== 'done';
  const startedAt = input.status === 'in_progress' ? (task.startedAt ?? now) : input.status === 'open' ? null : (task.startedAt ?? (completing ? now : null));
  await tx
    .update(tasks)
    .set({
      status,
      startedAt,
      evidenceUrl,
      evidenceNote,
      completedAt: status === 'done' ? (completing ? now : task.completedAt) : null,
      completedByAccountId: status === 'done' ? (completing ? actor.accountId : task.completedByAccountId) : null,
      updatedAt: now,
    })
    .where(eq(tasks.id, task.id));
  return getTaskRow(tx, actor.organizationId, task.id);
}
