import { z } from 'zod';
import { defineContract, fileResponse } from '../http/contract.ts';
import { orgChartResponse } from '../org/org.responses.ts';
import { peopleQuery } from '../org/org.schema.ts';

// 出力 (xlsx/PDF) と取込 (SPEC §3 Exports / Imports; §2 体制図): every route with its response.
// Pure (zod only): the SPA and the test client take their types here.

/** `dryRun=1` checks every row and writes nothing; `dryRun=0` writes only when every row is valid. */
export const peopleImportQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun は 1（確認のみ）または 0（取込を実行）で指定してください' }).default('1'),
});

/** The 従業者一覧 export takes the list's filters, without paging. */
export const peopleExportQuery = peopleQuery.omit({ page: true, pageSize: true });

const importError = z.object({ field: z.string(), message: z.string() });

/** 従業者の取込: every row's outcome (create, update, or its errors). */
export const peopleImportReportResponse = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Columns of the sheet the import does not know (shown as a warning). */
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

/** A real run refused because rows have errors (422, nothing written): the report, and why. */
export const peopleImportRefusalResponse = peopleImportReportResponse.extend({ error: z.object({ code: z.string(), message: z.string() }) });

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
  importPeople: {
    method: 'POST',
    path: '/api/people/import',
    access: 'people.manage',
    summary: '従業者の取込（.xlsx・CSV、multipart の file 欄）。dryRun=1 は確認のみ、dryRun=0 は全行が正しいときだけ登録',
    tags: ['people'],
    query: peopleImportQuery,
    response: peopleImportReportResponse,
  },
  orgChart: { method: 'GET', path: '/api/org-chart', access: 'org.read', summary: '体制図（J.2.3.1）のデータ', response: orgChartResponse },
  orgChartPdf: { method: 'GET', path: '/api/org-chart.pdf', access: 'org.read', summary: '体制図（J.2.3.1）の PDF（A4 横）', response: fileResponse },
});
