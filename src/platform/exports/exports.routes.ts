import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { routes } from '../http/route.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { presentOrgChart } from '../org/org.presenters.ts';
import { loadOrgChart } from '../org/orgChart.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from './download.ts';
import { exportsContract } from './exports.contract.ts';
import { renderOrgChartPdf } from './orgChart.pdf.ts';
import { pdfHeaderOf } from './pdfHeader.ts';
import { exportPeopleXlsx } from './people.export.ts';

/**
 * 出力 (xlsx/PDF) (SPEC §3 Exports; §2 体制図). Thin: validate → authorize
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
