import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/auth.tables.ts';
import { createdAt, id, organizationId, updatedAt } from '../db/columns.ts';
import { departments, organizations, people } from '../org/org.tables.ts';
import type { PmsRole } from '../../domain/roles.ts';
import type { CalendarRecurrence } from '../../rules/calendar.ts';
import type { TaskStatus } from './tasks.labels.ts';

export type { CalendarRecurrence } from '../../rules/calendar.ts';

/** PMS年間計画 (calendar): the yearly timings, seeded from PA01 defaults and editable. */
export const calendarItems = pgTable(
  'calendar_items',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    clause: text('clause'),
    /** The source text the timing comes from (PA01 / Setagaya), shown beside the item. */
    quote: text('quote').notNull().default(''),
    ownerRole: text('owner_role').$type<PmsRole>().notNull(),
    recurrence: text('recurrence').$type<CalendarRecurrence>().notNull(),
    /** Month (1–12) of the first occurrence in the year; for monthly items ignored. */
    month: integer('month'),
    dayOfMonth: integer('day_of_month').notNull().default(28),
    perDepartment: boolean('per_department').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('calendar_items_code_uq').on(t.organizationId, t.code)],
);

/** タスク: a duty with an owner role (or person), due date, status and evidence (Principle 4). */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerRole: text('owner_role').$type<PmsRole>(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** When the work can start (calendar tasks: the first day of the month, or the renewal window's opening). */
    startsOn: date('starts_on'),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    /** 対応中: when the owner started the work (null: 未着手). */
    startedAt: timestamp('started_at', { withTimezone: true }),
    evidenceUrl: text('evidence_url'),
    evidenceNote: text('evidence_note'),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    calendarItemId: uuid('calendar_item_id').references(() => calendarItems.id),
    /** Idempotency key for generated tasks, e.g. `calendar:<item>:2026-12:<dept>`. */
    generationKey: text('generation_key'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedByAccountId: uuid('completed_by_account_id').references(() => accounts.id),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_org_due_idx').on(t.organizationId, t.status, t.dueOn),
    index('tasks_org_dept_idx').on(t.organizationId, t.departmentId, t.status),
    index('tasks_owner_person_idx').on(t.organizationId, t.ownerPersonId, t.status),
    uniqueIndex('tasks_generation_uq').on(t.organizationId, t.generationKey),
  ],
);

/**
 * リマインダー送信記録: one row per (task, account, kind, day), inserted *before* the e-mail is
 * sent; the unique key makes a reminder arrive once even when several app instances run the
 * job against one PostgreSQL.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind').notNull(),
    sentOn: date('sent_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reminder_deliveries_uq').on(t.taskId, t.accountId, t.kind, t.sentOn)],
);
