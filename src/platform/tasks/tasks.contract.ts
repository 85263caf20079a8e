import { z } from 'zod';
import { deadlineAuthorities } from '../moduleKit/manifest.ts';
import { pmsRoles } from '../../domain/roles.ts';
import { calendarRecurrences } from '../../rules/calendar.ts';
import { defineContract, pageResponse } from '../http/contract.ts';
import { taskProgresses, taskStatuses } from './tasks.labels.ts';
import { calendarIdParams, calendarItemBody, calendarQuery, myTasksQuery, taskCreateBody, taskIdParams, tasksQuery, taskUpdateBody } from './tasks.schema.ts';

// タスク・PMS年間計画 (SPEC §3 Tasks & calendar): every route with its response. Pure (zod
// only): the SPA and the test client take their types here.

/** A task: its owner (a role, or a person), due date, status and evidence (Principle 4). */
export const taskResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  ownerRole: z.enum(pmsRoles).nullable(),
  ownerRoleLabel: z.string().nullable(),
  ownerPersonId: z.uuid().nullable(),
  ownerPersonName: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  startsOn: z.iso.date().nullable(),
  dueOn: z.iso.date(),
  status: z.enum(taskStatuses),
  statusLabel: z.string(),
  /** 未着手・対応中・完了・期限超過・取消 (tasks.labels.ts taskProgressOf). */
  progress: z.enum(taskProgresses),
  progressLabel: z.string(),
  /** When the work started (対応中), or null. */
  startedAt: z.iso.datetime().nullable(),
  /** Open and due before today (Japan). */
  overdue: z.boolean(),
  evidenceUrl: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  /** The clause of the PMS calendar item the task comes from. */
  clause: z.string().nullable(),
  calendarItemId: z.uuid().nullable(),
  /** What produced the task (calendar, manual, or a module's source), its Japanese name and the SPA path of its work. */
  sourceType: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  link: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
});

/** 自分のタスク: a page, and the counts of all my open ones (期限切れ・期限間近 within `dueSoonDays`, the reminder horizon). */
export const myTasksPageResponse = pageResponse(taskResponse).extend({
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), dueSoonDays: z.number().int() }),
});

/** タスク一覧: a page, and the organization's open and overdue counts (for the department filter). */
export const tasksPageResponse = pageResponse(taskResponse).extend({ counts: z.object({ open: z.number().int(), overdue: z.number().int() }) });

/** Where a deadline stands: 期限超過・期限間近 (within `dueSoonDays`)・それより先・日付なし（速やかに）. */
export const deadlineStates = ['overdue', 'due_soon', 'later', 'undated'] as const;

/**
 * One deadline on the home: a deadline a module keeps (kind `deadline`: a 報告等の義務, a request's
 * answer, a 委託先's …) with what sets it, or one of my tasks (kind `task`).
 */
export const deadlineResponse = z.object({
  kind: z.enum(['deadline', 'task']),
  /** What sets a module's deadline (法令・規格・契約・ガイドライン・目標); null for a task. */
  authority: z.enum(deadlineAuthorities).nullable(),
  authorityLabel: z.string().nullable(),
  /** The duty's or the task's id. */
  id: z.string(),
  sourceType: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  dueOn: z.iso.date().nullable(),
  /** Days from today (Japan) to `dueOn`: 0 = today, negative = overdue; null without a date. */
  daysLeft: z.number().int().nullable(),
  state: z.enum(deadlineStates),
  stateLabel: z.string(),
  departmentName: z.string().nullable(),
  /** The SPA path where the work is done (the record, or the task itself). */
  link: z.string(),
});

/**
 * 自分の期限 (home): every open module deadline I may see and my tasks that are overdue or due
 * soon; the counts cover both (期限間近 = due from today to today + `dueSoonDays`, Japan), and
 * `legalOpen` the deadlines a statute sets (法令上の報告等).
 */
export const myDeadlinesResponse = z.object({
  today: z.iso.date(),
  dueSoonDays: z.number().int(),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), legalOpen: z.number().int() }),
  items: z.array(deadlineResponse),
});

/** 所属ごとの期限超過. */
export const overdueByDepartmentResponse = z.object({
  items: z.array(z.object({ departmentId: z.uuid().nullable(), departmentName: z.string(), overdueTasks: z.number().int(), overdueDeadlines: z.number().int() })),
});

const occurrenceResponse = z.object({ startsOn: z.iso.date(), dueOn: z.iso.date() });

/** An item of the PMS年間計画, with its next due date (and, when a year is asked, every occurrence in it). */
export const calendarItemResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  clause: z.string().nullable(),
  /** The source text the timing comes from (PA01 / Setagaya). */
  quote: z.string(),
  ownerRole: z.enum(pmsRoles),
  ownerRoleLabel: z.string(),
  recurrence: z.enum(calendarRecurrences),
  recurrenceLabel: z.string(),
  month: z.number().int().nullable(),
  dayOfMonth: z.number().int(),
  perDepartment: z.boolean(),
  active: z.boolean(),
  nextStartsOn: z.iso.date().nullable(),
  nextDueOn: z.iso.date().nullable(),
  occurrences: z.array(occurrenceResponse).optional(),
  /** The SPA path where the item's work is done (the module that holds it), or null (the task itself). */
  link: z.string().nullable(),
});

export const tasksContract = defineContract({
  myTasks: {
    method: 'GET',
    path: '/api/me/tasks',
    access: 'authenticated',
    summary: '自分のタスク（未完了・期限切れ・完了）',
    query: myTasksQuery,
    response: myTasksPageResponse,
  },
  myDeadlines: {
    method: 'GET',
    path: '/api/me/deadlines',
    access: 'authenticated',
    summary: '自分の期限（法令上の報告等の期限と、期限超過・期限間近の自分のタスク）',
    response: myDeadlinesResponse,
  },
  overdueByDepartment: {
    method: 'GET',
    path: '/api/tasks/overdue-by-department',
    access: 'tasks.manage',
    summary: '所属ごとの期限超過（タスクと報告等の義務）',
    response: overdueByDepartmentResponse,
  },
  get: {
    method: 'GET',
    path: '/api/tasks/:id',
    access: 'authenticated',
    summary: 'タスク（担当者とタスク管理者だけ）',
    params: taskIdParams,
    response: taskResponse,
  },
  list: {
    method: 'GET',
    path: '/api/tasks',
    access: 'tasks.manage',
    summary: 'タスク一覧（状態・期限切れ・所属・発生元・期限の範囲で絞り込み）',
    query: tasksQuery,
    response: tasksPageResponse,
  },
  create: { method: 'POST', path: '/api/tasks', access: 'tasks.manage', summary: 'タスクの作成', body: taskCreateBody, response: taskResponse, status: 201 },
  update: {
    method: 'PATCH',
    path: '/api/tasks/:id',
    access: 'authenticated',
    summary: 'タスクの状態・証跡の更新（完了には証跡が必要）',
    params: taskIdParams,
    body: taskUpdateBody,
    response: taskResponse,
  },
  calendar: {
    method: 'GET',
    path: '/api/calendar',
    access: 'org.read',
    summary: 'PMS年間計画（次回期限つき。導入されているモジュールの項目だけ）',
    query: calendarQuery,
    response: z.object({ items: z.array(calendarItemResponse) }),
  },
  updateCalendarItem: {
    method: 'PUT',
    path: '/api/calendar/:id',
    access: 'calendar.manage',
    summary: 'PMS年間計画の項目の変更',
    params: calendarIdParams,
    body: calendarItemBody,
    response: calendarItemResponse,
  },
});
