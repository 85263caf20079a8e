import { z } from 'zod';
import { tooLongMessage } from '../validation/fields.ts';
import { optionalQueryInteger } from '../validation/queryParams.ts';

// 取込の共通の項目 (issue #12, one import pipeline): the query parameters and response parts every
// register's import shares — the sheet and header row chosen, the sheet read and why, each sheet's
// preview. Pure (zod only): the contracts and the web import them.

/** The header row; left out, the import finds it (src/rules/ledgerImport detectHeaderRow, issue #12). */
export const headerRowQuery = optionalQueryInteger('見出し行', { min: 1, max: 20, aboveMax: '見出し行は20行目までです' });

/** The sheet to read, by name or position (1 = the first); left out, the sheet whose header matches best (issue #12). */
export const sheetQuery = z
  .string({ error: 'シートはシート名か何枚目かで指定してください' })
  .trim()
  .max(100, { error: tooLongMessage('シート', 100) })
  .optional();

/** Which sheet of the file was read, and why (issue #12 シートの選択; the message is shown as is). */
export const sheetChoiceResponse = z.object({ index: z.number().int(), name: z.string(), reason: z.enum(['requested', 'only', 'best_header', 'no_header']), message: z.string() });

/** One sheet of the file for the sheet picker: its first 20 rows as text (cells from column A, cut to 60 characters) and the header row found. */
export const sheetPreviewResponse = z.object({
  index: z.number().int(),
  name: z.string(),
  rowCount: z.number().int(),
  headerRow: z.number().int().nullable(),
  matchedFields: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
});

/** 取込時の追加情報 of a record (issue #12): the imported file's other columns, heading and value as written. */
export const importExtrasResponse = z.array(z.object({ heading: z.string(), value: z.string() }));

// ---- 取込の共通の経路 (/api/imports/<register>, issue #12 one pipeline) ----

/** 1 (the default) checks only; 0 writes when every row is right. */
export const dryRunQuery = z.enum(['0', '1', 'true', 'false'], { error: '確認のみか取込の実行かの指定は 1（確認のみ）または 0（取込を実行）で指定してください' }).default('1');

/**
 * The column choice as JSON: the file's heading → the field key it fills, `""` for 「取り込まない」
 * (`{"会社名":"name","備考":""}`); left out, the organization's earlier choice and the dictionary.
 */
export const columnChoiceSchema = z.record(
  z.string().max(200, { error: '列の見出しが長すぎます' }),
  z.string({ error: '列の対応付け先は項目のキーで指定してください' }).max(100, { error: '列の対応付け先が長すぎます' }),
  { error: '列の対応付け（columns）は「見出し: 項目」の JSON オブジェクトで指定してください' },
);

/**
 * The value mapping as JSON: field → the value as written → the record (id) it means, or
 * `{"create":true}` to create it as a new record (所属 only: 「新しい所属として作る」).
 */
export const valueMappingSchema = z.record(
  z.string().max(100),
  z.record(
    z.string().max(500, { error: '対応付ける値が長すぎます' }),
    z.union([z.string().max(100, { error: '対応付け先が長すぎます' }), z.strictObject({ create: z.literal(true) })], {
      error: '値の対応付け先は記録のID、または新しく作るときは {"create":true} で指定してください',
    }),
    { error: '値の対応付けは「書かれた値: 対応付け先」の JSON オブジェクトで指定してください' },
  ),
  { error: '値の対応付け（values）は「項目: {書かれた値: 対応付け先}」の JSON オブジェクトで指定してください' },
);

const jsonText = (label: string, max: number) =>
  z
    .string({ error: `${label}は JSON 文字列で指定してください` })
    .max(max, { error: `${label}が長すぎます` })
    .optional();

/**
 * The unmapped columns to keep on each record as 「取込時の追加情報」, as a JSON array of headings
 * (`["備考","管理番号"]`, `[]` keeps none); left out, every unmapped column but a row number and the
 * register's export's own state (issue #12; a register that keeps them).
 */
export const keepColumnsSchema = z.array(z.string({ error: '残す列は見出しの文字列で指定してください' }).max(200, { error: '残す列の見出しが長すぎます' }), {
  error: '残す列（keep）は見出しの配列で指定してください',
});

/** 読込 of any register: the file is the multipart `file` field. */
export const registerInspectQuery = z.object({ sheet: sheetQuery, headerRow: headerRowQuery, columns: jsonText('列の対応付け', 20_000), keep: jsonText('残す列', 10_000) });

/** 確認・取込 of any register (platform/imports/run-register-import.ts). */
export const registerImportQuery = z.object({
  dryRun: dryRunQuery,
  sheet: sheetQuery,
  headerRow: headerRowQuery,
  columns: jsonText('列の対応付け', 20_000),
  values: jsonText('値の対応付け', 50_000),
  keep: jsonText('残す列', 10_000),
  /** 1: the progress as NDJSON lines, then `{"status","body"}` (platform/imports/progress.ts). */
  progress: z.enum(['0', '1'], { error: '進み具合の表示（progress）は 1（表示する）または 0（表示しない）で指定してください' }).optional(),
});

const confidence = z.enum(['exact', 'normalized', 'partial']).nullable();

/** What the mapping screen needs of an uploaded file (RegisterInspection). */
export const registerInspectionResponse = z.object({
  register: z.string(),
  label: z.string(),
  sheet: sheetChoiceResponse,
  sheets: z.array(sheetPreviewResponse),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  columns: z.array(
    z.object({
      header: z.string(),
      field: z.string().nullable(),
      suggested: z.string().nullable(),
      confidence,
      source: z.enum(['dictionary', 'remembered', 'chosen']).nullable(),
    }),
  ),
  ignoredColumns: z.array(z.string()),
  /** Unmapped columns kept on each record as 取込時の追加情報, and those that could be (empty for a register that keeps none). */
  keptColumns: z.array(z.string()),
  keepableColumns: z.array(z.string()),
  missingColumns: z.array(z.string()),
  columnProblems: z.array(z.string()),
  fields: z.array(z.object({ key: z.string(), header: z.string(), required: z.boolean() })),
  choices: z.record(z.string(), z.array(z.object({ value: z.string(), label: z.string() }))),
  /** Fields whose unknown values this caller may create as new records (所属, with 所属の管理 rights): 「新しい所属として作る」. */
  creatable: z.array(z.string()),
});

const rowError = z.object({ field: z.string(), message: z.string() });
const valueRows = { field: z.string(), column: z.string(), value: z.string(), rows: z.array(z.number().int()) };

/** The outcome of a dry run or a real run (RegisterImportReport); a refused real run answers 422 with it. */
export const registerImportReportResponse = z.object({
  dryRun: z.boolean(),
  register: z.string(),
  label: z.string(),
  keyLabel: z.string(),
  nameLabel: z.string(),
  sheet: sheetChoiceResponse,
  headerRow: z.number().int(),
  total: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  ignoredColumns: z.array(z.string()),
  keptColumns: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      key: z.string().nullable(),
      name: z.string().nullable(),
      action: z.enum(['create', 'update', 'error']),
      errors: z.array(rowError),
      /** What was read otherwise than written, the row still imported (a register that gives them). */
      warnings: z.array(rowError).optional(),
    }),
  ),
  unknownValues: z.array(z.object(valueRows)),
  rememberedValues: z.array(z.object({ ...valueRows, target: z.string() })),
  /** Values the import creates as new records (「新規作成: 所属「営業本部」」), with the rows that use them; the dry run creates nothing. */
  createdValues: z.array(z.object(valueRows)),
  /**
   * The companion sheet imported with the register (the 台帳's リスク分析 sheet, issue #12), checked
   * with the rows — all or nothing with them; null when the file has none (a register without one leaves it out).
   */
  companion: z
    .looseObject({
      label: z.string(),
      sheet: z.string(),
      headerRow: z.number().int(),
      columns: z.array(z.object({ heading: z.string(), field: z.string() })),
      total: z.number().int(),
      valid: z.number().int(),
      rows: z.array(
        z.looseObject({
          row: z.number().int(),
          label: z.string().nullable(),
          action: z.enum(['create', 'error']),
          errors: z.array(rowError),
          warnings: z.array(rowError),
        }),
      ),
    })
    .nullable()
    .optional(),
  /** Only on a refused real run (422): why nothing was written. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
