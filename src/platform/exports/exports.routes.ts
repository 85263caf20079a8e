import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { routes } from '../http/route.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { presentOrgChart } from '../org/org.presenters.ts';
import { loadOrgChart } from '../org/orgChart.ts';
import { importPeople, listDepartmentChoices, MAX_IMPORT_ROWS, parsePeopleSheet, peopleImportFields, readPeopleSheet } from '../org/people.import.ts';
import { jsonQueryParam } from '../imports/jsonQuery.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from './download.ts';
import { exportsContract, peopleImportValuesSchema } from './exports.contract.ts';
import { presentPeopleImportRefusal, presentPeopleImportReport, presentPeopleInspection } from './exports.presenters.ts';
import { renderOrgChartPdf } from './orgChart.pdf.ts';
import { pdfHeaderOf } from './pdfHeader.ts';
import { exportPeopleXlsx } from './people.export.ts';
import { readImportUpload } from '../imports/upload.ts';

/**
 * 出力 (xlsx/PDF) と取込 (SPEC §3 Exports / Imports; §2 体制図). Thin: validate → authorize
 * (config.access) → one business function in the tenant transaction → send.
 */
export function exportsRoutes(app: App, deps: Deps): void {
  const today = () => todayInJapan(deps.now());

  routes(
    app,
    exportsContract,
    {
      exportPeople: async (request, reply) => {
        const file = await inOrg(deps.database, scopeOf(request), (tx) => exportPeopleXlsx(tx, actorOf(request), request.query, today(), deps.now()));
        return sendDownload(reply, { body: file.body, filename: datedFilename('従業者一覧', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },

      inspectPeopleImport: async (request) => {
        const upload = await readImportUpload(request);
        const sheet = await readPeopleSheet(upload, { sheet: request.query.sheet, headerRow: request.query.headerRow, maxRows: MAX_IMPORT_ROWS[deps.database.kind] });
        const departments = await inOrg(deps.database, scopeOf(request), (tx) => listDepartmentChoices(tx, actorOf(request).organizationId));
        return presentPeopleInspection(sheet, upload.filename, peopleImportFields, departments);
      },

      importPeople: async (request, reply) => {
        const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
        const values = jsonQueryParam(request.query.values, peopleImportValuesSchema, 'values', '所属の対応付け');
        const upload = await readImportUpload(request);
        const sheet = await parsePeopleSheet(upload, { sheet: request.query.sheet, headerRow: request.query.headerRow, maxRows: MAX_IMPORT_ROWS[deps.database.kind] });
        const report = await inOrg(deps.database, scopeOf(request), (tx) =>
          importPeople(tx, actorOf(request), sheet, { dryRun, today: today(), fileName: upload.filename, values }),
        );
        // All or nothing: a real run with any invalid row wrote nothing (422 with the report).
        if (!dryRun && report.valid !== report.total) return reply.status(422).send(presentPeopleImportRefusal(report));
        return presentPeopleImportReport(report);
      },

      orgChart: async (request) => presentOrgChart(await inOrg(deps.database, scopeOf(request), (tx) => loadOrgChart(tx, actorOf(request).organizationId, today()))),

      orgChartPdf: async (request, reply) => {
        const { chart, header } = await inOrg(deps.database, scopeOf(request), async (tx) => ({
          chart: await loadOrgChart(tx, actorOf(request).organizationId, today()),
          header: await pdfHeaderOf(tx, actorOf(request).organizationId),
        }));
        const body = await renderOrgChartPdf(chart, deps.now(), header.dateStyle);
        return sendDownload(reply, { body, filename: datedFilename('体制図', 'pdf', deps.now()), contentType: PDF_TYPE });
      },
    },
    { tags: ['organization'] },
  );
}
