import { and, count, eq, isNotNull, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';
import type { PublishedCriterion } from './criteriaNotices.labels.ts';
import { contractorPortalCriteriaNotices } from './criteriaNotices.tables.ts';

// What the 委託先 portal offers the 委託先 register (src/modules/contractors/): publishing an approved
// criteria version to the 委託元's connected 委託先 (issue #13; J.9.4 s) 委託先の選定基準の見直し).

/** An approved criteria version as the 委託元 publishes it: its key, number, name and items — nothing else. */
export type PublishedCriteria = { version: string; versionNo: number; name: string; items: readonly PublishedCriterion[] };

/**
 * 評価基準の改定のお知らせ: on approval of a new criteria version, one notice per accepted link of the
 * 委託元 (`organizationId`), in the approving transaction (so the audit trail of both organizations
 * records it with the approval). The 委託先 sees it in its inbox and its profile lists the items as
 * asked by that 委託元 before any 調査票 is sent. Idempotent per link and version. Returns how many
 * 委託先 were told.
 */
export async function publishCriteriaRevision(tx: Tx, organizationId: string, criteria: PublishedCriteria, now: Date): Promise<number> {
  const links = await tx
    .select({ id: contractorPortalLinks.id, counterparty: contractorPortalLinks.counterpartyOrganizationId })
    .from(contractorPortalLinks)
    .where(
      and(
        eq(contractorPortalLinks.organizationId, organizationId),
        eq(contractorPortalLinks.status, 'active'),
        isNotNull(contractorPortalLinks.counterpartyOrganizationId),
        ne(contractorPortalLinks.counterpartyOrganizationId, organizationId),
      ),
    );
  const rows = links.flatMap((l) =>
    l.counterparty
      ? [
          {
            organizationId,
            counterpartyOrganizationId: l.counterparty,
            linkId: l.id,
            criteriaVersion: criteria.version,
            versionNo: criteria.versionNo,
            name: criteria.name,
            // Items only, as the 委託先 answers them (the 調査票 snapshot's shape).
            items: criteria.items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true })),
            publishedAt: now,
            createdAt: now,
          },
        ]
      : [],
  );
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(contractorPortalCriteriaNotices).values(rows).onConflictDoNothing().returning({ id: contractorPortalCriteriaNotices.id });
  return inserted.length;
}

/** How many 委託先 were told of each published version of the 委託元 (`organizationId`), by version key. */
export async function criteriaNoticeCounts(tx: Tx, organizationId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ version: contractorPortalCriteriaNotices.criteriaVersion, n: count() })
    .from(contractorPortalCriteriaNotices)
    .where(eq(contractorPortalCriteriaNotices.organizationId, organizationId))
    .groupBy(contractorPortalCriteriaNotices.criteriaVersion);
  return new Map(rows.map((r) => [r.version, r.n]));
}
