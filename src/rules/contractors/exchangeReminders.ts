import { addCalendarDays, daysBetween } from '../deadlines.ts';

// 依頼の期限前のリマインダーと期限超過のエスカレーション (issue #13; J.9.4 委託先の監督, 豊島区 特記
// 事項 第11条 遵守状況の報告 — 委託先 that never return the 評価表 are the common complaint). Pure:
// on a given day, what an open 依頼 (依頼中・差戻し) calls for.
// - 7 days and 1 day before its 提出期限: a reminder to the 委託先's users (one each);
// - from the day after the 提出期限 (the due day itself is still in time): overdue — the 委託元's
//   owner is told and a task 「遵守報告書（調査票）の未提出」 is opened on its side.

/** Days before the 提出期限 on which the 委託先 is reminded. */
export const EXCHANGE_REMINDER_DAYS = [7, 1] as const;

export type ExchangeReminderStep = { kind: 'due_soon'; daysLeft: number } | { kind: 'overdue'; daysOver: number };

/** Whether an exchange in this status still waits for the 委託先. */
export const waitsForContractor = (status: string) => status === 'requested' || status === 'returned';

/**
 * The step due on `today` for an exchange due on `dueOn`, or null. A reminder day the job missed
 * (the server was down) is not sent late: the next one or the escalation follows.
 */
export function exchangeReminderStep(status: string, dueOn: string, today: string): ExchangeReminderStep | null {
  if (!waitsForContractor(status)) return null;
  if (today > dueOn) return { kind: 'overdue', daysOver: daysBetween(dueOn, today) };
  for (const days of EXCHANGE_REMINDER_DAYS) if (addCalendarDays(dueOn, -days) === today) return { kind: 'due_soon', daysLeft: days };
  return null;
}
