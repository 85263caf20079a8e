import { normalizeLabel } from '../../domain/text.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type ImportUpload, readImportGrid } from '../../platform/imports/upload.ts';
import { detectHeaderRow, HEADER_SEARCH_ROWS, headingsAt, indexHeadings, inventoryHeadings, mapColumns } from '../../rules/ledgerImport/index.ts';
import type { ImportField } from './inventory.import.schema.ts';
import type { ImportMapping } from './inventory.tables.ts';

// 台帳の取込, step 1: reading the organization's Excel ledger — the first worksheet (parsed within
// XLSX_LIMITS in the parsing worker) or a CSV (UTF-8 or Shift_JIS, every cell text), the header row found by itself (title rows skipped, a
// heading merged over two rows joined: src/rules/ledgerImport) or named by the user, the later
// rows as cells by header — and guessing the column mapping from the 台帳's heading dictionary.

/** At most this many rows per file (one transaction stays reasonable). */
export const MAX_IMPORT_ROWS = 5000;

export { normalizeLabel };

/** The 台帳's heading dictionary (docs/import.md), indexed once. */
export const ledgerHeadingIndex = indexHeadings(inventoryHeadings);

/**
 * Guesses the mapping from the headers: Mamori's own headers and the synonyms ledgers use
 * (src/rules/ledgerImport/inventoryHeadings.ts). Only exact and normalized matches are applied;
 * a partial one (「管理部門名」) is left for the user to confirm, never applied unseen.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const columns = mapColumns(
    headers.map((heading, i) => ({ column: i + 1, heading })),
    ledgerHeadingIndex,
  );
  for (const c of columns) if (c.field && c.confidence !== 'partial') mapping[c.field as ImportField] = c.heading;
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

/**
 * Reads the first worksheet (or the CSV). The header is row `headerRow` when given, else the row of the first
 * {@link HEADER_SEARCH_ROWS} whose cells best match the 台帳's headings; a heading merged over two
 * rows there is joined (「保管 場所」). The later non-empty rows become cells by header.
 */
export async function readLedgerSheet(upload: Pick<ImportUpload, 'body' | 'kind' | 'filename'>, headerRow?: number): Promise<LedgerSheet> {
  const grid = await readImportGrid(upload);
  const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const detected = detectHeaderRow(preview, ledgerHeadingIndex);
  if (headerRow === undefined && !detected)
    throw badImportFile(`先頭${HEADER_SEARCH_ROWS}行に台帳の見出し（個人情報の名称・所管部署・利用目的 など）が見つかりません。見出し行の番号を指定してください`);
  const row = headerRow ?? detected?.headerRow ?? 1;
  const rowSpan = detected?.headerRow === row ? detected.rowSpan : 1;
  const headerByColumn = new Map<number, string>();
  for (const h of headingsAt(preview, row, rowSpan, ledgerHeadingIndex)) headerByColumn.set(h.column, h.heading);
  if (headerByColumn.size === 0) throw badImportFile(`${row}行目に見出しがありません。見出し行の番号を確認してください`);
  const seen = new Set<string>();
  for (const header of headerByColumn.values()) {
    if (seen.has(header)) throw badImportFile(`見出し行（${row}行目）に「${header}」の列が複数あります。列の見出しを区別してください`);
    seen.add(header);
  }
  const lastHeaderRow = row + rowSpan - 1;
  const rows: LedgerSheet['rows'] = [];
  for (const r of grid.rows) {
    if (r.rowNumber <= lastHeaderRow) continue;
    const cells = new Map<string, CellOutput>();
    let any = false;
    r.cells.forEach((value, column) => {
      const header = headerByColumn.get(column);
      if (!header || value === undefined) return;
      cells.set(header, value);
      if (value !== null) any = true;
    });
    if (any) rows.push({ rowNumber: r.rowNumber, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw badImportFile(`一度に取り込めるのは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください`);
  return { sheetName: grid.name, headerRow: row, headers: [...headerByColumn.values()], rows };
}
