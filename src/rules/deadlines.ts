/**
 * Deadline arithmetic for incident reports (報告期限の計算). Pure: no clock, no I/O, no local
 * timezone. Dates travel as `YYYY-MM-DD` strings and are handled internally as UTC midnights,
 * so the result never depends on the server's or browser's TZ.
 *
 * Conventions (SPEC §5.1, docs/rules/incident-duties.md「期限の計算」):
 * - **Day 1 is the day the organization learned of the situation (知った日).** A 30-day period
 *   that starts on 2026-01-05 ends on 2026-02-03 (SPEC §5.1; PA01 J.4.4.2「発覚日から30日」).
 *   A 民法第140条 初日不算入 reading of 規則第8条第2項「知った日から30日以内」 would end one day
 *   later, so this is the conservative choice (docs/rules/incident-duties.md「不確かな点」).
 * - Weekends and holidays inside the period count.
 * - When the last day is a 行政機関の休日 — Saturday, Sunday, a 国民の祝日に関する法律 holiday
 *   (incl. 振替休日 and 国民の休日), or 12/29–1/3 — the deadline moves to the following day,
 *   repeatedly, until a working day (行政機関の休日に関する法律 第1条・第2条).
 */
import holidayJp from '@holiday-jp/holiday_jp';

/** A calendar date written `YYYY-MM-DD` (ISO 8601 extended, no time, no zone). */
export type IsoDate = string;

/** A `{ from, to }` pair of dates, both inclusive (e.g. the 3–5 day 速報 target window). */
export type DateRange = { from: IsoDate; to: IsoDate };

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years covered by the bundled holiday data. Outside this range we cannot tell holidays
 * from working days, so the functions below refuse rather than silently ignore holidays.
 */
export const HOLIDAY_DATA_RANGE: Readonly<DateRange> = (() => {
  const years = Object.keys(holidayJp.holidays).map((key) => Number(key.slice(0, 4)));
  return Object.freeze({ from: `${Math.min(...years)}-01-01`, to: `${Math.max(...years)}-12-31` });
})();

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is false). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Date.UTC treats years 0–99 as 1900–1999; the round trip rejects those and overflow (02-30).
  return formatUtc(t) === value;
}

function formatUtc(t: number): IsoDate {
  const date = new Date(t);
  const y = date.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError('日付が西暦0〜9999年の範囲を超えました');
  return `${String(y).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

function toUtc(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`日付は YYYY-MM-DD 形式の実在する日付で指定してください: "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * Adds whole calendar days (negative to go back). No holiday handling.
 * @example addCalendarDays('2026-01-31', 1) // '2026-02-01'
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`日数は整数で指定してください: ${days}`);
  return formatUtc(toUtc(date) + days * DAY_MS);
}

/**
 * Number of calendar days from `from` to `to` (`to - from`; negative when `to` is earlier).
 * @example daysBetween('2026-01-05', '2026-02-03') // 29
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/**
 * The n-th day of a period whose day 1 is `knownOn` — no holiday shift. Used for the
 * 「速やかに（概ね3～5日以内）」 target windows, which are targets, not statutory periods.
 * @example nthDay('2026-01-05', 3) // '2026-01-07'
 */
export function nthDay(knownOn: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n は1以上の整数で指定してください: ${n}`);
  return addCalendarDays(knownOn, n - 1);
}

/**
 * The 「速やかに」 target window from day `fromDay` to day `toDay` (day 1 = `knownOn`).
 * @example targetWindow('2026-01-05', 3, 5) // { from: '2026-01-07', to: '2026-01-09' }
 */
export function targetWindow(knownOn: IsoDate, fromDay: number, toDay: number): DateRange {
  if (toDay < fromDay) throw new RangeError(`目安の終わり（${toDay}日目）が始まり（${fromDay}日目）より前です`);
  return { from: nthDay(knownOn, fromDay), to: nthDay(knownOn, toDay) };
}

/**
 * Whether `date` is a 行政機関の休日 (行政機関の休日に関する法律 第1条第1項): Saturday,
 * Sunday, a holiday under 国民の祝日に関する法律 (incl. 振替休日 and 国民の休日), or
 * 12/29–1/3 (年末年始閉庁日).
 * @throws RangeError when the date is malformed or outside {@link HOLIDAY_DATA_RANGE}.
 * @example isNonWorkingDay('2026-01-03') // true (年末年始)
 */
export function isNonWorkingDay(date: IsoDate): boolean {
  const t = toUtc(date);
  if (date < HOLIDAY_DATA_RANGE.from || date > HOLIDAY_DATA_RANGE.to) {
    throw new RangeError(`祝日データの範囲（${HOLIDAY_DATA_RANGE.from}〜${HOLIDAY_DATA_RANGE.to}）外の日付は判定できません: ${date}`);
  }
  const weekday = new Date(t).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const monthDay = date.slice(5);
  if (monthDay >= '12-29' || monthDay <= '01-03') return true;
  // The string overload of isHoliday is a plain key lookup; the Date overload formats with the
  // local timezone, which is exactly the bug this module avoids.
  return holidayJp.isHoliday(date);
}

/**
 * `date` itself when it is a working day, otherwise the first working day after it.
 * @example nextWorkingDay('2026-01-03') // '2026-01-05' (土日・年末年始をまたぐ)
 */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let current = date;
  while (isNonWorkingDay(current)) current = addCalendarDays(current, 1);
  return current;
}

/**
 * Last day of a statutory period of `days` days counted with day 1 = `knownOn`, moved to the
 * next working day when it falls on a 行政機関の休日 (行政機関の休日に関する法律 第2条).
 *
 * @param knownOn 知った日 (`YYYY-MM-DD`) — day 1 of the period.
 * @param days length of the period (e.g. 30 or 60 for a 確報), an integer ≥ 1.
 * @example
 * addStatutoryDays('2026-01-05', 30) // '2026-02-03' (Tuesday)
 * addStatutoryDays('2026-01-03', 30) // '2026-02-02' (day 30 is Sunday 02-01 → Monday)
 */
export function addStatutoryDays(knownOn: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`期間の日数は1以上の整数で指定してください: ${days}`);
  return nextWorkingDay(nthDay(knownOn, days));
}
