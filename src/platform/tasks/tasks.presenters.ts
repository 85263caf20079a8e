import type { z } from 'zod';
import { roleLabels } from '../../domain/roles.ts';
import { type Occurrence, recurrenceLabels } from '../../rules/calendar.ts';
import { deadlineAuthorityLabels } from '../moduleKit/manifest.ts';
import { installedModules } from '../moduleKit/registry.ts';
import { daysBetween } from '../../rules/deadlines.ts';
import { installedCalendarItems } from './calendar.service.ts';
import { type DeadlineState, deadlineState, type MyDeadlines } from './deadlines.service.ts';
import type {
  calendarItemResponse,
  deadlineResponse,
  myDeadlinesResponse,
  myTasksPageResponse,
  overdueByDepartmentResponse,
  taskResponse,
  tasksPageResponse,
} from './tasks.contract.ts';
import { DUE_SOON_DAYS, taskProgressLabels, taskProgressOf, taskStatusLabels } from './tasks.labels.ts';
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

/** A task; `overdue` and `progress` are computed against today (Japan). */
export function presentTask(row: TaskListRow, today: string): z.output<typeof taskResponse> {
  const t = row.task;
  const progress = taskProgressOf({ status: t.status, dueOn: t.dueOn, started: t.startedAt !== null }, today);
  const source = taskSourceOf(t.sourceType, t.sourceId);
  // A calendar task opens the screen of the module that holds its item (manifest `calendarItems`).
  const link = t.sourceType === 'calendar' && row.calendarCode ? (installedCalendarItems().get(row.calendarCode) ?? null) : source.link;
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
    progress,
    progressLabel: taskProgressLabels[progress],
    startedAt: t.startedAt ? t.startedAt.toISOString() : null,
    overdue: t.status === 'open' && t.dueOn < today,
    evidenceUrl: t.evidenceUrl,
    evidenceNote: t.evidenceNote,
    clause: row.clause ?? null,
    calendarItemId: t.calendarItemId,
    sourceType: t.sourceType,
    sourceLabel: source.sourceLabel,
    link,
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
    link: installedCalendarItems().get(i.code) ?? null,
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

const deadlineStateLabels: Record<DeadlineState, string> = {
  overdue: '期限超過',
  due_soon: '期限間近',
  later: '期限前',
  undated: '速やかに',
};

/** 自分の期限: the modules' deadlines and my overdue / due-soon tasks, nearest first (undated last), with their counts. */
export function presentMyDeadlines(data: MyDeadlines): z.output<typeof myDeadlinesResponse> {
  const { today } = data;
  const item = (d: Omit<z.output<typeof deadlineResponse>, 'daysLeft' | 'state' | 'stateLabel'>): z.output<typeof deadlineResponse> => {
    const state = deadlineState(d.dueOn, today);
    return { ...d, daysLeft: d.dueOn ? daysBetween(today, d.dueOn) : null, state, stateLabel: deadlineStateLabels[state] };
  };
  const items = [
    ...data.legal.map((d) =>
      item({
        kind: 'deadline',
        authority: d.authority,
        authorityLabel: deadlineAuthorityLabels[d.authority],
        id: d.sourceId,
        sourceType: d.sourceType,
        sourceLabel: d.sourceLabel,
        title: d.title,
        detail: d.detail,
        dueOn: d.dueOn,
        departmentName: d.departmentId ? (data.departmentNames.get(d.departmentId) ?? null) : null,
        link: d.link,
      }),
    ),
    ...data.tasks.map((row) => {
      const task = presentTask(row, today);
      return item({
        kind: 'task',
        authority: null,
        authorityLabel: null,
        id: task.id,
        sourceType: task.sourceType,
        sourceLabel: task.sourceLabel ?? 'タスク',
        title: task.title,
        detail: task.ownerPersonName ?? task.ownerRoleLabel ?? '',
        dueOn: task.dueOn,
        departmentName: task.departmentName,
        link: task.link ?? `/tasks/${task.id}`,
      });
    }),
  ].sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') || a.title.localeCompare(b.title, 'ja'));
  return {
    today,
    dueSoonDays: DUE_SOON_DAYS,
    counts: {
      overdue: items.filter((i) => i.state === 'overdue').length,
      dueSoon: items.filter((i) => i.state === 'due_soon').length,
      legalOpen: data.legal.filter((d) => d.authority === 'law').length,
    },
    items,
  };
}

/** 所属ごとの期限超過. */
export function presentOverdueByDepartment(items: z.output<typeof overdueByDepartmentResponse>['items']): z.output<typeof overdueByDepartmentResponse> {
  return { items: items.map((i) => ({ ...i })) };
}
