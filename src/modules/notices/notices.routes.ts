import { inOrg } from '../../platform/db/tenancy.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { listConsents, recordConsent, withdrawConsent } from './notices.consents.ts';
import { noticesContract } from './notices.contract.ts';
import { createNotice, getNotice, listNotices, publishNotice, saveNoticeDraft } from './notices.service.ts';

/** M6 通知・同意 (J.8.5), registered from notices.contract.ts: validate → authorize → one business function → present. */
export function noticesRoutes(app: App, deps: Deps): void {
  routes(
    app,
    noticesContract,
    {
      list: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listNotices(tx, actorOf(request))),
      create: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => getNotice(tx, actorOf(request), await createNotice(tx, actorOf(request), request.body, deps.now()))),
      detail: async (request) => inOrg(deps.database, scopeOf(request), (tx) => getNotice(tx, actorOf(request), request.params.id)),
      saveDraft: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await saveNoticeDraft(tx, actorOf(request), request.params.id, request.body, deps.now());
          return getNotice(tx, actorOf(request), request.params.id);
        }),
      publish: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await publishNotice(tx, actorOf(request), request.params.id, deps.now());
          return getNotice(tx, actorOf(request), request.params.id);
        }),
      consents: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listConsents(tx, actorOf(request), request.params.id)),
      recordConsent: async (request) => inOrg(deps.database, scopeOf(request), (tx) => recordConsent(tx, actorOf(request), request.params.id, request.body, deps.now())),
      withdrawConsent: async (request) => inOrg(deps.database, scopeOf(request), (tx) => withdrawConsent(tx, actorOf(request), request.params.id, request.body, deps.now())),
    },
    { tags: ['notices'] },
  );
}
