import { normalizeLabel } from '../../domain/text.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { chooseSheet, previewSheets, type SheetChoice, type SheetPreview } from '../../platform/imports/sheets.ts';
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from '../../platform/imports/limits.ts';
import {
  detectHeaderRow,
  HEADER_SEARCH_ROWS,
  headingsAt,
  indexHeadings,
  inventoryHeadings,
  mapColumns,
  type RiskHeadingKey,
  requiredRiskHeadings,
  riskHeadings,
} from '../../rules/ledgerImport/index.ts';
import type { ImportGrid } from '../../platform/imports/upload.ts';
import type { RiskSheet } from '../risk/risk.exports.ts';
import { emptyImportMemory, type ImportMemory, rememberedColumn } from '../../platform/imports/memory.ts';
import { type ImportField, importFieldKeys } from './inventory.import.schema.ts';
import type { ImportMapping } from './inventory.tables.ts';

// 台帳の取込, step 1: reading the organization's Excel ledger — the worksheet chosen, or the one
// whose header matches best (every sheet parsed within XLSX_LIMITS in the parsing worker, each previewed) or a CSV (UTF-8 or Shift_JIS, every cell text), the header row found by itself (title rows skipped, a
// heading merged over two rows joined: src/rules/ledgerImport) or named by the user, the later
// rows as cells by header — and guessing the column mapping from the 台帳's heading dictionary.

/** At most this many rows per file: the platform's limit shared by every import (platform/imports/limits.ts). */
export { MAX_IMPORT_ROWS };

export { normalizeLabel };

/** The 台帳's heading dictionary (docs/import.md), indexed once. */
export const ledgerHeadingIndex = indexHeadings(inventoryHeadings);

/** Whether a remembered target is a 台帳 field a column can be mapped to. */
const isImportField = (target: string): target is ImportField => (importFieldKeys as readonly string[]).includes(target);

/**
 * Guesses the mapping from the headers: first what the organization chose for a heading before
 * (platform/imports/memory.ts; a heading it chose not to import stays unmapped), then Mamori's own
 * headers and the synonyms ledgers use (src/rules/ledgerImport/inventoryHeadings.ts) for a field
 * not yet taken. Only exact and normalized matches are applied; a partial one (「管理部門名」) is
 * left for the user to confirm, never applied unseen.
 */
export function suggestMapping(headers: readonly string[], memory: ImportMemory = emptyImportMemory()): ImportMapping {
  const mapping: ImportMapping = {};
  const decided = new Set<string>();
  for (const heading of headers) {
    const remembered = rememberedColumn(memory, heading);
    if (remembered === undefined) continue;
    decided.add(heading);
    if (isImportField(remembered) && !mapping[remembered]) mapping[remembered] = heading;
  }
  const columns = mapColumns(
    headers.map((heading, i) => ({ column: i + 1, heading })),
    ledgerHeadingIndex,
  );
  for (const c of columns) if (c.field && c.confidence !== 'partial' && !decided.has(c.heading) && !mapping[c.field as ImportField]) mapping[c.field as ImportField] = c.heading;
  return mapping;
}

/** The headers whose mapping the organization chose before (shown as 「前回の対応付け」). */
export const rememberedHeaders = (headers: readonly string[], memory: ImportMemory) => headers.filter((h) => rememberedColumn(memory, h) !== undefined);

/**
 * The column choices of a committed import worth remembering: a heading mapped otherwise than the
 * dictionary would (or left out where it would map it), and any heading remembered before (so
 * going back to the dictionary's choice replaces the old one).
 */
export function columnChoices(headers: readonly string[], mapping: ImportMapping, memory: ImportMemory): { heading: string; field: string }[] {
  const dictionary = suggestMapping(headers);
  const fieldOf = (m: ImportMapping, heading: string) => Object.entries(m).find(([, h]) => h === heading)?.[0] ?? '';
  return headers
    .map((heading) => ({ heading, field: fieldOf(mapping, heading) }))
    .filter((c) => c.field !== fieldOf(dictionary, c.heading) || rememberedColumn(memory, c.heading) !== undefined);
}

export type LedgerSheet = {
  sheetName: string;
  /** The workbook's リスク分析 sheet beside the 台帳 one, when it has one (issue #12; read by the risk module). */
  risk: RiskSheet | null;
  /** Which sheet was read and why (issue #12 シートの選択). */
  sheet: SheetChoice;
  /** Every sheet of the file, previewed (its first rows, the header found). */
  sheets: SheetPreview[];
  headerRow: number;
  headers: string[];
  rows: { rowNumber: number; cells: Map<string, CellOutput> }[];
};

/** Which sheet and header row to read (both found by themselves when left out). */
export type LedgerSheetChoice = { headerRow?: number | undefined; sheet?: string | undefined; maxRows?: number | undefined };

/** A file the import cannot read (400, code import_file). */
export const badImportFile = (message: string) => new HttpError(400, message, 'import_file');

/** A cell as text: dates as YYYY-MM-DD, everything else trimmed. */
export function cellText(value: CellOutput): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * Reads the chosen worksheet (`sheet`: name or position; left out, the sheet whose header matches
 * the 台帳's headings best — platform/imports/sheets.ts), or the CSV. The header is row `headerRow` when given, else the row of the first
 * {@link HEADER_SEARCH_ROWS} whose cells best match the 台帳's headings; a heading merged over two
 * rows there is joined (「保管 場所」). The later non-empty rows become cells by header.
 */
export function readLedgerSheet(grids: readonly ImportGrid[], choose: LedgerSheetChoice = {}): LedgerSheet {
  const { grid, choice } = chooseSheet(grids, ledgerHeadingIndex, choose.sheet);
  const headerRow = choose.headerRow;
  const where = grids.length > 1 ? `シート「${grid.name}」の` : '';
  const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const detected = detectHeaderRow(preview, ledgerHeadingIndex);
  if (headerRow === undefined && !detected)
    throw badImportFile(`${where}先頭${HEADER_SEARCH_ROWS}行に台帳の見出し（個人情報の名称・所管部署・利用目的 など）が見つかりません。見出し行の番号を指定してください`);
  const row = headerRow ?? detected?.headerRow ?? 1;
  const rowSpan = detected?.headerRow === row ? detected.rowSpan : 1;
  const headerByColumn = new Map<number, string>();
  for (const h of headingsAt(preview, row, rowSpan, ledgerHeadingIndex)) headerByColumn.set(h.column, h.heading);
  if (headerByColumn.size === 0) throw badImportFile(`${where}${row}行目に見出しがありません。見出し行の番号を確認してください`);
  const seen = new Set<string>();
  for (const header of headerByColumn.values()) {
    if (seen.has(header)) throw badImportFile(`見出し行（${row}行目）に「${header}」の列が複数あります。列の見出しを区別してください`);
    seen.add(header);
  }
  const lastHeaderRow = row + rowSpan - 1;
  const rows = rowsByHeader(grid, headerByColumn, lastHeaderRow);
  const maxRows = choose.maxRows ?? MAX_IMPORT_ROWS.pglite;
  if (rows.length > maxRows) throw badImportFile(tooManyRowsMessage(maxRows, rows.length));
  const risk = findRiskSheet(
    grids.filter((g) => g !== grid),
    maxRows,
  );
  return { sheetName: grid.name, risk, sheet: choice, sheets: previewSheets(grids, ledgerHeadingIndex), headerRow: row, headers: [...headerByColumn.values()], rows };
}

/** The non-empty rows below the header as cells by heading (the columns without a heading dropped). */
function rowsByHeader(grid: ImportGrid, headerByColumn: ReadonlyMap<number, string>, lastHeaderRow: number): LedgerSheet['rows'] {
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
  return rows;
}

/** The risk sheet dictionary (docs/import.md), indexed once. */
const riskHeadingIndex = indexHeadings(riskHeadings);

/**
 * The リスク分析 sheet among the workbook's other sheets (issue #12): the one whose header, found
 * the same way, names at least 対象の個人情報・想定されるリスク・発生可能性・影響度 (exactly or
 * normalized — a partial match is never taken unseen); the best-matching one when several do.
 */
function findRiskSheet(others: readonly ImportGrid[], maxRows: number): RiskSheet | null {
  let best: { grid: ImportGrid; score: number; headerRow: number; rowSpan: 1 | 2 } | null = null;
  for (const grid of others) {
    const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
    const detected = detectHeaderRow(preview, riskHeadingIndex);
    if (!detected) continue;
    const found = new Set(detected.columns.filter((c) => c.field && c.confidence !== 'partial').map((c) => c.field));
    if (!requiredRiskHeadings.every((key) => found.has(key))) continue;
    if (!best || detected.score > best.score) best = { grid, score: detected.score, headerRow: detected.headerRow, rowSpan: detected.rowSpan };
  }
  if (!best) return null;
  const { grid, headerRow, rowSpan } = best;
  const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const headings = headingsAt(preview, headerRow, rowSpan, riskHeadingIndex);
  const columns: Partial<Record<RiskHeadingKey, string>> = {};
  const headerByColumn = new Map<number, string>();
  for (const c of mapColumns(headings, riskHeadingIndex)) {
    if (!c.field || c.confidence === 'partial') continue;
    columns[c.field] = c.heading;
    headerByColumn.set(c.column, c.heading);
  }
  const rows = rowsByHeader(grid, headerByColumn, headerRow + rowSpan - 1);
  if (rows.length > maxRows)
    throw badImportFile(`リスク分析のシート「${grid.name}」は${rows.length.toLocaleString('ja-JP')}行あります。一度に取り込めるのは${maxRows.toLocaleString('ja-JP')}行までです`);
  return { name: grid.name, headerRow, columns, rows };
}
