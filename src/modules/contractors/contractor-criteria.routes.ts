import { clockAt } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { contractorCriteriaContract } from './contractor-criteria.contract.ts';
import { exportCriteriaXlsx } from './contractor-criteria.export.ts';
import { discardCriteriaDraft, listCriteria, saveCriteriaDraft, submitCriteriaDraft } from './contractor-criteria.ts';

/** 委託先の選定・評価基準 (J.9.4 s)), registered from contractor-criteria.contract.ts. */
export function contractorCriteriaRoutes(app: App, deps: Deps): void {
  routes(
    app,
    contractorCriteriaContract,
    {
      list: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listCriteria(tx, actorOf(request))),
      saveDraft: async (request) => inOrg(deps.database, scopeOf(request), (tx) => saveCriteriaDraft(tx, actorOf(request), request.body, deps.now())),
      discardDraft: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => discardCriteriaDraft(tx, actorOf(request)));
        return { ok: true as const };
      },
      submitDraft: async (request) => inOrg(deps.database, scopeOf(request), (tx) => submitCriteriaDraft(tx, actorOf(request), clockAt(deps.now()))),
      exportXlsx: async (request, reply) => {
        const body = await inOrg(deps.database, scopeOf(request), (tx) => exportCriteriaXlsx(tx, actorOf(request)));
        return sendDownload(reply, { body, filename: datedFilename('委託先の選定・評価基準', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },
    },
    { tags: ['contractors'] },
  );
}
