import { z } from 'zod';
import { defineContract, fileResponse } from '../http/contract.ts';
import { headerRowQuery, sheetChoiceResponse, sheetPreviewResponse, sheetQuery } from '../imports/imports.schema.ts';
import { orgChartResponse } from '../org/org.responses.ts';
import { peopleQuery } from '../org/org.schema.ts';

// 出力 (xlsx/PDF) と取込 (SPEC §3 Exports / Imports; §2 体制図): every route with its response.
// Pure (zod only): the SPA and the test client take their types here.

/** `dryRun=1` checks every row and writes nothing; `dryRun=0` writes only when every row is valid. */
export const peopleImportQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun は 1（確認のみ）または 0（取込を実行）で指定してください' }).default('1'),
  sheet: sheetQuery,
  headerRow: headerRowQuery,
  /** Unknown 所属 names mapped after a dry run, as JSON ({@link peopleImportValuesSchema}). */
  values: z.string({ error: '値の対応付けは JSON 文字列で指定してください' }).max(20_000, { error: '値の対応付けが長すぎます' }).optional(),
});

/** 所属の対応付け (issue #12): a 所属 name the file writes that matches no department → the department (id) it means. */
export const peopleImportValuesSchema = z.strictObject(
  { department: z.record(z.string().max(200, { error: '対応付ける所属の名前が長すぎます' }), z.uuid({ error: '所属の対応付け先は所属のIDで指定してください' })).optional() },
  { error: '値の対応付けで指定できるのは 所属（department）だけです' },
);

/** 従業者の取込の読込: the sheet and the header row (both found by themselves when left out). */
export const peopleInspectQuery = z.object({ sheet: sheetQuery, headerRow: headerRowQuery });

const peopleFieldKey = z.enum(['employeeNumber', 'name', 'nameKana', 'employmentType', 'department', 'joinedOn', 'leftOn', 'email', 'phone']);

/** What the import screen needs from an uploaded roster: every sheet previewed, the sheet read and why, its header row and how each heading was read. */
export const peopleInspectResponse = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  sheet: sheetChoiceResponse,
  sheets: z.array(sheetPreviewResponse),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  columnMatches: z.array(z.object({ header: z.string(), field: peopleFieldKey.nullable(), confidence: z.enum(['exact', 'normalized', 'partial']).nullable() })),
  /** The required columns (従業者番号・氏名) the header row lacks: choose another header row or sheet. */
  missingColumns: z.array(z.string()),
  fields: z.array(z.object({ key: peopleFieldKey, header: z.string(), required: z.boolean() })),
  /** The organization's departments, to map unknown 所属 names to. */
  departments: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() })),
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
  sheet: sheetChoiceResponse,
  headerRow: z.number().int(),
  ignoredColumns: z.array(z.string()),
  /** 所属 names that match no department, each once with its rows, to be mapped (`values`) in the next run (issue #12). */
  unknownValues: z.array(z.object({ field: z.literal('department'), column: z.string(), value: z.string(), rows: z.array(z.number().int()) })),
  /** 所属 names read through the organization's remembered mapping (「前回の対応付け」, changeable through `values`). */
  rememberedValues: z.array(z.object({ field: z.literal('department'), column: z.string(), value: z.string(), target: z.string(), rows: z.array(z.number().int()) })),
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
  inspectPeopleImport: {
    method: 'POST',
    path: '/api/people/import/inspect',
    access: 'people.manage',
    summary: '従業者の取込の読込（.xlsx・CSV、multipart の file 欄）: 各シートの先頭行・見つけた見出し行・読むシートとその理由',
    tags: ['people'],
    query: peopleInspectQuery,
    response: peopleInspectResponse,
  },
  importPeople: {
    method: 'POST',
    path: '/api/people/import',
    access: 'people.manage',
    summary: '従業者の取込（.xlsx・CSV、multipart の file 欄）。dryRun=1 は確認のみ、dryRun=0 は全行が正しいときだけ登録。シート・見出し行・所属の対応付けを指定できます',
    tags: ['people'],
    query: peopleImportQuery,
    response: peopleImportReportResponse,
  },
  orgChart: { method: 'GET', path: '/api/org-chart', access: 'org.read', summary: '体制図（J.2.3.1）のデータ', response: orgChartResponse },
  orgChartPdf: { method: 'GET', path: '/api/org-chart.pdf', access: 'org.read', summary: '体制図（J.2.3.1）の PDF（A4 横）', response: fileResponse },
});
