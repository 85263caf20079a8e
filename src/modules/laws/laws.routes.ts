import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { lawsContract } from './laws.contract.ts';
import { exportLawsXlsx } from './laws.export.ts';
import { completeLawReview, getLawReview, listLawReviews, saveLawReview, startLawReview } from './laws.review.ts';
import { approveLaw, createLaw, getLaw, listLaws, updateLaw } from './laws.service.ts';

/** 法令規範一覧 (J.1.3), registered from laws.contract.ts: validate → authorize → one business function → present. */
export function lawsRoutes(app: App, deps: Deps): void {
  routes(
    app,
    lawsContract,
    {
      list: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listLaws(tx, actorOf(request), request.query)),
      create: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => getLaw(tx, actorOf(request), await createLaw(tx, actorOf(request), request.body, deps.now()))),
      exportXlsx: async (request, reply) => {
        const body = await inOrg(deps.database, scopeOf(request), (tx) => exportLawsXlsx(tx, actorOf(request)));
        return sendDownload(reply, { body, filename: datedFilename('法令規範一覧', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },
      detail: async (request) => inOrg(deps.database, scopeOf(request), (tx) => getLaw(tx, actorOf(request), request.params.id)),
      update: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await updateLaw(tx, actorOf(request), request.params.id, request.body, deps.now());
          return getLaw(tx, actorOf(request), request.params.id);
        }),
      approve: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await approveLaw(tx, actorOf(request), request.params.id, deps.now());
          return getLaw(tx, actorOf(request), request.params.id);
        }),
      reviews: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listLawReviews(tx, actorOf(request))),
      startReview: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => getLawReview(tx, actorOf(request), await startLawReview(tx, actorOf(request), request.body.year, deps.now()))),
      review: async (request) => inOrg(deps.database, scopeOf(request), (tx) => getLawReview(tx, actorOf(request), request.params.id)),
      saveReview: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await saveLawReview(tx, actorOf(request), request.params.id, request.body, deps.now());
          return getLawReview(tx, actorOf(request), request.params.id);
        }),
      completeReview: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const now = deps.now();
          await completeLawReview(tx, actorOf(request), request.params.id, { today: todayInJapan(now), now });
          return getLawReview(tx, actorOf(request), request.params.id);
        }),
    },
    { tags: ['laws'] },
  );
}
