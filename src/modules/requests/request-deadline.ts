import { addCalendarDays } from '../../rules/deadlines.ts';
import { evaluateRequestDeadline, type RequestDeadlineResult } from '../../rules/requestDeadlines/index.ts';
import type { RequestKind } from './requests.labels.ts';

/** The organization's 苦情・相談 target (J.11: no statutory period; 遅滞なく → 14 days by default). */
export const COMPLAINT_TARGET_DAYS = 14;

/** The organization's part of the deadline: its profile and its settings (platform/org/orgSettings.ts). */
export type DeadlineSettings = {
  profile: 'private' | 'public' | 'designated_manager';
  /** The 施行条例's 決定の期間 and 延長 (null: the law's 30 + 30, 法第83条), and its name, cited on the deadline. */
  periodDays?: number | null;
  extensionDays?: number | null;
  ordinance?: string | null;
  /** A private organization's target for 遅滞なく (法第32条〜第35条: no statutory period). */
  targetDays?: number;
};

export interface DeadlineInput extends DeadlineSettings {
  kind: RequestKind;
  receivedOn: string;
  corrections: readonly { askedOn: string; completedOn: string | null }[];
  extended: boolean;
  specialProvision: boolean;
  today: string;
}

/** The later of two ISO dates. */
function laterOf(a: string, b: string): string {
  if (a > b) return a;
  return b;
}

/**
 * The request's deadline from the engine (src/rules/requestDeadlines, docs/rules/request-deadlines.md).
 * A 補正 still open counts as running up to today (its days are not counted while it lasts, 法第83条
 * 第1項 括弧書), so the shown deadline moves forward each day the 補正 stays open. 苦情・相談 have no
 * statutory period: the organization's target from 受付日.
 * The 施行条例's period, extension and name (public) and the target days (private) come from the
 * organization's settings; left unset, the law's 30 + 30 days and 14 days.
 */
export function computeDeadline(input: DeadlineInput): { result: RequestDeadlineResult | null; dueOn: string } {
  if (input.kind === 'complaint') return { result: null, dueOn: addCalendarDays(input.receivedOn, COMPLAINT_TARGET_DAYS) };
  const correctionPeriods = input.corrections.map((c) => ({ askedOn: c.askedOn, completedOn: c.completedOn ?? laterOf(input.today, c.askedOn) }));
  const result = evaluateRequestDeadline({
    profile: input.profile,
    kind: input.kind,
    receivedOn: input.receivedOn,
    correctionPeriods,
    extended: input.extended,
    specialProvision: input.specialProvision,
    ...(input.profile === 'private'
      ? input.targetDays !== undefined
        ? { targetDays: input.targetDays }
        : {}
      : {
          ...(input.periodDays != null ? { periodDays: input.periodDays } : {}),
          ...(input.extensionDays != null ? { extensionDays: input.extensionDays } : {}),
          ...(input.ordinance ? { ordinance: input.ordinance } : {}),
        }),
  });
  return { result, dueOn: result.extendedDue ?? result.decisionDue };
}

/** 残り日数 from today to the due date (0 on the day, negative past it). */
export function daysLeft(dueOn: string | null, today: string): number | null {
  if (!dueOn) return null;
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
