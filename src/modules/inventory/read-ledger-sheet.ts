import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { ImportGrid } from '../../platform/imports/upload.ts';
import {
  detectHeaderRow,
  HEADER_SEARCH_ROWS,
  headingsAt,
  indexHeadings,
  mapColumns,
  type RiskHeadingKey,
  requiredRiskHeadings,
  riskHeadings,
} from '../../rules/ledgerImport/index.ts';
import type { RiskSheet } from '../risk/risk.exports.ts';

// 台帳の取込's companion sheet (issue #12): the workbook's リスク分析 sheet beside the 台帳, found
// by its own headings among the sheets the 台帳 was not read from (the 台帳 sheet itself is read
// by the one import pipeline, platform/imports/read-register-sheet.ts).

/** A file the import cannot read (400, code import_file). */
const badImportFile = (message: string) => new HttpError(400, message, 'import_file');

type SheetRows = RiskSheet['rows'];

/** The non-empty rows below the header as cells by heading (the columns without a heading dropped). */
function rowsByHeader(grid: ImportGrid, headerByColumn: ReadonlyMap<number, string>, lastHeaderRow: number): SheetRows {
  const rows: SheetRows = [];
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
export function findRiskSheet(others: readonly ImportGrid[], maxRows: number): RiskSheet | null {
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
