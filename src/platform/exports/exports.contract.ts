import { defineContract, fileResponse } from '../http/contract.ts';
import { orgChartResponse } from '../org/org.responses.ts';
import { peopleQuery } from '../org/org.schema.ts';

// 出力 (xlsx/PDF) (SPEC §3 Exports; §2 体制図; the 従業者 import is on the one import pipeline, platform/imports): every route with its response.
// Pure (zod only): the SPA and the test client take their types here.

/** The 従業者一覧 export takes the list's filters, without paging. */
export const peopleExportQuery = peopleQuery.omit({ page: true, pageSize: true });

export const exportsContract = defineContract({
  exportPeople: {
    method: 'GET',
    path: '/api/people/export.xlsx',
    access: 'people.readContact',
    summary: '従業者一覧の出力（.xlsx・連絡先を含む・出力は記録されます）',
    tags: ['people'],
    query: peopleExportQuery,
    response: fileResponse,
  },
  orgChart: { method: 'GET', path: '/api/org-chart', access: 'org.read', summary: '体制図（J.2.3.1）のデータ', response: orgChartResponse },
  orgChartPdf: { method: 'GET', path: '/api/org-chart.pdf', access: 'org.read', summary: '体制図（J.2.3.1）の PDF（A4 横）', response: fileResponse },
});
