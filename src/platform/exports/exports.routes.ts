import { todayInJapan } from '../../domain/time.ts';
import { z } from 'zod';
import { inOrg } from '../db/tenancy.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { peopleQuery } from '../org/org.schema.ts';

import { loadOrgChart } from '../org/orgChart.ts';
import { importPeople, parsePeopleSheet } from '../org/people.import.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from './download.ts';
import { renderOrgChartPdf } from './orgChart.pdf.ts';
import { exportPeopleXlsx } from './people.export.ts';
import { readXlsxUpload } from './upload.ts';

const importQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun は 1（確認のみ）または 0（取込を実行）で指定してください' }).default('1'),
});

const importError = z.object({ field: z.string(), message: z.string() });
const importReport = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  ignoredColumns: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      employeeNumber: z.string().nullable(),
      name: z.string().nullable(),
      action: z.enum(['create', 'update', 'error']),
      errors: z.array(importError),
    }),
  ),
});

/**
 * 出力 (xlsx/PDF) と取込 (SPEC §3 Exports / Imports; §2 体制図). Thin: validate → authorize
 * (config.access) → one business function in the tenant transaction → send.
 */
export function exportsRoutes(app: App, deps: Deps): void {
  const today = () => todayInJapan(deps.now());

  app.get(
    '/api/people/export.xlsx',
    {
      schema: { tags: ['people'], summary: '従業者一覧の出力（.xlsx・連絡先を含む・出力は記録されます）', querystring: peopleQuery.omit({ page: true, pageSize: true }) },
      config: { access: 'people.readContact' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await inOrg(deps.database, scopeOf(request), (tx) => exportPeopleXlsx(tx, actor, request.query, today(), deps.now()));
      return sendDownload(reply, { body: file.body, filename: datedFilename('従業者一覧', 'xlsx', deps.now()), contentType: XLSX_TYPE });
    },
  );

  app.post(
    '/api/people/import',
    {
      schema: {
        tags: ['people'],
        summary: '従業者の取込（.xlsx、multipart の file 欄）。dryRun=1 は確認のみ、dryRun=0 は全行が正しいときだけ登録',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importReport, 422: importReport.extend({ error: z.object({ code: z.string(), message: z.string() }) }) },
      },
      config: { access: 'people.manage' },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
      const upload = await readXlsxUpload(request);
      const sheet = await parsePeopleSheet(upload.body);
      const report = await inOrg(deps.database, scopeOf(request), (tx) => importPeople(tx, actorOf(request), sheet, { dryRun, today: today(), fileName: upload.filename }));
      if (!dryRun && report.valid !== report.total) {
        const invalid = report.total - report.valid;
        return reply.status(422).send({
          ...report,
          error: { code: 'import_invalid', message: `${invalid}行にエラーがあるため、取り込みませんでした（1行も登録していません）。エラーを直して再度取り込んでください` },
        });
      }
      return report;
    },
  );

  app.get('/api/org-chart', { schema: { tags: ['organization'], summary: '体制図（J.2.3.1）のデータ' }, config: { access: 'org.read' } }, async (request) =>
    inOrg(deps.database, scopeOf(request), (tx) => loadOrgChart(tx, actorOf(request).organizationId, today())),
  );

  app.get('/api/org-chart.pdf', { schema: { tags: ['organization'], summary: '体制図（J.2.3.1）の PDF（A4 横）' }, config: { access: 'org.read' } }, async (request, reply) => {
    const chart = await inOrg(deps.database, scopeOf(request), (tx) => loadOrgChart(tx, actorOf(request).organizationId, today()));
    const body = await renderOrgChartPdf(chart, deps.now());
    return sendDownload(reply, { body, filename: datedFilename('体制図', 'pdf', deps.now()), contentType: PDF_TYPE });
  });
}
