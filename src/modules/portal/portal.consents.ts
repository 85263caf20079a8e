import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import { hashToken } from '../../platform/auth/sessions.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { portalConsent, publishedNotices, recordPortalConsent, withdrawPortalConsent } from '../notices/notices.api.ts';
import { type ChallengeKey, issueChallenge, spendChallenge } from './portal.challenge.ts';
import type { portalConsentBody } from './portal.schema.ts';
import { publishedPortal, refusalMessages } from './portal.service.ts';
import { portalConsentLinks } from './portal.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 同意の取得を公開窓口で (issue #14 M6, J.8.5 j) Web のフォーム): a notice the organization lists on
// its page is shown in its latest published version, in full; the person gives their name or an
// identifier and ticks 同意する → an M6 同意記録 (channel Web, that version), and a withdrawal link
// whose secret only they hold (its SHA-256 is kept). Withdrawal through the link records today.

/** The notice listed on the page, or the same 404 as an unknown page (a notice not listed is not public). */
async function listedNotice(tx: Tx, portal: { organizationId: string; consentNoticeIds: string[] }, templateId: string) {
  if (!portal.consentNoticeIds.includes(templateId)) throw notFound('通知文');
  const [notice] = await publishedNotices(tx, portal.organizationId, [templateId]);
  if (!notice) throw notFound('通知文');
  return notice;
}

export async function publicNotice(database: Database, slug: string, templateId: string, key: ChallengeKey, now: Date) {
  const portal = await publishedPortal(database, slug);
  const notice = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null }, (tx) => listedNotice(tx, portal, templateId));
  return { organizationName: portal.name, ...notice, challenge: issueChallenge(key, slug, now) };
}

/** 同意する: against the version the person read; a version replaced meanwhile asks them to read the new one. */
export async function giveConsent(database: Database, slug: string, templateId: string, input: z.output<typeof portalConsentBody>, key: ChallengeKey, clock: Clock, ip: string) {
  const portal = await publishedPortal(database, slug);
  if (input.website) throw new HttpError(400, refusalMessages.invalid, 'bot_check');
  const refusal = spendChallenge(key, slug, input.challenge.token, input.challenge.nonce, clock.now);
  if (refusal) throw new HttpError(400, refusalMessages[refusal], 'bot_check', [{ path: 'challenge', message: refusalMessages[refusal] }]);
  const token = randomBytes(32).toString('base64url');
  const notice = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip }, async (tx) => {
    const current = await listedNotice(tx, portal, templateId);
    if (current.versionId !== input.versionId)
      throw conflict(`「${current.title}」は改訂されました（第${current.versionNo}版）。ページを読み込み直し、新しい版を読んでから同意してください`, 'notice_revised');
    const consentId = await recordPortalConsent(tx, portal.organizationId, current, input.subject, clock.today, clock.now);
    await tx.insert(portalConsentLinks).values({ organizationId: portal.organizationId, consentId, tokenHash: hashToken(token), createdAt: clock.now });
    return current;
  });
  return {
    title: notice.title,
    versionNo: notice.versionNo,
    consentedOn: clock.today,
    withdrawalToken: token,
    withdrawalPath: `/p/${slug}/consent?token=${token}`,
  };
}

async function consentOfToken(tx: Tx, organizationId: string, token: string) {
  const [link] = await tx
    .select({ consentId: portalConsentLinks.consentId })
    .from(portalConsentLinks)
    .where(and(eq(portalConsentLinks.organizationId, organizationId), eq(portalConsentLinks.tokenHash, hashToken(token))));
  return link ?? null;
}

/** A consent through its withdrawal link: a wrong secret or another page is the same 404. */
export async function consentStatus(database: Database, slug: string, token: string, ip: string) {
  const portal = await publishedPortal(database, slug);
  const view = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip }, async (tx) => {
    const link = await consentOfToken(tx, portal.organizationId, token);
    return link ? portalConsent(tx, portal.organizationId, link.consentId) : null;
  });
  if (!view) throw notFound('同意');
  return { organizationName: portal.name, ...view };
}

/** 同意の撤回 through the link: today, channel Web; a second withdrawal is a 409 saying when the first was. */
export async function withdrawConsentByLink(database: Database, slug: string, token: string, clock: Clock, ip: string) {
  const portal = await publishedPortal(database, slug);
  const view = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip }, async (tx) => {
    const link = await consentOfToken(tx, portal.organizationId, token);
    if (!link) return null;
    if (!(await withdrawPortalConsent(tx, portal.organizationId, link.consentId, clock.today, clock.now))) {
      const before = await portalConsent(tx, portal.organizationId, link.consentId);
      throw conflict(`この同意は${displayDate(before?.withdrawnOn ?? '')}に撤回済みです`, 'already_withdrawn');
    }
    return portalConsent(tx, portal.organizationId, link.consentId);
  });
  if (!view) throw notFound('同意');
  return { organizationName: portal.name, ...view };
}
