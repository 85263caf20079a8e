import { clockAt } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { contractorsForPortal } from '../contractors/contractors.portal.api.ts';
import { contractTermsByLink, contractTermsOfReceivedExchange, presentPrincipalTerms } from './contract-terms.ts';
import { contractorPortalContract } from './contractorPortal.contract.ts';
import {
  acceptInvitation,
  answerExchange,
  inbox,
  invite,
  listLinks,
  organizationNames,
  presentExchange,
  presentLink,
  requestExchange,
  reviewExchange,
  sentExchanges,
} from './contractorPortal.service.ts';
import { presentCriteriaNotice, receivedCriteriaNotices } from './criteria-notices.ts';
import { principalLinksOf } from './principal-links.ts';

/** 委託先ポータル (issue #13). Thin: validate → authorize → one business function → present. */
export function contractorPortalRoutes(app: App, deps: Deps): void {
  routes(
    app,
    contractorPortalContract,
    {
      invite: async (request) => {
        const clock = clockAt(deps.now());
        const created = await inOrg(deps.database, scopeOf(request), (tx) => invite(tx, actorOf(request), request.body, clock));
        const acceptPath = `/contractor-portal/accept?code=${created.token}`;
        await deps.mailer.send({
          to: request.body.email,
          subject: `【${created.contractorName}様】委託先ポータルへの招待`,
          text: `委託元から Mamori の委託先ポータルへの招待が届いています。\n貴社の Mamori にログインし、次のURLを開いて招待を受けてください（${new Date(created.link.invitationExpiresAt).toLocaleDateString('ja-JP')}まで有効）。\n${acceptPath}\n招待のコード: ${created.token}\n`,
        });
        return { ...presentLink(created.link, created.contractorName, new Map()), invitationToken: created.token, acceptPath };
      },
      links: async (request) => {
        // The other organizations' names are read after the tenant transaction (one connection on PGlite).
        const found = await inOrg(deps.database, scopeOf(request), async (tx) => {
          const rows = await listLinks(tx, actorOf(request), request.query);
          // One query per organization (a 委託元's links are all its own), not one per link.
          const nameOf = new Map<string, string>();
          for (const organizationId of new Set(rows.map((r) => r.organizationId))) {
            const ids = rows.filter((r) => r.organizationId === organizationId).map((r) => r.contractorId);
            for (const [id, c] of await contractorsForPortal(tx, organizationId, ids)) nameOf.set(`${organizationId}:${id}`, c.name);
          }
          return rows.map((row) => ({ row, contractorName: nameOf.get(`${row.organizationId}:${row.contractorId}`) ?? null }));
        });
        const names = await organizationNames(
          deps.database,
          found.map((f) => f.row.counterpartyOrganizationId),
        );
        return { items: found.map((f) => presentLink(f.row, f.contractorName, names)) };
      },
      accept: async (request) => {
        const link = await acceptInvitation(deps.database, actorOf(request), request.body, clockAt(deps.now()), request.ip);
        const names = await organizationNames(deps.database, [link.counterpartyOrganizationId]);
        return presentLink(link, null, names);
      },
      request: async (request) => {
        const clock = clockAt(deps.now());
        const row = await inOrg(deps.database, scopeOf(request), (tx) => requestExchange(tx, actorOf(request), request.params.id, request.body, clock));
        const names = await organizationNames(deps.database, [row.counterpartyOrganizationId]);
        const terms = await contractTermsByLink(deps.database, [row.linkId]);
        return presentExchange(row, names.get(row.counterpartyOrganizationId) ?? null, clock.today, terms.get(row.linkId));
      },
      sent: async (request) => {
        const clock = clockAt(deps.now());
        const rows = await inOrg(deps.database, scopeOf(request), (tx) => sentExchanges(tx, actorOf(request)));
        const names = await organizationNames(
          deps.database,
          rows.map((r) => r.counterpartyOrganizationId),
        );
        const terms = await contractTermsByLink(
          deps.database,
          rows.map((r) => r.linkId),
        );
        return { items: rows.map((r) => presentExchange(r, names.get(r.counterpartyOrganizationId) ?? null, clock.today, terms.get(r.linkId))) };
      },
      inbox: async (request) => {
        const clock = clockAt(deps.now());
        const actor = actorOf(request);
        const { rows, links } = await inOrg(deps.database, scopeOf(request), async (tx) => ({ rows: await inbox(tx, actor), links: await principalLinksOf(tx, actor) }));
        const names = await organizationNames(deps.database, [...rows.map((r) => r.organizationId), ...links.map((l) => l.organizationId)]);
        // The 委託元's terms (its 再委託 clause, whether it is a public body), read once for the requests and the 委託元 list.
        const terms = await contractTermsByLink(deps.database, [...rows.map((r) => r.linkId), ...links.map((l) => l.id)]);
        return {
          items: rows.map((r) => presentExchange(r, names.get(r.organizationId) ?? null, clock.today, terms.get(r.linkId))),
          principals: links.map((l) => presentPrincipalTerms(l.id, names.get(l.organizationId) ?? '委託元', terms.get(l.id))),
        };
      },
      criteriaNotices: async (request) => {
        const notices = await inOrg(deps.database, scopeOf(request), (tx) => receivedCriteriaNotices(tx, actorOf(request)));
        const names = await organizationNames(
          deps.database,
          notices.map((n) => n.row.organizationId),
        );
        return { items: notices.map((n) => presentCriteriaNotice(n, names)) };
      },
      answer: async (request) => {
        const clock = clockAt(deps.now());
        const actor = actorOf(request);
        // The 委託元's terms first (its wording for the item errors); an exchange not addressed to the caller is refused below (404).
        const terms = await contractTermsOfReceivedExchange(deps.database, actor.organizationId, request.params.id);
        const row = await inOrg(deps.database, scopeOf(request), (tx) => answerExchange(tx, actor, request.params.id, request.body, clock, terms?.audience ?? 'company'));
        const names = await organizationNames(deps.database, [row.organizationId]);
        return presentExchange(row, names.get(row.organizationId) ?? null, clock.today, terms);
      },
      review: async (request) => {
        const clock = clockAt(deps.now());
        const row = await inOrg(deps.database, scopeOf(request), (tx) => reviewExchange(tx, actorOf(request), request.params.id, request.body, clock));
        const names = await organizationNames(deps.database, [row.counterpartyOrganizationId]);
        const terms = await contractTermsByLink(deps.database, [row.linkId]);
        return presentExchange(row, names.get(row.counterpartyOrganizationId) ?? null, clock.today, terms.get(row.linkId));
      },
    },
    { tags: ['contractor-portal'] },
  );
}
