/**
 * Which incident facts come from the organization rather than from the incident (SPEC §5.1):
 * the incident service fills them in before every evaluation, and the web facts form shows
 * them read-only and runs the same preview. Pure: no I/O, imports only the domain.
 */
import type { OrganizationProfile } from './roles.ts';

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
 *
 * @example
 * organizationFacts({ profile: 'private', privacyMarkNumber: '10800001', privacyMarkValidFrom: null, privacyMarkValidTo: '2027-03-31' }, '2026-05-01')
 * // → { profile: 'private', privacyMark: true }
 */
export function organizationFacts(org: OrganizationForFacts, knownOn: string): { profile: OrganizationProfile; privacyMark: boolean } {
  const profile = (['private', 'public', 'designated_manager'] as const).find((p) => p === org.profile) ?? 'private';
  const hasNumber = Boolean(org.privacyMarkNumber?.trim());
  const started = !org.privacyMarkValidFrom || org.privacyMarkValidFrom <= knownOn;
  const notExpired = !org.privacyMarkValidTo || knownOn <= org.privacyMarkValidTo;
  return { profile, privacyMark: hasNumber && started && notExpired };
}
