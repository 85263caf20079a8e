import { randomBytes } from 'node:crypto';
import { hashToken } from '../../platform/auth/sessions.ts';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { conflict, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { checkComplianceReport } from '../../rules/contractors/complianceReport.ts';
import type { RuleAudience } from '../../rules/data/seedSources.ts';
import type { PortalContractTerms } from './contract-terms.ts';
import { contractorForPortal, currentContractorCriteria } from '../contractors/contractors.portal.api.ts';
import { exchangeKindLabels, exchangeStatusLabels, linkStatusLabels } from './contractorPortal.labels.ts';
import type { acceptBody, complianceAnswerBody, exchangeRequestBody, invitationBody, linksQuery, reviewBody } from './contractorPortal.schema.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';
import { publishCriteriaInForce } from './criteria-notices.ts';
import { criteriaSnapshot } from './questionnaire.service.ts';

// 委託先ポータル (issue #13): a 委託元 and its 委託先, two organizations of the same Mamori. The 委託元
// invites (a code, only its hash kept, valid INVITATION_DAYS); a user of the 委託先's organization
// accepts; the 委託元 asks for the 特記事項遵守報告書 (特記事項 第11条) by a due date; the 委託先 sees only
// what is addressed to its organization and answers; the 委託元 reviews. Every query names the
// organization on its side (organization_id for the 委託元, counterparty_organization_id for the
// 委託先), and the shared-table RLS policy refuses a third organization besides.

export const INVITATION_DAYS = 14;

type LinkRow = typeof contractorPortalLinks.$inferSelect;
type ExchangeRow = typeof contractorPortalExchanges.$inferSelect;

/** Organization names across organizations (the other side's name; names only). */
export async function organizationNames(database: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await asSystem(database, (tx) => tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function presentLink(row: LinkRow, contractorName: string | null, names: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    contractorId: row.contractorId,
    contractorName,
    status: row.status,
    statusLabel: linkStatusLabels[row.status],
    counterpartyName: row.counterpartyOrganizationId ? (names.get(row.counterpartyOrganizationId) ?? null) : null,
    invitationExpiresAt: row.invitationExpiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/**
 * An exchange as either side reads it. `terms`: the contract's 再委託 terms and the 委託元's kind
 * (contractTermsByLink) — the 遵守報告書's answers are checked against them too (J.9.4 3 c)・e)).
 */
export function presentExchange(row: ExchangeRow, otherPartyName: string | null, today: string, terms: PortalContractTerms | null = null) {
  const audience: RuleAudience = terms?.audience ?? 'company';
  return {
    id: row.id,
    linkId: row.linkId,
    kind: row.kind,
    kindLabel: exchangeKindLabels[row.kind],
    title: row.title,
    dueOn: row.dueOn,
    overdue: (row.status === 'requested' || row.status === 'returned') && row.dueOn < today,
    status: row.status,
    statusLabel: exchangeStatusLabels[row.status],
    otherPartyName,
    answers: row.answers ?? null,
    answeredByName: row.answeredByName,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    deviations: row.answers ? checkComplianceReport(row.answers, { audience, contract: terms }).deviations : [],
    principalPublicBody: audience === 'public_body',
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

/** 委託先の招待: a link in 招待中 with a one-time code for the contractor's person in charge. */
export async function invite(tx: Tx, actor: Actor, input: z.output<typeof invitationBody>, clock: Clock) {
  const contractor = await contractorForPortal(tx, actor.organizationId, input.contractorId);
  if (!contractor) throw invalid('contractorId', '委託先が見つかりません');
  const current = await tx
    .select({ id: contractorPortalLinks.id, status: contractorPortalLinks.status })
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.organizationId, actor.organizationId), eq(contractorPortalLinks.contractorId, contractor.id), ne(contractorPortalLinks.status, 'revoked')));
  if (current.some((l) => l.status === 'active')) throw conflict(`${contractor.name}はすでに委託先ポータルに接続されています`);
  // A new invitation replaces one not yet accepted (its code stops working).
  for (const pending of current) await tx.update(contractorPortalLinks).set({ status: 'revoked', updatedAt: clock.now }).where(eq(contractorPortalLinks.id, pending.id));
  const token = randomBytes(24).toString('base64url');
  const [row] = await tx
    .insert(contractorPortalLinks)
    .values({
      organizationId: actor.organizationId,
      contractorId: contractor.id,
      invitedEmail: input.email,
      invitationTokenHash: hashToken(token),
      invitationExpiresAt: new Date(clock.now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
      invitedByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('link insert returned nothing');
  return { link: row, contractorName: contractor.name, token };
}

export async function listLinks(tx: Tx, actor: Actor, query: z.output<typeof linksQuery>) {
  return tx
    .select()
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.organizationId, actor.organizationId), query.contractorId ? eq(contractorPortalLinks.contractorId, query.contractorId) : undefined))
    .orderBy(desc(contractorPortalLinks.createdAt));
}

/**
 * 招待を受ける: the caller's organization becomes the link's 委託先. The invitation is found by its
 * code before the 委託元 is known (the system role reads it); a code that is wrong, used, expired
 * or the caller's own organization's is refused under the code's field.
 */
export async function acceptInvitation(database: Database, actor: Actor, input: z.output<typeof acceptBody>, clock: Clock, ip: string): Promise<LinkRow> {
  return asSystem(
    database,
    async (tx) => {
      const [link] = await tx
        .select()
        .from(contractorPortalLinks)
        .where(eq(contractorPortalLinks.invitationTokenHash, hashToken(input.token.trim())));
      if (!link || link.status === 'revoked') throw invalid('token', '招待のコードが正しくありません。招待のメールのコードを確かめてください');
      if (link.status === 'active') throw conflict('この招待はすでに受けられています');
      if (link.invitationExpiresAt < clock.now) throw invalid('token', '招待の有効期限が切れています。委託元に招待を出し直してもらってください');
      if (link.organizationId === actor.organizationId) throw invalid('token', '自分の組織が出した招待は受けられません。委託先の組織のアカウントで受けてください');
      const [accepted] = await tx
        .update(contractorPortalLinks)
        .set({ counterpartyOrganizationId: actor.organizationId, status: 'active', acceptedAt: clock.now, updatedAt: clock.now })
        .where(and(eq(contractorPortalLinks.id, link.id), eq(contractorPortalLinks.status, 'invited')))
        .returning();
      if (!accepted) throw conflict('この招待はすでに受けられています');
      // The 委託元's criteria in force reach the new 委託先 at once (評価基準のお知らせ, J.9.4 s)).
      await publishCriteriaInForce(tx, accepted, clock.now);
      return accepted;
    },
    { accountId: actor.accountId, ip },
  );
}

/** 依頼 (委託元): the link must be the caller's and accepted. */
export async function requestExchange(tx: Tx, actor: Actor, linkId: string, input: z.output<typeof exchangeRequestBody>, clock: Clock): Promise<ExchangeRow> {
  const [link] = await tx
    .select()
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.organizationId, actor.organizationId), eq(contractorPortalLinks.id, linkId)));
  if (!link) throw notFound('委託先ポータルの接続');
  if (link.status !== 'active' || !link.counterpartyOrganizationId) throw conflict('委託先がまだ招待を受けていません。接続されてから依頼してください');
  if (input.dueOn < clock.today) throw invalid('dueOn', '提出期限が過去の日付になっています');
  const [row] = await tx
    .insert(contractorPortalExchanges)
    .values({
      organizationId: actor.organizationId,
      counterpartyOrganizationId: link.counterpartyOrganizationId,
      linkId: link.id,
      kind: input.kind,
      title: exchangeKindLabels[input.kind],
      dueOn: input.dueOn,
      // 調査票: the organization's criteria set in force, as sent (J.9.4 s) 選定基準; a later version does not change what was asked).
      criteria: input.kind === 'questionnaire' ? criteriaSnapshot(await currentContractorCriteria(tx, actor.organizationId)) : null,
      requestedByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('exchange insert returned nothing');
  return row;
}

/** The 委託元's requests (its own organization's). */
export async function sentExchanges(tx: Tx, actor: Actor): Promise<ExchangeRow[]> {
  return tx.select().from(contractorPortalExchanges).where(eq(contractorPortalExchanges.organizationId, actor.organizationId)).orderBy(desc(contractorPortalExchanges.createdAt));
}

/** The 委託先's inbox: only what is addressed to its organization (never another 委託先's). */
export async function inbox(tx: Tx, actor: Actor): Promise<ExchangeRow[]> {
  return tx
    .select()
    .from(contractorPortalExchanges)
    .where(and(eq(contractorPortalExchanges.counterpartyOrganizationId, actor.organizationId), ne(contractorPortalExchanges.organizationId, actor.organizationId)))
    .orderBy(desc(contractorPortalExchanges.createdAt));
}

/**
 * 回答 (委託先): the report checked item by item; refused whole with each item's error, worded for the
 * 委託元 (`audience`: a public body's form as printed, else 「委託元」).
 */
export async function answerExchange(tx: Tx, actor: Actor, id: string, input: z.output<typeof complianceAnswerBody>, clock: Clock, audience: RuleAudience): Promise<ExchangeRow> {
  const [row] = await tx
    .select()
    .from(contractorPortalExchanges)
    .where(and(eq(contractorPortalExchanges.id, id), eq(contractorPortalExchanges.counterpartyOrganizationId, actor.organizationId)));
  if (!row || row.organizationId === actor.organizationId) throw notFound('依頼');
  if (row.kind !== 'compliance_report') throw conflict('この依頼は調査票です。調査票の画面から回答してください');
  if (row.status !== 'requested' && row.status !== 'returned') throw conflict('この依頼には回答済みです（差し戻されたときだけ回答し直せます）');
  const { problems } = checkComplianceReport(input.answers, { audience });
  if (problems.length > 0)
    throw new HttpError(
      422,
      `遵守報告書を送れません（${problems.length}件）: ${problems.map((p) => p.message).join(' / ')}`,
      'compliance_report_incomplete',
      problems.map((p) => ({ path: `answers.${p.number}`, message: p.message })),
    );
  const [saved] = await tx
    .update(contractorPortalExchanges)
    .set({ answers: input.answers, answeredByName: input.answeredByName, answeredAt: clock.now, status: 'answered', updatedAt: clock.now })
    .where(eq(contractorPortalExchanges.id, row.id))
    .returning();
  if (!saved) throw new Error('exchange update returned nothing');
  return saved;
}

/** 確認 (委託元): accepted, or returned to the 委託先 with a note. */
export async function reviewExchange(tx: Tx, actor: Actor, id: string, input: z.output<typeof reviewBody>, clock: Clock): Promise<ExchangeRow> {
  const [row] = await tx
    .select()
    .from(contractorPortalExchanges)
    .where(and(eq(contractorPortalExchanges.organizationId, actor.organizationId), eq(contractorPortalExchanges.id, id)));
  if (!row) throw notFound('依頼');
  if (row.status !== 'answered') throw conflict('回答のない依頼は確認できません');
  if (input.decision === 'returned' && !input.note) throw invalid('note', '差し戻すときは理由をコメントに書いてください');
  const [saved] = await tx
    .update(contractorPortalExchanges)
    .set({ status: input.decision, reviewNote: input.note, reviewedAt: clock.now, reviewedByPersonId: actor.personId, updatedAt: clock.now })
    .where(eq(contractorPortalExchanges.id, row.id))
    .returning();
  if (!saved) throw new Error('exchange update returned nothing');
  return saved;
}
