import { and, asc, eq, lt, lte } from 'drizzle-orm';
import { daysBetween } from '../../rules/deadlines.ts';
import { addDays } from '../../rules/calendar.ts';
import type { Tx } from '../db/connection.ts';
import type { ModuleDeadline } from '../moduleKit/manifest.ts';
import { installedModules } from '../moduleKit/registry.ts';
import { departments } from '../org/org.tables.ts';
import type { Actor } from '../policies/actor.ts';
import { DUE_SOON_DAYS } from './tasks.labels.ts';
import { ownedBy, selectTasks, type TaskListRow } from './tasks.service.ts';
import { tasks } from './tasks.tables.ts';

// 期限 on the home (SPEC M16: my tasks, incident deadlines, overdue items per department). Two
// kinds of deadline meet here: the legal ones the modules keep on their own records (an
// incident's 速報・確報・本人通知, manifest `deadlines`) and the caller's tasks. Both are counted
// with one definition (tasks.labels.ts DUE_SOON_DAYS): 期限超過 = due before today, 期限間近 = due
// from today to today + 7, in Japan's calendar days.

/** Where a deadline stands on `today`. */
export type DeadlineState = 'overdue' | 'due_soon' | 'later' | 'undated';

/** 期限超過・期限間近・それより先・期限の日付なし（速やかに）. */
export function deadlineState(dueOn: string | null, today: string): DeadlineState {
  if (dueOn === null) return 'undated';
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'later';
}

/** The open legal deadlines of every installed module the actor may see (each module checks visibility). */
async function legalDeadlines(tx: Tx, actor: Actor, today: string): Promise<ModuleDeadline[]> {
  const all: ModuleDeadline[] = [];
  // One after another: the modules share the request's transaction (one connection).
  for (const m of installedModules()) if (m.deadlines) all.push(...(await m.deadlines(tx, actor, today)));
  return all;
}

async function departmentNames(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.organizationId, organizationId));
  return new Map(rows.map((d) => [d.id, d.name]));
}

/**
 * 自分の期限: every open legal deadline the actor may see, and the actor's open tasks that are
 * overdue or due soon (the later ones are in the task list), nearest first.
 */
export async function listMyDeadlines(tx: Tx, actor: Actor, today: string) {
  const legal = await legalDeadlines(tx, actor, today);
  const names = await departmentNames(tx, actor.organizationId);
  const myTasks = await selectTasks(tx)
    .where(and(eq(tasks.organizationId, actor.organizationId), ownedBy(actor), eq(tasks.status, 'open'), lte(tasks.dueOn, addDays(today, DUE_SOON_DAYS))))
    .orderBy(asc(tasks.dueOn), asc(tasks.title));
  return { today, legal, departmentNames: names, tasks: myTasks };
}

export type MyDeadlines = { today: string; legal: ModuleDeadline[]; departmentNames: Map<string, string>; tasks: TaskListRow[] };

/**
 * 所属ごとの期限超過: open tasks and legal deadlines past due, per department (null: the whole
 * organization), for those who run the PMS year (tasks.manage). Departments with none are left out.
 */
export async function overdueByDepartment(tx: Tx, actor: Actor, today: string) {
  const names = await departmentNames(tx, actor.organizationId);
  const overdueTasks = await tx
    .select({ departmentId: tasks.departmentId })
    .from(tasks)
    .where(and(eq(tasks.organizationId, actor.organizationId), eq(tasks.status, 'open'), lt(tasks.dueOn, today)));
  const legal = (await legalDeadlines(tx, actor, today)).filter((d) => deadlineState(d.dueOn, today) === 'overdue');
  const rows = new Map<string | null, { departmentId: string | null; departmentName: string; overdueTasks: number; overdueDeadlines: number }>();
  const row = (departmentId: string | null) => {
    let r = rows.get(departmentId);
    if (!r) {
      r = { departmentId, departmentName: departmentId ? (names.get(departmentId) ?? '（削除された所属）') : '組織全体', overdueTasks: 0, overdueDeadlines: 0 };
      rows.set(departmentId, r);
    }
    return r;
  };
  for (const t of overdueTasks) row(t.departmentId).overdueTasks++;
  for (const d of legal) row(d.departmentId).overdueDeadlines++;
  return [...rows.values()].sort((a, b) => b.overdueTasks + b.overdueDeadlines - (a.overdueTasks + a.overdueDeadlines) || a.departmentName.localeCompare(b.departmentName, 'ja'));
}
