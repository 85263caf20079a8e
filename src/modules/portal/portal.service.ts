import { randomBytes } from 'node:crypto';
import { hashToken } from '../../platform/auth/sessions.ts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { generatePublicItems, type PublicItemsFacts } from '../../rules/publicItems/publicItems.ts';
import { publishedNotices } from '../notices/notices.api.ts';
import { attachPortalFile, receivePortalRequest, requestKindLabels, resolveReplyTo } from '../requests/requests.api.ts';
import { checkPortalFiles } from './portal.files.ts';
import { type ChallengeKey, type ChallengeRefusal, issueChallenge, spendChallenge } from './portal.challenge.ts';
import type { portalRequestBody, portalSettingsBody } from './portal.schema.ts';
import { portalReceipts, portalSettings } from './portal.tables.ts';

// 公開窓口 (issue #14 M5, J.10.3): the settings the 個人情報保護管理者 keeps, the public page
// generated from them, a request sent from it (受付番号 + a follow-up link whose secret only the
// sender holds), and its progress seen through that link.

type SettingsRow = typeof portalSettings.$inferSelect;

/** Settings not yet made: the organization's own name, address and representative filled in. */
function emptyFacts(org: { name: string; address: string | null; representative: string | null }): PublicItemsFacts {
  return {
    organization: { name: org.name, address: org.address, representative: org.representative },
    manager: { nameOrTitle: null, department: null, contact: null },
    purposes: [],
    complaintDesk: null,
    accreditedBody: null,
    procedure: { desk: null, method: null, identityCheck: null, fees: { purposeNotice: null, disclosure: null } },
    safetyMeasures: [],
  };
}

export function presentSettings(row: SettingsRow | null, facts: PublicItemsFacts) {
  return {
    configured: row !== null,
    slug: row?.slug ?? null,
    published: row?.published ?? false,
    publicPath: row ? `/p/${row.slug}` : null,
    facts: { ...facts, purposes: [...facts.purposes], safetyMeasures: [...facts.safetyMeasures] },
    consentNoticeIds: row?.consentNoticeIds ?? [],
    preview: generatePublicItems(facts),
  };
}

export async function readSettings(tx: Tx, organizationId: string) {
  const [row] = await tx.select().from(portalSettings).where(eq(portalSettings.organizationId, organizationId));
  if (row) return presentSettings(row, row.facts);
  const [org] = await tx
    .select({ name: organizations.name, address: organizations.address, representative: organizations.representative })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw notFound('組織');
  return presentSettings(null, emptyFacts(org));
}

/**
 * Saves the settings. Publishing needs every 公表事項 (J.10.3 a)〜g): 本人の知り得る状態に置く): a
 * missing one refuses with a field error per item, naming the setting, and nothing is saved.
 */
export async function saveSettings(tx: Tx, actor: Actor, input: z.output<typeof portalSettingsBody>, clock: Clock) {
  const facts = input.facts as PublicItemsFacts;
  const generated = generatePublicItems(facts);
  if (input.published && generated.missing.length > 0)
    throw new HttpError(
      422,
      `公表事項が揃っていないため公開できません（${generated.missing.length}件）: ${generated.missing.map((m) => m.message).join(' / ')}`,
      'public_items_missing',
      generated.missing.map((m) => ({ path: `facts.${m.field}`, message: m.message })),
    );
  // J.8.5 j): a consent form shows a published version; a notice never published cannot be listed.
  const consentNoticeIds = [...new Set(input.consentNoticeIds)];
  const shown = await publishedNotices(tx, actor.organizationId, consentNoticeIds);
  const shownIds = new Set(shown.map((n) => n.templateId));
  const unpublished = consentNoticeIds.findIndex((id) => !shownIds.has(id));
  if (unpublished >= 0) throw invalid(`consentNoticeIds.${unpublished}`, '同意を受け付ける通知文は、公開済みの版がある通知文から選んでください');
  try {
    const [row] = await tx
      .insert(portalSettings)
      .values({ organizationId: actor.organizationId, slug: input.slug, published: input.published, facts, consentNoticeIds, createdAt: clock.now, updatedAt: clock.now })
      .onConflictDoUpdate({ target: portalSettings.organizationId, set: { slug: input.slug, published: input.published, facts, consentNoticeIds, updatedAt: clock.now } })
      .returning();
    return presentSettings(row ?? null, facts);
  } catch (error) {
    // The slug is unique across organizations (the other organization's row is not visible here).
    if (isUniqueViolation(error)) throw invalid('slug', `公開ページのURL「${input.slug}」は他の組織が使っています。別のURLにしてください`);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { code?: string }).code === '23505') return true;
  return false;
}

/** The published page of a slug (found before any organization is known: the system role reads it). */
export async function publishedPortal(database: Database, slug: string) {
  const [found] = await asSystem(database, (tx) =>
    tx
      .select({ organizationId: portalSettings.organizationId, facts: portalSettings.facts, consentNoticeIds: portalSettings.consentNoticeIds, name: organizations.name })
      .from(portalSettings)
      .innerJoin(organizations, eq(organizations.id, portalSettings.organizationId))
      .where(and(eq(portalSettings.slug, slug), eq(portalSettings.published, true))),
  );
  const generated = found ? generatePublicItems(found.facts) : null;
  if (!found || !generated || generated.missing.length > 0) throw notFound('公開ページ');
  return { ...found, sections: generated.sections };
}

export async function publicPage(database: Database, slug: string, key: ChallengeKey, now: Date) {
  const portal = await publishedPortal(database, slug);
  const notices = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip: null }, (tx) =>
    publishedNotices(tx, portal.organizationId, portal.consentNoticeIds),
  );
  return {
    notices: notices.map((n) => ({ templateId: n.templateId, title: n.title, versionNo: n.versionNo })),
    organizationName: portal.name,
    slug,
    sections: portal.sections,
    kinds: Object.entries(requestKindLabels).map(([value, label]) => ({ value, label })),
    challenge: issueChallenge(key, slug, now),
  };
}

export const refusalMessages: Record<ChallengeRefusal, string> = {
  invalid: '送信前の確認が正しくありません。ページを読み込み直してから送信してください',
  too_fast: '送信が早すぎます。内容を確かめてから、もう一度送信してください',
  expired: 'ページを開いてから時間が経ちすぎました。ページを読み込み直してから送信してください',
  unsolved: '送信前の確認が済んでいません。ページを読み込み直してから送信してください',
  reused: 'この送信はすでに受け付けています。新しく送る場合はページを読み込み直してください',
};

/**
 * A request sent from the public page: the bot check spent, then the request recorded in the
 * organization (受付方法 Web, 受付日 today) with its 受付の控え. The token is returned once.
 */
export async function submitPortalRequest(database: Database, slug: string, input: z.output<typeof portalRequestBody>, key: ChallengeKey, clock: Clock, ip: string) {
  const portal = await publishedPortal(database, slug);
  // A filled honeypot is a script: refused like a failed check, saying nothing more.
  if (input.website) throw new HttpError(400, refusalMessages.invalid, 'bot_check');
  // The files are checked before the bot check is spent: a bad file is corrected and sent again.
  const files = checkPortalFiles(input.files);
  const refusal = spendChallenge(key, slug, input.challenge.token, input.challenge.nonce, clock.now);
  if (refusal) throw new HttpError(400, refusalMessages[refusal], 'bot_check', [{ path: 'challenge', message: refusalMessages[refusal] }]);
  const token = randomBytes(32).toString('base64url');
  const reference = randomBytes(9).toString('base64url');
  const received = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip }, async (tx) => {
    const request = await receivePortalRequest(
      tx,
      portal.organizationId,
      {
        kind: input.kind,
        requesterName: input.requesterName,
        requesterAddress: input.requesterAddress,
        requesterContact: input.requesterContact,
        agentKind: input.agentKind,
        agentName: input.agentName,
        agentAddress: input.agentAddress,
        agentContact: input.agentContact,
        replyTo: resolveReplyTo(input.agentKind, input.replyTo),
        content: input.content,
      },
      reference,
      clock,
    );
    await tx.insert(portalReceipts).values({ organizationId: portal.organizationId, requestId: request.id, tokenHash: hashToken(token), createdAt: clock.now });
    // J.10.2: the 委任状 and 本人確認書類 on the request, in the same transaction (all or nothing).
    for (const file of files) await attachPortalFile(tx, portal.organizationId, request.id, file);
    return request;
  });
  return {
    receiptNumber: received.number,
    receivedOn: received.receivedOn,
    kindLabel: requestKindLabels[input.kind],
    followUpToken: token,
    followUpPath: `/p/${slug}/receipts/${received.number}?token=${token}`,
  };
}
