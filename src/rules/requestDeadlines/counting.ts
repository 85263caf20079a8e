/**
 * Counting a request period (期間の計算, 法第83条第1項 and the same wording in 第94条・第102条):
 * - the day of receipt is not counted — day 1 is the next day (民法第140条 初日不算入; 「開示請求が
 *   あった日から三十日以内」);
 * - 補正に要した日数 are not counted (第83条第1項ただし書): the days from the day after 補正 was
 *   asked up to and including the day it was completed; overlapping periods count once;
 * - a last day on a 行政機関の休日 moves to the next day that is not one (行政機関の休日に関する法律
 *   第2条, 地方自治法第4条の2第4項).
 * Pure: dates are `YYYY-MM-DD` strings (src/rules/deadlines.ts).
 */
import { addCalendarDays, type IsoDate, nextWorkingDay } from '../deadlines.ts';

/** A 補正 period: the day 補正 was asked and the day the requester completed it. */
export type CorrectionPeriod = { askedOn: IsoDate; completedOn: IsoDate };

/** The days a set of 補正 periods takes out of the count (askedOn+1 … completedOn), once each. */
export function excludedDates(periods: readonly CorrectionPeriod[]): Set<IsoDate> {
  const dates = new Set<IsoDate>();
  for (const { askedOn, completedOn } of periods) {
    for (let date = addCalendarDays(askedOn, 1); date <= completedOn; date = addCalendarDays(date, 1)) dates.add(date);
  }
  return dates;
}

/** The end of a period before and after the 休日 roll-forward. */
export type PeriodEnd = {
  /** The `days`-th counted day (day 1 = the day after receipt, 補正 days skipped). */
  lastDay: IsoDate;
  /** `lastDay`, or the next day that is not a 行政機関の休日. */
  due: IsoDate;
  /** 補正 days that fell inside the period and pushed its end. */
  excludedDays: number;
};

/**
 * The end of a period of `days` days counted from the day after `receivedOn`, skipping `excluded`.
 * @example periodEnd('2026-04-01', 30, new Set()) // { lastDay: '2026-05-01', due: '2026-05-01', excludedDays: 0 }
 */
export function periodEnd(receivedOn: IsoDate, days: number, excluded: ReadonlySet<IsoDate>): PeriodEnd {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`期間の日数は1以上の整数で指定してください: ${days}`);
  let date = receivedOn;
  let counted = 0;
  let skipped = 0;
  while (counted < days) {
    date = addCalendarDays(date, 1);
    if (excluded.has(date)) skipped++;
    else counted++;
  }
  return { lastDay: date, due: nextWorkingDay(date), excludedDays: skipped };
}
