import { todayInJapan } from '../../domain/time.ts';
import { inOrg, readInOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { noProgress, type ProgressReporter, streamImportProgress } from '../../platform/imports/progress.ts';
import { readImportSheets, readImportUpload } from '../../platform/imports/upload.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { reviewHandlers } from '../../platform/reviews/reviews.routes.ts';
import { getEntryDetail } from './get-entry-detail.ts';
import { allRowsValid, importLedgerFile, isDryRun } from './import-ledger.ts';
import { deleteMapping, inspectLedger, listMappings, saveMapping } from './import-mappings.ts';
import { inventoryContract } from './inventory.contract.ts';
import { exportLedgerPdf, exportLedgerXlsx } from './inventory.export.ts';
import {
  presentEntryDetail,
  presentEntryPage,
  presentEntrySummary,
  presentImportRefusal,
  presentImportReport,
  presentInspection,
  presentMapping,
  presentMappings,
  presentRequestDetail,
  presentRequestList,
} from './inventory.presenters.ts';
import { entrySummary, listEntries } from './inventory.queries.ts';
import { createRequest, getRequestDetail, listRequests, submitRequest, updateRequest } from './inventory.requests.ts';
import { MAX_IMPORT_ROWS, readLedgerSheet } from './read-ledger-sheet.ts';

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

      // ---- 取込 ----

      inspectImport: async (request) => {
        const upload = await readImportUpload(request);
        const sheet = readLedgerSheet(await readImportSheets(upload), {
          sheet: request.query.sheet,
          headerRow: request.query.headerRow,
          maxRows: MAX_IMPORT_ROWS[deps.database.kind],
        });
        return presentInspection(await inOrg(deps.database, scopeOf(request), (tx) => inspectLedger(tx, actorOf(request).organizationId, sheet)), upload.filename);
      },

      importLedger: async (request, reply) => {
        const upload = await readImportUpload(request);
        const run = async (progress: ProgressReporter) => {
          // Parsed before the transaction opens: on the embedded database a parse inside it would hold every other request.
          const parsed = { fileName: upload.filename, grids: await readImportSheets(upload) };
          const report = await inOrg(deps.database, scopeOf(request), (tx) =>
            importLedgerFile(tx, actorOf(request), parsed, request.query, clock(), MAX_IMPORT_ROWS[deps.database.kind], progress),
          );
          // All or nothing: a real run with any invalid row wrote nothing (422 with the report).
          if (!isDryRun(request.query) && !allRowsValid(report)) return { status: 422 as const, body: presentImportRefusal(report) };
          return { status: 200 as const, body: presentImportReport(report) };
        };
        // 取込の進み具合: the same answer as the last line of an NDJSON stream of progress.
        if (request.query.progress === '1') return streamImportProgress(reply, run);
        const outcome = await run(noProgress);
        return outcome.status === 200 ? outcome.body : reply.status(outcome.status).send(outcome.body);
      },

      mappings: async (request) => presentMappings(await inOrg(deps.database, scopeOf(request), (tx) => listMappings(tx, actorOf(request).organizationId))),

      saveMapping: async (request) => presentMapping(await inOrg(deps.database, scopeOf(request), (tx) => saveMapping(tx, actorOf(request), request.body))),

      updateMapping: async (request) => presentMapping(await inOrg(deps.database, scopeOf(request), (tx) => saveMapping(tx, actorOf(request), request.body, request.params.id))),

      deleteMapping: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => deleteMapping(tx, actorOf(request).organizationId, request.params.id));
        return { ok: true as const };
      },

      // ---- 毎年12月の見直し (the platform's review engine, subject 台帳) ----
      ...reviewHandlers(deps, 'inventory'),
    },
    { tags: ['inventory'] },
  );
}
