import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';

// The 委託先's side of its links (issue #13): the 委託元 its organization is connected to — links
// addressed to it (counterparty) by another organization. One reading for the reports, the profile
// shares and whatever else the 委託先 sends.

type LinkRow = typeof contractorPortalLinks.$inferSelect;

const addressedTo = (actor: Actor) =>
  and(eq(contractorPortalLinks.counterpartyOrganizationId, actor.organizationId), ne(contractorPortalLinks.organizationId, actor.organizationId));

/** The caller's organization's active links to its 委託元. */
export async function principalLinksOf(tx: Tx, actor: Actor): Promise<LinkRow[]> {
  return tx
    .select()
    .from(contractorPortalLinks)
    .where(and(addressedTo(actor), eq(contractorPortalLinks.status, 'active')));
}

/**
 * One link addressed to the caller's organization, active.
 *
 * @throws 404 `missing` when it is not addressed to the caller; 409 `inactive` when it was ended
 */
export async function activePrincipalLink(tx: Tx, actor: Actor, linkId: string, refusals: { missing: string; inactive: string }): Promise<LinkRow> {
  const [link] = await tx
    .select()
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.id, linkId), addressedTo(actor)));
  if (!link) throw notFound(refusals.missing);
  if (link.status !== 'active') throw conflict(refusals.inactive);
  return link;
}
