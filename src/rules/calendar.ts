/**
 * PMS calendar engine (PMS年間計画): when does a calendar item fall due? Pure: no clock, no I/O,
 * no local timezone — dates travel as `YYYY-MM-DD` strings and are computed as UTC midnights.
 *
 * The defaults (PA01 timings, Setagaya 運用スケジュール) live in `data/pmsCalendar.ts`; each
 * organization edits its own copy (calendar_items) and the task job asks this engine for the
 * occurrences to turn into tasks.
 */

/** How a calendar item repeats (SPEC §3 Tasks & calendar). */
export const calendarRecurrences = ['yearly', 'semiannual', 'quarterly', 'monthly', 'privacy_mark_renewal'] as const;
export type CalendarRecurrence = (typeof calendarRecurrences)[number];

export const recurrenceLabels: Record<CalendarRecurrence, { ja: string; en: string }> = {
  yearly: { ja: '毎年', en: 'Yearly' },
  semiannual: { ja: '年2回', en: 'Twice a year' },
  quarterly: { ja: '3か月ごと', en: 'Every 3 months' },
  monthly: { ja: '毎月', en: 'Monthly' },
  privacy_mark_renewal: {
    ja: 'プライバシーマーク更新前',
    en: 'Before Privacy-Mark expiry',
  },
};

/** What the engine needs of a calendar item. */
export type CalendarRule = {
  recurrence: CalendarRecurrence;
  /** Month (1–12) of one occurrence in the year (the anchor); ignored for monthly and renewal items. */
  month: number | null;
  /** Day of the due date; a day past the month's end means its last day (31 = 月末). */
  dayOfMonth: number;
};

/** Organization facts some items depend on. */
export type CalendarContext = {
  /** プライバシーマーク有効期間（終了）: the renewal item counts back from it. */
  privacyMarkValidTo?: string | null;
};

/**
 * One occurrence of an item. `periodKey` names the period (not the date), so moving an item's
 * month does not make the task job generate a second task for the same period.
 */
export type Occurrence = { periodKey: string; startsOn: string; dueOn: string };

/**
 * Privacy-Mark renewal (更新申請). The application must reach JIPDEC / the 審査機関 between
 * 8 and 4 months before the end of the validity period (有効期間終了の8ヶ月前から4ヶ月前まで).
 * NOTE: this window is JIPDEC's published rule; it is NOT in the seed documents — PA01 does not
 * mention renewal and the Setagaya 運用スケジュール only lists 「Pマーク更新審査」 without dates.
 */
export const PRIVACY_MARK_RENEWAL_WINDOW = {
  opensMonthsBefore: 8,
  dueMonthsBefore: 4,
} as const;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(date: string): { y: number; m: number; d: number } {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`日付はYYYY-MM-DD形式で指定してください: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The same day `months` months later, clamped to the month's last day (03-31 − 1 month = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The months (1–12, ascending) in which a periodic item falls due within a calendar year. */
export function monthsOf(rule: CalendarRule): number[] {
  const anchor = rule.month ?? 12;
  if (!Number.isInteger(anchor) || anchor < 1 || anchor > 12) throw new RangeError(`月は1〜12で指定してください: ${anchor}`);
  const step = {
    yearly: 12,
    semiannual: 6,
    quarterly: 3,
    monthly: 1,
    privacy_mark_renewal: 12,
  }[rule.recurrence];
  const months = new Set<number>();
  for (let i = 0; i < 12 / step; i++) months.add(((anchor - 1 + i * step) % 12) + 1);
  return [...months].sort((a, b) => a - b);
}

function periodKeyOf(rule: CalendarRule, year: number, month: number, slot: number): string {
  switch (rule.recurrence) {
    case 'yearly':
      return `${year}`;
    case 'semiannual':
      return `${year}-H${slot + 1}`;
    case 'quarterly':
      return `${year}-Q${slot + 1}`;
    default:
      return `${year}-${String(month).padStart(2, '0')}`;
  }
}

/**
 * The occurrences of `rule` whose due date falls in calendar year `year`, in date order.
 * Each occurrence starts on the first day of its month; the renewal item starts when the
 * application window opens (8 months before expiry) and is due when it closes (4 months before).
 *
 * @example occurrences({ recurrence: 'quarterly', month: 6, dayOfMonth: 31 }, 2026)
 *   // → due 2026-03-31, 2026-06-30, 2026-09-30, 2026-12-31
 */
export function occurrences(rule: CalendarRule, year: number, context: CalendarContext = {}): Occurrence[] {
  if (rule.recurrence === 'privacy_mark_renewal') {
    const validTo = context.privacyMarkValidTo;
    if (!validTo) return [];
    const dueOn = addMonths(validTo, -PRIVACY_MARK_RENEWAL_WINDOW.dueMonthsBefore);
    if (parse(dueOn).y !== year) return [];
    return [
      {
        periodKey: `pm-${validTo}`,
        startsOn: addMonths(validTo, -PRIVACY_MARK_RENEWAL_WINDOW.opensMonthsBefore),
        dueOn,
      },
    ];
  }
  if (!Number.isInteger(rule.dayOfMonth) || rule.dayOfMonth < 1 || rule.dayOfMonth > 31) throw new RangeError(`日は1〜31で指定してください: ${rule.dayOfMonth}`);
  return monthsOf(rule).map((month, slot) => ({
    periodKey: periodKeyOf(rule, year, month, slot),
    startsOn: format(year, month, 1),
    dueOn: format(year, month, Math.min(rule.dayOfMonth, daysInMonth(year, month))),
  }));
}

/** The occurrences of `rule` due between `from` and `to` (both inclusive), in date order. */
export function dueDatesBetween(rule: CalendarRule, from: string, to: string, context: CalendarContext = {}): Occurrence[] {
  if (from > to) return [];
  const result: Occurrence[] = [];
  for (let year = parse(from).y; year <= parse(to).y; year++) {
    for (const o of occurrences(rule, year, context)) if (o.dueOn >= from && o.dueOn <= to) result.push(o);
  }
  return result;
}

/**
 * The occurrences a task should exist for on `today`: not yet due, and starting within
 * `lookaheadDays` (so a December review appears shortly before December, not a year ahead).
 */
export function upcomingOccurrences(rule: CalendarRule, today: string, lookaheadDays: number, context: CalendarContext = {}): Occurrence[] {
  // Renewal windows open 8 months ahead; look far enough to see the due date.
  const horizon = addDays(today, Math.max(lookaheadDays, 0) + 366);
  const startLimit = addDays(today, Math.max(lookaheadDays, 0));
  return dueDatesBetween(rule, today, horizon, context).filter((o) => o.startsOn <= startLimit);
}

/** The next occurrence due on or after `today` (for the calendar screen), or null. */
export function nextOccurrence(rule: CalendarRule, today: string, context: CalendarContext = {}): Occurrence | null {
  return dueDatesBetween(rule, today, addDays(today, 3 * 366), context)[0] ?? null;
}
