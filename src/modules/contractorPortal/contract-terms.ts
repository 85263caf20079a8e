import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { contractTermsForPortal, type PortalContractTerms, portalSubcontractingNotice } from '../contractors/contractors.portal.api.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';

// The contract's 再委託 terms as the 委託元's register holds them (特記事項の再委託の条項, 承認済みの
// 再委託) and whether the 委託元 is a public body, for both sides of a link (issue #13): the 遵守報告書
// is checked against them (J.9.4 3 c)・e)), and the 委託先 learns before filling a 再委託申請 that its
// 委託元 forbids it. Read by the system role after the caller's own query named the links (the
// 委託先's tenant cannot read the 委託元's register); nothing else of the register leaves it.

export type { PortalContractTerms };

/** The terms of each link, by link id. */
export async function contractTermsByLink(database: Database, linkIds: readonly string[]): Promise<Map<string, PortalContractTerms>> {
  const wanted = [...new Set(linkIds)];
  if (wanted.length === 0) return new Map();
  return asSystem(database, async (tx) => {
    const links = await tx
      .select({ id: contractorPortalLinks.id, organizationId: contractorPortalLinks.organizationId, contractorId: contractorPortalLinks.contractorId })
      .from(contractorPortalLinks)
      .where(inArray(contractorPortalLinks.id, wanted));
    const terms = new Map<string, PortalContractTerms>();
    for (const organizationId of new Set(links.map((l) => l.organizationId))) {
      const mine = links.filter((l) => l.organizationId === organizationId);
      const byContractor = await contractTermsForPortal(
        tx,
        organizationId,
        mine.map((l) => l.contractorId),
      );
      for (const l of mine) {
        const found = byContractor.get(l.contractorId);
        if (found) terms.set(l.id, found);
      }
    }
    return terms;
  });
}

/** The terms behind an exchange addressed to `organizationId` (the 委託先 answering it); null when it is not. */
export async function contractTermsOfReceivedExchange(database: Database, organizationId: string, exchangeId: string): Promise<PortalContractTerms | null> {
  const [row] = await asSystem(database, (tx) =>
    tx
      .select({ linkId: contractorPortalExchanges.linkId })
      .from(contractorPortalExchanges)
      .where(and(eq(contractorPortalExchanges.id, exchangeId), eq(contractorPortalExchanges.counterpartyOrganizationId, organizationId))),
  );
  if (!row) return null;
  return (await contractTermsByLink(database, [row.linkId])).get(row.linkId) ?? null;
}

/** A 委託元 as its 委託先 sees it on the inbox: its 再委託 clause stated up front. */
export function presentPrincipalTerms(linkId: string, name: string, terms: PortalContractTerms | undefined) {
  // A link whose contractor is gone from the register reads as the default clause (禁止).
  const known = terms ?? { subcontracting: 'prohibit' as const, approvedSubcontracts: 0, audience: 'company' as const };
  return {
    linkId,
    name,
    publicBody: known.audience === 'public_body',
    subcontracting: known.subcontracting,
    subcontractingNotice: portalSubcontractingNotice(known, name),
  };
}
