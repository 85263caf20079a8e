import { normalizeLabel } from '../../domain/text.ts';
import ExcelJS from 'exceljs';
import { type CellOutput, looksLikeXlsx, plainCellValue } from '../../platform/exports/xlsx.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type ImportField, importFields } from './inventory.import.schema.ts';
import type { ImportMapping } from './inventory.tables.ts';

// 台帳の取込, step 1: reading the organization's Excel ledger — the first worksheet, a header row
// the user names, and the later rows as cells by header — and guessing the column mapping.

/** At most this many rows per file (one transaction stays reasonable). */
export const MAX_IMPORT_ROWS = 5000;

export { normalizeLabel };

const fieldByLabel = new Map<string, ImportField>();
for (const f of importFields) for (const label of [f.header, ...f.aliases]) fieldByLabel.set(normalizeLabel(label), f.key);

/** Guesses the mapping from the headers: Mamori's own headers and common names for each column. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const header of headers) {
    if (!header) continue;
    const key = fieldByLabel.get(normalizeLabel(header));
    if (key && !mapping[key]) mapping[key] = header;
  }
  return mapping;
}

export type LedgerSheet = { sheetName: string; headerRow: number; headers: string[]; rows: { rowNumber: number; cells: Map<string, CellOutput> }[] };

/** A file the import cannot read (400, code import_file). */
export const badImportFile = (message: string) => new HttpError(400, message, 'import_file');

/** A cell as text: dates as YYYY-MM-DD, everything else trimmed. */
export function cellText(value: CellOutput): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Reads the first worksheet: row `headerRow` as headers, later non-empty rows as cells by header. */
export async function readLedgerSheet(buffer: Buffer, headerRow: number): Promise<LedgerSheet> {
  if (!looksLikeXlsx(buffer)) throw badImportFile('Excelファイル（.xlsx）を選択してください');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badImportFile('Excelファイル（.xlsx）として読み込めませんでした');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badImportFile('Excelファイルにシートがありません');
  const headerByColumn = new Map<number, string>();
  sheet.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(plainCellValue(cell.value));
    if (text) headerByColumn.set(col, text);
  });
  if (headerByColumn.size === 0) throw badImportFile(`${headerRow}行目に見出しがありません。見出し行の番号を確認してください`);
  const seen = new Set<string>();
  for (const header of headerByColumn.values()) {
    if (seen.has(header)) throw badImportFile(`見出し行（${headerRow}行目）に「${header}」の列が複数あります。列の見出しを区別してください`);
    seen.add(header);
  }
  const rows: LedgerSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells = new Map<string, CellOutput>();
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = headerByColumn.get(col);
      if (!header) return;
      const value = plainCellValue(cell.value);
      cells.set(header, value);
      if (value !== null) any = true;
    });
    if (any) rows.push({ rowNumber, cells });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw badImportFile(`一度に取り込めるのは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください`);
  return { sheetName: sheet.name, headerRow, headers: [...headerByColumn.values()], rows };
}
