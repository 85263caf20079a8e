import { and, asc, eq, inArray } from 'drizzle-orm';
import { installedModules } from '../moduleKit/registry.ts';
import type { z } from 'zod';
import { type CalendarContext, nextOccurrence, type Occurrence, occurrences, upcomingOccurrences } from '../../rules/calendar.ts';
import { pmsCalendarDefaults } from '../../rules/data/pmsCalendar.ts';
import type { Tx } from '../db/connection.ts';
import { notFound } from '../http/errors.ts';
import { accountsWithRole, notifyAccounts } from '../notifications/notify.ts';
import { departments, organizations } from '../org/org.tables.ts';
import { roleLabels } from '../../domain/roles.ts';
import type { calendarItemBody } from './tasks.schema.ts';
import { calendarItems, tasks } from './tasks.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// PMS年間計画 (SPEC §3 Tasks & calendar, Principle 4): each organization's calendar, seeded
// from the PA01 / Setagaya defaults, and the generation of tasks from it.

/** Days before an occurrence starts that its task is created. */
export const DEFAULT_LOOKAHEAD_DAYS = 14;

type CalendarItemRow = typeof calendarItems.$inferSelect;

/**
 * Calendar items the platform itself holds: the Privacy-Mark renewal counts back from the
 * organization's 有効期間 (organization settings). Its work is done outside Mamori (the
 * application to JIPDEC), so it has no screen to open.
 */
const platformCalendarItems: readonly { code: string; link: string | null }[] = [{ code: 'privacy_mark_renewal', link: null }];

/**
 * The calendar items the app has — the platform's and those of the installed modules' manifests
 * (`calendarItems`) — with the SPA path of their work. Every organization keeps all the PA01
 * defaults (calendar_items), so installing a module later brings its items back; but the
 * calendar lists, and makes tasks of, only these: nothing for a module that does not exist yet
 * (issue #10).
 */
export function installedCalendarItems(): Map<string, string | null> {
  const items = new Map<string, string | null>(platformCalendarItems.map((i) => [i.code, i.link]));
  for (const m of installedModules()) for (const i of m.calendarItems ?? []) items.set(i.code, i.link);
  return items;
}

/**
 * Seeder: every new organization gets the default calendar (idempotent: matched on code) and
 * the tasks of its upcoming occurrences (the daily job keeps generating them from then on).
 */
export async function seedPmsCalendar(tx: Tx, organizationId: string, today: string): Promise<void> {
  await insertCalendarDefaults(tx, organizationId);
  await generateCalendarTasks(tx, organizationId, today, { notify: false });
}

async function insertCalendarDefaults(tx: Tx, organizationId: string): Promise<void> {
  await tx
    .insert(calendarItems)
    .values(
      pmsCalendarDefaults.map((d) => ({
        organizationId,
        code: d.code,
        title: d.title,
        description: d.description,
        clause: d.clause,
        quote: d.quote,
        ownerRole: d.ownerRole,
        recurrence: d.recurrence,
        month: d.month,
        dayOfMonth: d.dayOfMonth,
        perDepartment: d.perDepartment,
      })),
    )
    .onConflictDoNothing();
}

async function calendarContext(tx: Tx, organizationId: string): Promise<CalendarContext> {
  const [org] = await tx.select({ privacyMarkValidTo: organizations.privacyMarkValidTo }).from(organizations).where(eq(organizations.id, organizationId));
  return { privacyMarkValidTo: org?.privacyMarkValidTo ?? null };
}

/** The calendar with each item's next due date (and, for `year`, every occurrence in that year). */
export async function listCalendar(tx: Tx, organizationId: string, today: string, year?: number) {
  const context = await calendarContext(tx, organizationId);
  const installed = installedCalendarItems();
  const rows = await tx
    .select()
    .from(calendarItems)
    .where(and(eq(calendarItems.organizationId, organizationId), inArray(calendarItems.code, [...installed.keys()])))
    .orderBy(asc(calendarItems.month), asc(calendarItems.code));
  return rows.map((item) => ({
    item,
    next: item.active ? nextOccurrence(item, today, context) : null,
    occurrences: year !== undefined ? occurrences(item, year, context) : undefined,
  }));
}

/**
 * Changes an item of the organization's calendar. Tasks already generated keep their dates; the
 * tasks of upcoming occurrences are made at once (idempotent, as the daily job makes them), so an
 * item moved to this month shows in the owners' tasks today, not tomorrow.
 */
export async function updateCalendarItem(tx: Tx, organizationId: string, id: string, input: z.infer<typeof calendarItemBody>, today: string) {
  const [row] = await tx
    .update(calendarItems)
    .set({
      title: input.title,
      description: input.description ?? '',
      clause: input.clause,
      ownerRole: input.ownerRole,
      recurrence: input.recurrence,
      month: input.recurrence === 'monthly' || input.recurrence === 'privacy_mark_renewal' ? null : (input.month ?? null),
      dayOfMonth: input.dayOfMonth,
      perDepartment: input.perDepartment,
      active: input.active,
      updatedAt: new Date(),
    })
    .where(and(eq(calendarItems.organizationId, organizationId), eq(calendarItems.id, id), inArray(calendarItems.code, [...installedCalendarItems().keys()])))
    .returning();
  if (!row) throw notFound('年間計画の項目');
  await generateCalendarTasks(tx, organizationId, today);
  const context = await calendarContext(tx, organizationId);
  return {
    item: row,
    next: row.active ? nextOccurrence(row, today, context) : null,
    occurrences: undefined,
  };
}

/** Title of a generated task: the item's title and the period it is for. */
function taskTitle(item: CalendarItemRow, o: Occurrence): string {
  if (item.recurrence === 'privacy_mark_renewal') return `${item.title}（有効期間終了 ${displayDate(o.periodKey.slice(3))}）`;
  const [y, m] = o.dueOn.split('-');
  return `${item.title}（${y}年${Number(m)}月）`;
}

/**
 * Creates the tasks of the calendar's upcoming occurrences — one per department for
 * per-department items — idempotently: each task carries a generation key
 * (`calendar:<code>:<period>:<department|org>`) that is unique per organization, so running
 * this twice, or on two instances at once, creates each task once. Owners are notified in-app.
 */
export async function generateCalendarTasks(tx: Tx, organizationId: string, today: string, options: { lookaheadDays?: number; notify?: boolean } = {}): Promise<number> {
  const context = await calendarContext(tx, organizationId);
  const items = await tx
    .select()
    .from(calendarItems)
    .where(and(eq(calendarItems.organizationId, organizationId), eq(calendarItems.active, true), inArray(calendarItems.code, [...installedCalendarItems().keys()])));
  if (items.length === 0) return 0;
  const depts = await tx.select({ id: departments.id }).from(departments).where(eq(departments.organizationId, organizationId));
  const values: (typeof tasks.$inferInsert)[] = [];
  for (const item of items) {
    for (const o of upcomingOccurrences(item, today, options.lookaheadDays ?? DEFAULT_LOOKAHEAD_DAYS, context)) {
      const targets: (string | null)[] = item.perDepartment ? depts.map((d) => d.id) : [null];
      for (const departmentId of targets) {
        values.push({
          organizationId,
          title: taskTitle(item, o),
          description: item.description,
          ownerRole: item.ownerRole,
          departmentId,
          startsOn: o.startsOn,
          dueOn: o.dueOn,
          sourceType: 'calendar',
          sourceId: item.id,
          calendarItemId: item.id,
          generationKey: `calendar:${item.code}:${o.periodKey}:${departmentId ?? 'org'}`,
        });
      }
    }
  }
  if (values.length === 0) return 0;
  const inserted = await tx.insert(tasks).values(values).onConflictDoNothing().returning();
  if (options.notify !== false) {
    for (const task of inserted) {
      if (!task.ownerRole) continue;
      const bound = roleLabels[task.ownerRole].perDepartment === true;
      const accountIds = await accountsWithRole(tx, organizationId, task.ownerRole, today, bound ? task.departmentId : undefined);
      await notifyAccounts(tx, organizationId, accountIds, {
        kind: 'task_assigned',
        title: `新しいタスク: ${task.title}`,
        body: `期限 ${displayDate(task.dueOn)}`,
        link: `/tasks/${task.id}`,
        dedupeKey: `task:${task.id}:assigned`,
      });
    }
  }
  return inserted.length;
}

/** Calendar items by id (for presenting tasks with their clause). */
export async function calendarItemsById(tx: Tx, organizationId: string, ids: readonly string[]): Promise<Map<string, CalendarItemRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(calendarItems)
    .where(and(eq(calendarItems.organizationId, organizationId), inArray(calendarItems.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}
