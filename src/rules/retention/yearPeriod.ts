/**
 * Periods counted in years (民法第143条): a period of N years that starts on `firstDay` ends on the
 * day before the day of the N-th year that corresponds to `firstDay` (応当日); when that year has no
 * such day (02-29 in a common year) it ends on the last day of that month.
 * Pure: dates are `YYYY-MM-DD` strings (src/rules/deadlines.ts).
 */
import { daysInMonth } from '../calendar.ts';
import { addCalendarDays, type IsoDate, isIsoDate } from '../deadlines.ts';

/**
 * The last day of a period of `years` years whose first counted day is `firstDay`.
 * @example lastDayOfYears('2026-04-01', 1) // '2027-03-31'
 * @example lastDayOfYears('2024-02-29', 1) // '2025-02-28' (応当日がないので2月の末日)
 */
export function lastDayOfYears(firstDay: IsoDate, years: number): IsoDate {
  if (!isIsoDate(firstDay)) throw new RangeError(`日付は YYYY-MM-DD 形式の実在する日付で指定してください: "${firstDay}"`);
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`年数は1以上の整数で指定してください: ${years}`);
  const y = Number(firstDay.slice(0, 4)) + years;
  const m = Number(firstDay.slice(5, 7));
  const d = Number(firstDay.slice(8, 10));
  const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  if (d > daysInMonth(y, m)) return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  return addCalendarDays(`${month}-${String(d).padStart(2, '0')}`, -1);
}
