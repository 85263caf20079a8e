import type { z } from 'zod';
import { roleLabels } from '../../domain/roles.ts';
import { type Occurrence, recurrenceLabels } from '../../rules/calendar.ts';
import { installedModules } from '../moduleKit/registry.ts';
import type { calendarItemResponse, myTasksPageResponse, taskResponse, tasksPageResponse } from './tasks.contract.ts';
import { taskStatusLabels } from './tasks.labels.ts';
import type { MyTasksPage, TaskListRow, TasksPage } from './tasks.service.ts';
import type { calendarItems } from './tasks.tables.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

/** The platform's own task sources; the modules' come from their manifests (`tasks`). */
const platformTaskSources: Record<string, { label: string; link: (sourceId: string) => string | null }> = {
  calendar: { label: 'PMSカレンダー', link: () => null },
  manual: { label: '手動で登録', link: () => null },
};

/** What produced a task, in Japanese, and the SPA path where its work is done (null: the task itself). */
export function taskSourceOf(sourceType: string | null, sourceId: string | null): { sourceLabel: string | null; link: string | null } {
  if (!sourceType) return { sourceLabel: null, link: null };
  const own = platformTaskSources[sourceType];
  if (own) return { sourceLabel: own.label, link: sourceId ? own.link(sourceId) : null };
  for (const m of installedModules()) {
    const source = m.tasks?.find((t) => t.sourceType === sourceType);
    if (source) return { sourceLabel: source.label, link: sourceId ? source.link(sourceId) : null };
  }
  return { sourceLabel: null, link: null };
}

/** A task; `overdue` is computed against today (open and due before today). */
export function presentTask(row: TaskListRow, today: string): z.output<typeof taskResponse> {
  const t = row.task;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    ownerRole: t.ownerRole,
    ownerRoleLabel: t.ownerRole ? roleLabels[t.ownerRole].ja : null,
    ownerPersonId: t.ownerPersonId,
    ownerPersonName: row.ownerPersonName ?? null,
    departmentId: t.departmentId,
    departmentName: row.departmentName ?? null,
    startsOn: t.startsOn,
    dueOn: t.dueOn,
    status: t.status,
    statusLabel: taskStatusLabels[t.status],
    overdue: t.status === 'open' && t.dueOn < today,
    evidenceUrl: t.evidenceUrl,
    evidenceNote: t.evidenceNote,
    clause: row.clause ?? null,
    calendarItemId: t.calendarItemId,
    sourceType: t.sourceType,
    ...taskSourceOf(t.sourceType, t.sourceId),
    completedAt: t.completedAt ? t.completedAt.toISOString() : null,
  };
}

/** 自分のタスク: the page, and the counts of all my open ones. */
export function presentMyTasksPage(page: MyTasksPage, today: string): z.output<typeof myTasksPageResponse> {
  return { items: page.items.map((row) => presentTask(row, today)), total: page.total, page: page.page, pageSize: page.pageSize, counts: { ...page.counts } };
}

/** タスク一覧: the page, and the organization's open and overdue counts. */
export function presentTasksPage(page: TasksPage, today: string): z.output<typeof tasksPageResponse> {
  return { items: page.items.map((row) => presentTask(row, today)), total: page.total, page: page.page, pageSize: page.pageSize, counts: { ...page.counts } };
}

type CalendarRow = { item: typeof calendarItems.$inferSelect; next: Occurrence | null; occurrences?: Occurrence[] | undefined };

export function presentCalendarItem(r: CalendarRow): z.output<typeof calendarItemResponse> {
  const i = r.item;
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    description: i.description,
    clause: i.clause,
    quote: i.quote,
    ownerRole: i.ownerRole,
    ownerRoleLabel: roleLabels[i.ownerRole].ja,
    recurrence: i.recurrence,
    recurrenceLabel: recurrenceLabels[i.recurrence].ja,
    month: i.month,
    dayOfMonth: i.dayOfMonth,
    perDepartment: i.perDepartment,
    active: i.active,
    nextStartsOn: r.next?.startsOn ?? null,
    nextDueOn: r.next?.dueOn ?? null,
    ...(r.occurrences
      ? {
          occurrences: r.occurrences.map((o) => ({
            startsOn: o.startsOn,
            dueOn: o.dueOn,
          })),
        }
      : {}),
  };
}

/** The PMS年間計画. */
export function presentCalendar(rows: CalendarRow[]): { items: z.output<typeof calendarItemResponse>[] } {
  return { items: rows.map(presentCalendarItem) };
}
