import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import { hashToken } from '../../platform/auth/sessions.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { answerPortalCorrections, attachPortalFile, type PortalRequestProgress, portalRequestProgress, requestKindLabels } from '../requests/requests.api.ts';
import type { PublicItemsFacts } from '../../rules/publicItems/publicItems.ts';
import { checkPortalFiles } from './portal.files.ts';
import type { portalAnswerBody } from './portal.schema.ts';
import { publishedPortal } from './portal.service.ts';
import { portalReceipts } from './portal.tables.ts';

// 確認用URL (issue #14 M5): the requester's follow-up link — the 受付状況 and the answer to a 補正.
// Only the SHA-256 of the link's secret is stored; a wrong number, a wrong or expired secret and
// another organization's page all answer the same 404 after the same one indexed lookup.

/** How long a follow-up link opens its request: a year from 受付 (the request is answered long before). */
export const FOLLOW_UP_VALID_DAYS = 365;

const notFoundReceipt = () => notFound('受付');

/** The request behind a follow-up link, or null for a wrong number, a wrong secret or an expired link. */
async function followUp(tx: Tx, organizationId: string, number: string, token: string, now: Date): Promise<{ requestId: string; progress: PortalRequestProgress } | null> {
  const [receipt] = await tx
    .select({ requestId: portalReceipts.requestId, createdAt: portalReceipts.createdAt })
    .from(portalReceipts)
    .where(and(eq(portalReceipts.organizationId, organizationId), eq(portalReceipts.tokenHash, hashToken(token))));
  if (!receipt) return null;
  const progress = await portalRequestProgress(tx, organizationId, receipt.requestId);
  if (!progress || progress.number !== number) return null;
  if (now.getTime() - receipt.createdAt.getTime() > FOLLOW_UP_VALID_DAYS * 86_400_000) return null;
  return { requestId: receipt.requestId, progress };
}

/**
 * The fee published for the request's kind (J.10.2 1 d), J.10.3 f)): 開示・第三者提供記録の開示 and
 * 利用目的の通知 may have one; the other kinds and a fee of 0 yen have none.
 */
export function publishedFeeFor(kind: string, facts: PublicItemsFacts): { amountYen: number; collectionMethod: string | null } | null {
  const fees = facts.procedure.fees;
  const fee = kind === 'disclosure' || kind === 'provision_record_disclosure' ? fees.disclosure : kind === 'purpose_notice' ? fees.purposeNotice : null;
  if (!fee || fee.amountYen <= 0) return null;
  return { amountYen: fee.amountYen, collectionMethod: fee.collectionMethod.trim() || null };
}

function present(organizationName: string, facts: PublicItemsFacts, p: PortalRequestProgress) {
  const closed = p.status === 'answered' || p.status === 'withdrawn';
  return {
    organizationName,
    receiptNumber: p.number,
    kind: p.kind,
    kindLabel: requestKindLabels[p.kind],
    receivedOn: p.receivedOn,
    status: p.status,
    statusLabel: p.statusLabel,
    corrections: p.corrections,
    repliedOn: p.repliedOn,
    canAnswer: !closed && p.corrections.some((c) => !c.completedOn),
    files: p.files,
    fee: publishedFeeFor(p.kind, facts),
  };
}

/** 受付状況 through the follow-up link. */
export async function portalProgress(database: Database, slug: string, number: string, token: string, now: Date, ip: string) {
  const portal = await publishedPortal(database, slug);
  const found = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip }, (tx) => followUp(tx, portal.organizationId, number, token, now));
  if (!found) throw notFoundReceipt();
  return present(portal.name, portal.facts, found.progress);
}

/**
 * 補正の回答 through the follow-up link: the answer on every open 補正 with today as its 補正が完了した日
 * (the deadline engine stops not counting the days, 法第83条第1項), and the files on the request —
 * all in one transaction: a bad file or a closed request writes nothing.
 */
export async function answerCorrection(database: Database, slug: string, number: string, input: z.output<typeof portalAnswerBody>, clock: Clock, ip: string) {
  const portal = await publishedPortal(database, slug);
  const files = checkPortalFiles(input.files);
  const progress = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip }, async (tx) => {
    const found = await followUp(tx, portal.organizationId, number, input.token, clock.now);
    if (!found) throw notFoundReceipt();
    const answered = await answerPortalCorrections(tx, portal.organizationId, found.requestId, input.answer, clock);
    if (answered.refusal === 'closed') throw conflict('この請求は回答済み又は取下げのため、補正の回答は送れません');
    if (answered.refusal === 'nothing_open') throw conflict('お願いしている補正はありません（回答済みです）');
    for (const file of files) await attachPortalFile(tx, portal.organizationId, found.requestId, file);
    return portalRequestProgress(tx, portal.organizationId, found.requestId);
  });
  if (!progress) throw notFoundReceipt();
  return present(portal.name, portal.facts, progress);
}
