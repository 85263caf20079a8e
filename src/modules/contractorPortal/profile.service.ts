import { activePrincipalLink, principalLinksOf } from './principal-links.ts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { defaultContractorCriteria } from '../../rules/data/contractorCriteria.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';
import { contractorPortalProfileShares, contractorPortalProfiles } from './contractorProfile.tables.ts';
import type { profileResponse, sharedProfileResponse } from './questionnaire.responses.ts';
import type { profileBody, shareBody } from './questionnaire.schema.ts';
import { certificateKindLabels, type ProfileCertificate, type ProfileSection, profileSectionLabels, profileSections } from './questionnaire.labels.ts';

// 委託先のプロフィール (issue #13 「回答を一度にして複数の委託元に共有」): a 委託先 serving ten
// municipalities answers the common items once, in its own tenant, and chooses per 委託元 (per
// link) which sections that 委託元 may read — nothing until it chooses. The 委託元 reads a shared
// section through the share row (visible to it: counterparty) and only the sections named there.

type ProfileRow = typeof contractorPortalProfiles.$inferSelect;

const presentCertificates = (list: readonly ProfileCertificate[], today: string) =>
  list.map((c) => ({ kind: c.kind, kindLabel: certificateKindLabels[c.kind], number: c.number, expiresOn: c.expiresOn, expired: c.expiresOn < today }));

async function ownProfile(tx: Tx, actor: Actor): Promise<ProfileRow | undefined> {
  const [row] = await tx.select().from(contractorPortalProfiles).where(eq(contractorPortalProfiles.organizationId, actor.organizationId));
  return row;
}

/** The links where the caller's organization is the 委託先 (accepted), with their share rows. */
async function sharesOf(tx: Tx, actor: Actor) {
  const links = (await principalLinksOf(tx, actor)).map((l) => ({ id: l.id, principalId: l.organizationId }));
  const shares = await tx.select().from(contractorPortalProfileShares).where(eq(contractorPortalProfileShares.organizationId, actor.organizationId));
  return links.map((l) => ({ linkId: l.id, principalId: l.principalId, sections: shares.find((s) => s.linkId === l.id)?.sections ?? [] }));
}

export type ProfileView = { row: ProfileRow | undefined; shares: { linkId: string; principalId: string; sections: ProfileSection[] }[] };

export async function readProfile(tx: Tx, actor: Actor): Promise<ProfileView> {
  return { row: await ownProfile(tx, actor), shares: await sharesOf(tx, actor) };
}

export function presentProfile(view: ProfileView, names: ReadonlyMap<string, string>, today: string): z.output<typeof profileResponse> {
  const { row } = view;
  return {
    id: row?.id ?? null,
    questionnaireAnswers: row?.questionnaireAnswers ?? [],
    certificates: presentCertificates(row?.certificates ?? [], today),
    securityMeasures: row?.securityMeasures ?? null,
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    criteria: { name: defaultContractorCriteria.name, items: defaultContractorCriteria.items.map((i) => ({ code: i.code, text: i.text })) },
    sections: profileSections.map((code) => ({ code, label: profileSectionLabels[code] })),
    shares: view.shares.map((s) => ({ linkId: s.linkId, principalName: names.get(s.principalId) ?? null, sections: s.sections })),
  };
}

/** Saves the profile (created on first save). Answers are a draft here: they are checked when sent on a 調査票. */
export async function saveProfile(tx: Tx, actor: Actor, input: z.output<typeof profileBody>, clock: Clock): Promise<ProfileView> {
  const codes = new Set(defaultContractorCriteria.items.map((i) => i.code));
  const unknown = input.questionnaireAnswers.filter((a) => !codes.has(a.code));
  if (unknown.length > 0)
    throw new HttpError(
      422,
      `調査票にない評価項目があります: ${unknown.map((a) => a.code).join('、')}`,
      'validation',
      unknown.map((a) => ({ path: `questionnaireAnswers.${a.code}`, message: `評価項目 ${a.code} は「${defaultContractorCriteria.name}」にありません` })),
    );
  const values = {
    questionnaireAnswers: input.questionnaireAnswers,
    certificates: input.certificates,
    securityMeasures: input.securityMeasures,
    updatedByName: actor.personName,
    updatedAt: clock.now,
  };
  const current = await ownProfile(tx, actor);
  if (current) await tx.update(contractorPortalProfiles).set(values).where(eq(contractorPortalProfiles.id, current.id));
  else await tx.insert(contractorPortalProfiles).values({ organizationId: actor.organizationId, ...values, createdAt: clock.now });
  return readProfile(tx, actor);
}

/** 委託元ごとの共有: the sections the 委託元 of this link may read (an empty list stops sharing). */
export async function shareProfile(tx: Tx, actor: Actor, linkId: string, input: z.output<typeof shareBody>, clock: Clock): Promise<ProfileView> {
  const link = await activePrincipalLink(tx, actor, linkId, { missing: '委託元との接続', inactive: '委託元との接続が解除されています' });
  const sections = profileSections.filter((s) => input.sections.includes(s));
  const [current] = await tx
    .select({ id: contractorPortalProfileShares.id })
    .from(contractorPortalProfileShares)
    .where(and(eq(contractorPortalProfileShares.organizationId, actor.organizationId), eq(contractorPortalProfileShares.linkId, link.id)));
  const values = { sections, updatedAt: clock.now, sharedAt: sections.length > 0 ? clock.now : null };
  if (current) await tx.update(contractorPortalProfileShares).set(values).where(eq(contractorPortalProfileShares.id, current.id));
  else await tx.insert(contractorPortalProfileShares).values({ organizationId: actor.organizationId, counterpartyOrganizationId: link.organizationId, linkId: link.id, ...values });
  return readProfile(tx, actor);
}

/** The share of a link, read by its 委託元 (the row is shared with it); null when nothing is shared. */
export async function shareForPrincipal(tx: Tx, actor: Actor, linkId: string) {
  const [link] = await tx
    .select()
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.organizationId, actor.organizationId), eq(contractorPortalLinks.id, linkId)));
  if (!link) throw notFound('委託先ポータルの接続');
  if (!link.counterpartyOrganizationId) return { link, share: null };
  const [share] = await tx
    .select()
    .from(contractorPortalProfileShares)
    .where(
      and(
        eq(contractorPortalProfileShares.counterpartyOrganizationId, actor.organizationId),
        eq(contractorPortalProfileShares.organizationId, link.counterpartyOrganizationId),
        eq(contractorPortalProfileShares.linkId, link.id),
      ),
    );
  return { link, share: share ?? null };
}

/**
 * What the 委託元 may read of the profile: only the shared sections (the profile itself is in the
 * 委託先's tenant, read by the system role for exactly those sections, after the tenant transaction).
 */
export async function sharedProfile(
  database: Database,
  principal: Awaited<ReturnType<typeof shareForPrincipal>>,
  names: ReadonlyMap<string, string>,
  today: string,
): Promise<z.output<typeof sharedProfileResponse>> {
  const { link, share } = principal;
  const sections = link.status === 'active' ? (share?.sections ?? []) : [];
  const counterpartyName = link.counterpartyOrganizationId ? (names.get(link.counterpartyOrganizationId) ?? null) : null;
  const empty = { counterpartyName, sections, questionnaireAnswers: null, certificates: null, securityMeasures: null };
  if (sections.length === 0 || !link.counterpartyOrganizationId) return { ...empty, sections: [] };
  const owner = link.counterpartyOrganizationId;
  const [row] = await asSystem(database, (tx) => tx.select().from(contractorPortalProfiles).where(eq(contractorPortalProfiles.organizationId, owner)));
  if (!row) return empty;
  return {
    counterpartyName,
    sections,
    questionnaireAnswers: sections.includes('questionnaire') ? row.questionnaireAnswers : null,
    certificates: sections.includes('certificates') ? presentCertificates(row.certificates, today) : null,
    securityMeasures: sections.includes('securityMeasures') ? row.securityMeasures : null,
  };
}
