import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { diffCriteria } from '../../rules/contractors/criteriaDiff.ts';
import { currentContractorCriteria } from '../contractors/contractors.portal.api.ts';
import { contractorPortalExchanges, type contractorPortalLinks } from './contractorPortal.tables.ts';
import { askedViaRevisionLabel, criteriaNoticeLabel, currentCriteriaLabel, currentCriteriaNoticeLabel } from './criteriaNotices.labels.ts';
import { publishToLinks } from './criteriaNotices.publish.ts';
import type { criteriaNoticeResponse } from './criteriaNotices.responses.ts';
import { contractorPortalCriteriaNotices } from './criteriaNotices.tables.ts';

// 評価基準の改定のお知らせ, the 委託先's side (issue #13; J.9.4 s)): what its 委託元 published of a new
// criteria version — read only from the notice rows addressed to its organization (counterparty),
// never from the 委託元's criteria tables.

type NoticeRow = typeof contractorPortalCriteriaNotices.$inferSelect;

/**
 * 招待を受けたとき: a 委託先 that connects after the 委託元 approved its criteria would otherwise learn
 * them only at the next approval or 調査票. The accepting transaction publishes the version in force
 * to the new link (a first notice: 「現在の評価基準のお知らせ」), read through the 委託先 register's
 * api. The built-in 調査票 (no version of the 委託元's own approved) is the standard items every
 * profile lists already: nothing to publish. Idempotent per link and version. Returns how many were written.
 */
export async function publishCriteriaInForce(tx: Tx, link: typeof contractorPortalLinks.$inferSelect, now: Date): Promise<number> {
  if (link.status !== 'active' || !link.counterpartyOrganizationId) return 0;
  const criteria = await currentContractorCriteria(tx, link.organizationId);
  if (criteria.versionNo === null) return 0;
  return publishToLinks(
    tx,
    link.organizationId,
    [{ linkId: link.id, counterpartyOrganizationId: link.counterpartyOrganizationId }],
    { version: criteria.version, versionNo: criteria.versionNo, name: criteria.name, items: criteria.items },
    now,
  );
}

/**
 * The latest notice of each link, as the side of the caller's organization reads it (`principal`:
 * it sent them; `contractor`: they are addressed to it).
 */
export async function latestCriteriaNotices(tx: Tx, actor: Actor, linkIds: readonly string[], side: 'principal' | 'contractor'): Promise<Map<string, NoticeRow>> {
  if (linkIds.length === 0) return new Map();
  const ours =
    side === 'principal'
      ? eq(contractorPortalCriteriaNotices.organizationId, actor.organizationId)
      : eq(contractorPortalCriteriaNotices.counterpartyOrganizationId, actor.organizationId);
  const rows = await tx
    .select()
    .from(contractorPortalCriteriaNotices)
    .where(and(ours, inArray(contractorPortalCriteriaNotices.linkId, [...linkIds])))
    .orderBy(desc(contractorPortalCriteriaNotices.publishedAt), desc(contractorPortalCriteriaNotices.versionNo));
  const latest = new Map<string, NoticeRow>();
  for (const r of rows) if (!latest.has(r.linkId)) latest.set(r.linkId, r);
  return latest;
}

type Seen = { label: string; at: Date; items: { code: string; text: string; coversOthers?: boolean }[] };

/** A notice with the criteria the 委託先 last saw from that 委託元 before it (null: none). */
export type ReceivedNotice = { row: NoticeRow; previous: Seen | null };

/**
 * 評価基準の改定のお知らせ addressed to the caller's organization, newest first, each with the criteria
 * this 委託先 last saw from that 委託元 on the link before it — the notice before it, or a 調査票 sent
 * before it, whichever is later (nothing else of the 委託元's criteria is the 委託先's to see).
 */
export async function receivedCriteriaNotices(tx: Tx, actor: Actor): Promise<ReceivedNotice[]> {
  const rows = await tx
    .select()
    .from(contractorPortalCriteriaNotices)
    .where(and(eq(contractorPortalCriteriaNotices.counterpartyOrganizationId, actor.organizationId), ne(contractorPortalCriteriaNotices.organizationId, actor.organizationId)))
    .orderBy(desc(contractorPortalCriteriaNotices.publishedAt), desc(contractorPortalCriteriaNotices.versionNo));
  const linkIds = [...new Set(rows.map((r) => r.linkId))];
  const questionnaires =
    linkIds.length === 0
      ? []
      : await tx
          .select({ linkId: contractorPortalExchanges.linkId, criteria: contractorPortalExchanges.criteria, createdAt: contractorPortalExchanges.createdAt })
          .from(contractorPortalExchanges)
          .where(
            and(
              eq(contractorPortalExchanges.counterpartyOrganizationId, actor.organizationId),
              eq(contractorPortalExchanges.kind, 'questionnaire'),
              inArray(contractorPortalExchanges.linkId, linkIds),
            ),
          );
  return rows.map((row) => {
    const earlier: Seen[] = [
      ...rows.filter((r) => r.linkId === row.linkId && r.versionNo < row.versionNo).map((r) => ({ label: askedViaRevisionLabel(r.versionNo), at: r.publishedAt, items: r.items })),
      ...questionnaires.flatMap((q) =>
        q.linkId === row.linkId && q.criteria && q.createdAt < row.publishedAt ? [{ label: `調査票（${q.criteria.name}）`, at: q.createdAt, items: q.criteria.items }] : [],
      ),
    ];
    return { row, previous: earlier.sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null };
  });
}

/** One notice as the 委託先's inbox shows it, with what changed since `previous`. */
export function presentCriteriaNotice({ row, previous }: ReceivedNotice, names: ReadonlyMap<string, string>): z.output<typeof criteriaNoticeResponse> {
  const principalName = names.get(row.organizationId) ?? null;
  return {
    id: row.id,
    linkId: row.linkId,
    // Nothing earlier from this 委託元 on the link: the criteria in force, not a change (e.g. on acceptance).
    kindLabel: previous ? criteriaNoticeLabel : currentCriteriaNoticeLabel,
    principalName,
    criteriaName: row.name,
    versionNo: row.versionNo,
    versionLabel: previous ? askedViaRevisionLabel(row.versionNo) : currentCriteriaLabel(row.versionNo),
    summary: previous
      ? `${principalName ?? '委託元'}が委託先の評価基準「${row.name}」を改定しました（${row.items.length}項目）。`
      : `${principalName ?? '委託元'}が委託先の評価に使っている評価基準は「${row.name}」（第${row.versionNo}版、${row.items.length}項目）です。`,
    items: row.items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true })),
    publishedAt: row.publishedAt.toISOString(),
    changes: previous ? diffCriteria({ items: previous.items }, { items: row.items }) : [],
    changesFrom: previous?.label ?? null,
  };
}
