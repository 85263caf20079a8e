/**
 * Pure helpers shared by the incident service and the web facts form: which facts come from
 * the organization rather than from the incident, and the countdown of a duty. No I/O.
 */
import type { OrganizationProfile } from '../../domain/roles.ts';
import type { IncidentFacts } from '../../rules/incidentDuties.ts';
import { daysBetween } from '../../rules/deadlines.ts';

/** The organization fields the engine needs (SPEC §0 profile; §2 Privacy-Mark number and period). */
export type OrganizationForFacts = {
  profile: OrganizationProfile | string;
  privacyMarkNumber: string | null;
  privacyMarkValidFrom: string | null;
  privacyMarkValidTo: string | null;
};

/**
 * `profile` and `privacyMark` of the facts, from the organization: a Privacy-Mark holder is an
 * organization with a Privacy-Mark number whose validity period (when recorded) covers the
 * 知った日 — the J.4.4.2 JIPDEC reports bind it for 事故等 known while it holds the mark.
 */
export function organizationFacts(org: OrganizationForFacts, knownAt: string): Pick<IncidentFacts, 'profile' | 'privacyMark'> {
  const profile = (['private', 'public', 'designated_manager'] as const).find((p) => p === org.profile) ?? 'private';
  const hasNumber = Boolean(org.privacyMarkNumber?.trim());
  const started = !org.privacyMarkValidFrom || org.privacyMarkValidFrom <= knownAt;
  const notExpired = !org.privacyMarkValidTo || knownAt <= org.privacyMarkValidTo;
  return { profile, privacyMark: hasNumber && started && notExpired };
}

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
