import { daysBetween } from '../../rules/deadlines.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// The countdown of a stored duty (報告等の義務): the presenters, the deadline job, the
// notifications and the PDFs read a duty's deadline the same way.

/** A duty as stored (the fields the countdown reads). */
export type DutyDeadlineInput = { timing: string; dueOn: string | null; targetFrom: string | null; targetTo: string | null };

/**
 * The date a duty counts down to: its 期限 (by date or 直ちに), else the end of its 目安 window
 * (速やかに, e.g. the 3–5 day 速報 target), else null (速やかに with no window, e.g. 本人通知).
 */
export function dutyDeadline(duty: DutyDeadlineInput): string | null {
  return duty.dueOn ?? duty.targetTo ?? null;
}

/** Days from `today` to the duty's deadline (0 = today, negative = overdue), or null without one. */
export function dutyDaysLeft(duty: DutyDeadlineInput, today: string): number | null {
  const deadline = dutyDeadline(duty);
  return deadline === null ? null : daysBetween(today, deadline);
}

/**
 * `期限 2026/02/03` / `目安 2026/03/04〜2026/03/06` / `速やかに`: how a duty's deadline reads in a
 * notice (dates as the app shows them); a PDF passes its own date formatter (one 日付の表記 per document).
 */
export function describeDeadline(duty: DutyDeadlineInput, date: (iso: string) => string = displayDate): string {
  if (duty.timing === 'immediately') return '直ちに';
  if (duty.dueOn && duty.targetFrom && duty.targetTo) return `速報の目安 ${date(duty.targetFrom)}〜${date(duty.targetTo)}、確報の期限 ${date(duty.dueOn)}`;
  if (duty.dueOn) return `期限 ${date(duty.dueOn)}`;
  if (duty.targetFrom && duty.targetTo) return `速やかに（目安 ${date(duty.targetFrom)}〜${date(duty.targetTo)}）`;
  return '速やかに';
}
