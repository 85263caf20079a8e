import { todayInJapan } from '../../domain/time.ts';
import { inOrg, readInOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { reviewHandlers } from '../../platform/reviews/reviews.routes.ts';
import { getEntryDetail } from './get-entry-detail.ts';
import { inventoryContract } from './inventory.contract.ts';
import { exportLedgerPdf, exportLedgerXlsx } from './inventory.export.ts';
import { presentEntryDetail, presentEntryPage, presentEntrySummary, presentRequestDetail, presentRequestList } from './inventory.presenters.ts';
import { entrySummary, listEntries } from './inventory.queries.ts';
import { createRequest, getRequestDetail, listRequests, submitRequest, updateRequest } from './inventory.requests.ts';

/**
 * 個人情報管理台帳 (SPEC M1): entries, 申請書, history, import/export, yearly review — every route
 * declared in inventory.contract.ts. Thin: validate → authorize (config.access, then the
 * department scope in the service) → one business function in the tenant transaction → present.
 */
export function inventoryRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  routes(
    app,
    inventoryContract,
    {
      entries: async (request) => {
        const { today } = clock();
        return presentEntryPage(await readInOrg(deps.database, scopeOf(request), (tx) => listEntries(tx, actorOf(request).organizationId, request.query, today)), today);
      },

      summary: async (request) => presentEntrySummary(await readInOrg(deps.database, scopeOf(request), (tx) => entrySummary(tx, actorOf(request).organizationId, clock().today))),

      exportXlsx: async (request, reply) => {
        const body = await inOrg(deps.database, scopeOf(request), (tx) => exportLedgerXlsx(tx, actorOf(request), request.query, clock().today));
        return sendDownload(reply, { body, filename: datedFilename('個人情報管理台帳', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },

      ledgerPdf: async (request, reply) => {
        const c = clock();
        const body = await inOrg(deps.database, scopeOf(request), (tx) => exportLedgerPdf(tx, actorOf(request), request.query, c.today, c.now));
        return sendDownload(reply, { body, filename: datedFilename('個人情報管理台帳', 'pdf', deps.now()), contentType: PDF_TYPE });
      },

      entry: async (request) => presentEntryDetail(await inOrg(deps.database, scopeOf(request), (tx) => getEntryDetail(tx, actorOf(request), request.params.id, clock().today))),

      // ---- 申請書 ----

      requests: async (request) => presentRequestList(await inOrg(deps.database, scopeOf(request), (tx) => listRequests(tx, actorOf(request), request.query))),

      createRequest: async (request) => {
        const c = clock();
        return presentRequestDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            const id = await createRequest(tx, actorOf(request), request.body, c);
            return getRequestDetail(tx, actorOf(request), id, c.today);
          }),
        );
      },

      request: async (request) =>
        presentRequestDetail(await inOrg(deps.database, scopeOf(request), (tx) => getRequestDetail(tx, actorOf(request), request.params.id, clock().today))),

      updateRequest: async (request) => {
        const c = clock();
        return presentRequestDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await updateRequest(tx, actorOf(request), request.params.id, request.body, c);
            return getRequestDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      submitRequest: async (request) => {
        const c = clock();
        return presentRequestDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await submitRequest(tx, actorOf(request), request.params.id, c);
            return getRequestDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      // ---- 毎年12月の見直し (the platform's review engine, subject 台帳) ----
      ...reviewHandlers(deps, 'inventory'),
    },
    { tags: ['inventory'] },
  );
}
