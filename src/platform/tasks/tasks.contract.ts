import { z } from 'zod';
import { pmsRoles } from '../../domain/roles.ts';
import { calendarRecurrences } from '../../rules/calendar.ts';
import { defineContract, pageResponse } from '../http/contract.ts';
import { taskStatuses } from './tasks.labels.ts';
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
  list: {
    method: 'GET',
    path: '/api/tasks',
    access: 'tasks.manage',
    summary: 'タスク一覧（状態・期限切れ・所属で絞り込み）',
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
    summary: 'PMS年間計画（次回期限つき）',
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
