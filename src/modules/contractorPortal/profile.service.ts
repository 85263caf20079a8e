import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import type { QuestionnaireAnswer } from '../../rules/contractors/questionnaire.ts';
import {
  type AskedSet,
  answersFor,
  itemKey,
  PROFILE_ANSWER_LIMIT,
  type ProfileAnswer,
  type ProfileItem,
  profileItems,
  resolveProfileAnswers,
} from '../../rules/contractors/profileItems.ts';
import { defaultContractorCriteria } from '../../rules/data/contractorCriteria.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';
import { contractorPortalProfileShares, contractorPortalProfiles } from './contractorProfile.tables.ts';
import type { profileResponse, sharedProfileResponse } from './questionnaire.responses.ts';
import type { profileBody, shareBody } from './questionnaire.schema.ts';
import { certificateKindLabels, type ProfileCertificate, type ProfileSection, profileSectionLabels, profileSections, type QuestionnaireCriteria } from './questionnaire.labels.ts';
import { latestCriteriaNotices } from './criteria-notices.ts';
import { askedViaQuestionnaireLabel, askedViaRevisionLabel } from './criteriaNotices.labels.ts';
import { activePrincipalLink, principalLinksOf } from './principal-links.ts';

// 委託先のプロフィール (issue #13 「回答を一度にして複数の委託元に共有」): a 委託先 serving ten
// municipalities answers the common items once, in its own tenant, and chooses per 委託元 (per
// link) which sections that 委託元 may read — nothing until it chooses. The 委託元 reads a shared
// section through the share row (visible to it: counterparty) and only the sections named there.
//
// 委託元ごとの評価基準 (J.9.4 s)): each 委託元 may ask with its own criteria set. The profile answers
// the items of the built-in 調査票 and of every connected 委託元's latest 調査票 — the criteria as sent
// on the exchange, which the 委託元 exposed to this 委託先 (never the 委託元's criteria tables) — and of
// a new version the 委託元 approved since (評価基準の改定のお知らせ, shared on the link the same way), one
// answer per item number and wording (rules/contractors/profileItems.ts). A 委託元 that has sent
// neither asks nothing beyond the built-in items.

type ProfileRow = typeof contractorPortalProfiles.$inferSelect;

const presentCertificates = (list: readonly ProfileCertificate[], today: string) =>
  list.map((c) => ({ kind: c.kind, kindLabel: certificateKindLabels[c.kind], number: c.number, expiresOn: c.expiresOn, expired: c.expiresOn < today }));

async function ownProfile(tx: Tx, actor: Actor): Promise<ProfileRow | undefined> {
  const [row] = await tx.select().from(contractorPortalProfiles).where(eq(contractorPortalProfiles.organizationId, actor.organizationId));
  return row;
}

const standardText = new Map(defaultContractorCriteria.items.map((i) => [i.code, i.text]));

/** The profile's answers with their wording (answers saved before the wording was kept are to the built-in 調査票). */
export function profileAnswersOf(row: Pick<ProfileRow, 'questionnaireAnswers'> | undefined): ProfileAnswer[] {
  return (row?.questionnaireAnswers ?? []).flatMap((a) => {
    const text = a.text ?? standardText.get(a.code);
    return text === undefined ? [] : [{ code: a.code, text, answer: a.answer, details: a.details }];
  });
}

/** What one 委託元 asks on a link: its latest 調査票's criteria, and a criteria revision it published after it. */
export type LinkAsked = {
  /** The criteria of the latest 調査票, as sent (null: none sent yet). */
  questionnaire: QuestionnaireCriteria | null;
  /** The latest 評価基準の改定のお知らせ, when published after the latest 調査票 (null otherwise). */
  revision: { versionNo: number; name: string; items: QuestionnaireCriteria['items']; publishedAt: Date } | null;
};

/**
 * What each link's 委託元 asks: the criteria of its latest 調査票, as sent on the exchange (a 調査票 sent
 * before snapshots were kept asked the built-in one), and the version it published since (評価基準の
 * 改定のお知らせ, issue #13) — read only from the rows the 委託元 shares on the link, never from its
 * criteria tables. `side` names the caller's organization's side of the exchange.
 */
export async function askedOnLinks(tx: Tx, actor: Actor, linkIds: readonly string[], side: 'principal' | 'contractor'): Promise<Map<string, LinkAsked>> {
  if (linkIds.length === 0) return new Map();
  const ours =
    side === 'principal' ? eq(contractorPortalExchanges.organizationId, actor.organizationId) : eq(contractorPortalExchanges.counterpartyOrganizationId, actor.organizationId);
  const rows = await tx
    .select({ linkId: contractorPortalExchanges.linkId, criteria: contractorPortalExchanges.criteria, createdAt: contractorPortalExchanges.createdAt })
    .from(contractorPortalExchanges)
    .where(and(ours, eq(contractorPortalExchanges.kind, 'questionnaire'), inArray(contractorPortalExchanges.linkId, [...linkIds])))
    .orderBy(desc(contractorPortalExchanges.createdAt));
  const latest = new Map<string, { criteria: QuestionnaireCriteria; sentAt: Date }>();
  for (const r of rows)
    if (!latest.has(r.linkId)) latest.set(r.linkId, { criteria: r.criteria ?? { ...defaultContractorCriteria, items: [...defaultContractorCriteria.items] }, sentAt: r.createdAt });
  const notices = await latestCriteriaNotices(tx, actor, linkIds, side);
  const asked = new Map<string, LinkAsked>();
  for (const linkId of linkIds) {
    const q = latest.get(linkId);
    const n = notices.get(linkId);
    // A 調査票 sent after the revision asks the version in force then: it supersedes the notice.
    const revision = n && (!q || n.publishedAt > q.sentAt) ? { versionNo: n.versionNo, name: n.name, items: n.items, publishedAt: n.publishedAt } : null;
    if (q || revision) asked.set(linkId, { questionnaire: q?.criteria ?? null, revision });
  }
  return asked;
}

/** The items a link's 委託元 asks (its latest 調査票's and a revision published since), null when it asks none beyond the built-in 調査票. */
export function itemsAskedOnLink(asked: LinkAsked | null): QuestionnaireCriteria['items'] | null {
  if (!asked) return null;
  return [...(asked.questionnaire?.items ?? []), ...(asked.revision?.items ?? [])];
}

/** The links where the caller's organization is the 委託先 (accepted), with their share rows and what their 委託元 ask. */
async function sharesOf(tx: Tx, actor: Actor) {
  const links = (await principalLinksOf(tx, actor)).map((l) => ({ id: l.id, principalId: l.organizationId }));
  const shares = await tx.select().from(contractorPortalProfileShares).where(eq(contractorPortalProfileShares.organizationId, actor.organizationId));
  const asked = await askedOnLinks(
    tx,
    actor,
    links.map((l) => l.id),
    'contractor',
  );
  return links.map((l) => ({
    linkId: l.id,
    principalId: l.principalId,
    sections: shares.find((s) => s.linkId === l.id)?.sections ?? [],
    asked: asked.get(l.id)?.questionnaire ?? null,
    revision: asked.get(l.id)?.revision ?? null,
  }));
}

export type ProfileView = {
  row: ProfileRow | undefined;
  shares: { linkId: string; principalId: string; sections: ProfileSection[]; asked: QuestionnaireCriteria | null; revision: LinkAsked['revision'] }[];
};

export async function readProfile(tx: Tx, actor: Actor): Promise<ProfileView> {
  return { row: await ownProfile(tx, actor), shares: await sharesOf(tx, actor) };
}

/**
 * The profile's items: the built-in 調査票's, every connected 委託元's latest 調査票's and the criteria
 * revision it published since (評価基準の改定のお知らせ), and those the profile already answers (an answer
 * to an item no 委託元 asks any more stays until the 委託先 clears it).
 */
export function itemsOfProfile(view: ProfileView, principalName: (principalId: string) => string): ProfileItem[] {
  const asked: AskedSet[] = view.shares.flatMap((s) => [
    ...(s.asked ? [{ principal: principalName(s.principalId), via: askedViaQuestionnaireLabel, items: s.asked.items }] : []),
    ...(s.revision ? [{ principal: principalName(s.principalId), via: askedViaRevisionLabel(s.revision.versionNo), items: s.revision.items }] : []),
  ]);
  const items = profileItems(defaultContractorCriteria.items, asked);
  const known = new Set(items.map((i) => i.key));
  const leftOver = profileAnswersOf(view.row)
    .filter((a) => !known.has(itemKey(a.code, a.text)))
    .map((a) => ({ key: itemKey(a.code, a.text), code: a.code, text: a.text, coversOthers: false, askedBy: [], askedVia: [], standard: false }));
  return [...items, ...leftOver];
}

export function presentProfile(view: ProfileView, names: ReadonlyMap<string, string>, today: string): z.output<typeof profileResponse> {
  const { row } = view;
  return {
    id: row?.id ?? null,
    questionnaireAnswers: profileAnswersOf(row),
    certificates: presentCertificates(row?.certificates ?? [], today),
    securityMeasures: row?.securityMeasures ?? null,
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    items: itemsOfProfile(view, (id) => names.get(id) ?? '委託元'),
    standardName: defaultContractorCriteria.name,
    sections: profileSections.map((code) => ({ code, label: profileSectionLabels[code] })),
    shares: view.shares.map((s) => ({
      linkId: s.linkId,
      principalName: names.get(s.principalId) ?? null,
      sections: s.sections,
      criteriaName: s.asked?.name ?? null,
      revision: s.revision
        ? {
            versionNo: s.revision.versionNo,
            versionLabel: askedViaRevisionLabel(s.revision.versionNo),
            criteriaName: s.revision.name,
            publishedAt: s.revision.publishedAt.toISOString(),
          }
        : null,
    })),
  };
}

/** Saves the profile (created on first save). Answers are a draft here: they are checked when sent on a 調査票. */
export async function saveProfile(tx: Tx, actor: Actor, input: z.output<typeof profileBody>, clock: Clock): Promise<ProfileView> {
  const before = await readProfile(tx, actor);
  const { answers, problems } = resolveProfileAnswers(
    itemsOfProfile(before, (id) => id),
    input.questionnaireAnswers,
  );
  if (problems.length > 0) throw new HttpError(422, `プロフィールを保存できません（${problems.length}件）: ${problems.map((p) => p.message).join(' / ')}`, 'validation', problems);
  const values = {
    questionnaireAnswers: answers,
    certificates: input.certificates,
    securityMeasures: input.securityMeasures,
    updatedByName: actor.personName,
    updatedAt: clock.now,
  };
  const current = before.row;
  if (current) await tx.update(contractorPortalProfiles).set(values).where(eq(contractorPortalProfiles.id, current.id));
  else await tx.insert(contractorPortalProfiles).values({ organizationId: actor.organizationId, ...values, createdAt: clock.now });
  return readProfile(tx, actor);
}

/**
 * 調査票の回答をプロフィールにも保存 (asked, never silently: the 委託先 names the items): the answers
 * given on a 調査票 to items its profile does not answer yet (number and wording) are added; an item
 * the profile already answers is left as it is. Returns the items added.
 */
export async function keepAnswersInProfile(
  tx: Tx,
  actor: Actor,
  criteria: QuestionnaireCriteria,
  answers: readonly QuestionnaireAnswer[],
  codes: readonly string[],
  clock: Clock,
): Promise<ProfileAnswer[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const problems = wanted.flatMap((code) =>
    criteria.items.some((i) => i.code === code) && answers.some((a) => a.code === code)
      ? []
      : [{ path: 'saveToProfile', message: `評価項目 ${code} はこの調査票で回答していないため、プロフィールに保存できません` }],
  );
  if (problems.length > 0) throw new HttpError(422, problems.map((p) => p.message).join(' / '), 'validation', problems);
  const [row] = await tx.select().from(contractorPortalProfiles).where(eq(contractorPortalProfiles.organizationId, actor.organizationId)).for('update');
  const current = profileAnswersOf(row);
  const have = new Set(current.map((a) => itemKey(a.code, a.text)));
  const added: ProfileAnswer[] = criteria.items.flatMap((item) => {
    const a = answers.find((x) => x.code === item.code);
    if (!a || !wanted.includes(item.code) || have.has(itemKey(item.code, item.text))) return [];
    return [{ code: item.code.trim(), text: item.text.trim(), answer: a.answer, details: a.details }];
  });
  if (added.length === 0) return [];
  if (current.length + added.length > PROFILE_ANSWER_LIMIT)
    throw new HttpError(422, `プロフィールの回答は${PROFILE_ANSWER_LIMIT}項目までです`, 'validation', [
      { path: 'saveToProfile', message: `プロフィールの回答は${PROFILE_ANSWER_LIMIT}項目までです（今${current.length}項目）` },
    ]);
  const values = { questionnaireAnswers: [...current, ...added], updatedByName: actor.personName, updatedAt: clock.now };
  if (row) await tx.update(contractorPortalProfiles).set(values).where(eq(contractorPortalProfiles.id, row.id));
  else await tx.insert(contractorPortalProfiles).values({ organizationId: actor.organizationId, ...values, certificates: [], createdAt: clock.now });
  return added;
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
  if (!link.counterpartyOrganizationId) return { link, share: null, asked: null };
  const asked = itemsAskedOnLink((await askedOnLinks(tx, actor, [link.id], 'principal')).get(link.id) ?? null);
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
  return { link, share: share ?? null, asked };
}

/**
 * What the 委託元 may read of the profile: only the shared sections (the profile itself is in the
 * 委託先's tenant, read by the system role for exactly those sections, after the tenant transaction).
 * The 調査票 section holds only the answers to this 委託元's items — those of the latest 調査票 it
 * sent on this link and of a criteria revision it published since, else the built-in 調査票 — never
 * the answers meant for another 委託元.
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
    questionnaireAnswers: sections.includes('questionnaire') ? answersFor(principal.asked ?? defaultContractorCriteria.items, profileAnswersOf(row)) : null,
    certificates: sections.includes('certificates') ? presentCertificates(row.certificates, today) : null,
    securityMeasures: sections.includes('securityMeasures') ? row.securityMeasures : null,
  };
}
