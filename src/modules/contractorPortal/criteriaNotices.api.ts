import { and, count, eq, isNotNull, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';
import { type PublishedCriteria, publishToLinks } from './criteriaNotices.publish.ts';
import { contractorPortalCriteriaNotices } from './criteriaNotices.tables.ts';

// What the 委託先 portal offers the 委託先 register (src/modules/contractors/): publishing an approved
// criteria version to the 委託元's connected 委託先 (issue #13; J.9.4 s) 委託先の選定基準の見直し).

export type { PublishedCriteria } from './criteriaNotices.publish.ts';

/**
 * 評価基準の改定のお知らせ: on approval of a new criteria version, one notice per accepted link of the
 * 委託元 (`organizationId`), in the approving transaction (so the audit trail of both organizations
 * records it with the approval), and an in-app notification to each told 委託先's people who answer
 * the portal. The 委託先 sees it in its inbox and its profile lists the items as asked by that 委託元
 * before any 調査票 is sent. Idempotent per link and version. Returns how many 委託先 were told.
 */
export async function publishCriteriaRevision(tx: Tx, organizationId: string, criteria: PublishedCriteria, now: Date): Promise<number> {
  const links = await tx
    .select({ linkId: contractorPortalLinks.id, counterparty: contractorPortalLinks.counterpartyOrganizationId })
    .from(contractorPortalLinks)
    .where(
      and(
        eq(contractorPortalLinks.organizationId, organizationId),
        eq(contractorPortalLinks.status, 'active'),
        isNotNull(contractorPortalLinks.counterpartyOrganizationId),
        ne(contractorPortalLinks.counterpartyOrganizationId, organizationId),
      ),
    );
  const targets = links.flatMap((l) => (l.counterparty ? [{ linkId: l.linkId, counterpartyOrganizationId: l.counterparty }] : []));
  return publishToLinks(tx, organizationId, targets, criteria, now);
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
