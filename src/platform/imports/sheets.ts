import { HttpError } from '../http/errors.ts';
import type { CellOutput } from '../exports/xlsx.ts';
import { type DetectedHeader, detectHeaderRow, HEADER_SEARCH_ROWS, type HeadingIndex } from '../../rules/ledgerImport/index.ts';
import type { ImportGrid } from './upload.ts';

// シートの選択 (issue #12, stage 1 of the pipeline): a workbook brings every sheet — a cover, the
// register, a risk sheet, a list of codes. Each is previewed (its first rows as text) with the
// header row found in it; the import reads the sheet the user chose (by name or position) or else
// the one whose header matches the register's headings best — never silently the first — and
// says which and why.

/** Preview cells are cut to this many characters (「…」 marks the cut), so a preview stays small. */
export const PREVIEW_CELL_CHARS = 60;
/** Columns shown in a preview (a register wider than this still imports every column). */
export const PREVIEW_COLUMNS = 40;

/** One sheet as the picker shows it: its position (1 = the first), name, rows and first rows as text, and the header found. */
export type SheetPreview = {
  index: number;
  name: string;
  rowCount: number;
  /** The header row found (null: none — the user clicks a preview row to choose one). */
  headerRow: number | null;
  /** How many of the register's fields the found header names (0 without a header). */
  matchedFields: number;
  /** The sheet's first {@link HEADER_SEARCH_ROWS} rows with content: Excel row numbers, cells from column A as text. */
  rows: { row: number; cells: string[] }[];
};

/** Which sheet was read, and why (shown to the user, Japanese). */
export type SheetChoice = { index: number; name: string; reason: 'requested' | 'only' | 'best_header' | 'no_header'; message: string };

/** A cell as preview text: dates as YYYY-MM-DD, cut at {@link PREVIEW_CELL_CHARS}. */
function previewText(value: CellOutput | undefined): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  return text.length > PREVIEW_CELL_CHARS ? `${text.slice(0, PREVIEW_CELL_CHARS - 1)}…` : text;
}

/** The first rows of a sheet and the header found in them (by the register's heading dictionary). */
function previewOf<K extends string>(grid: ImportGrid, position: number, index: HeadingIndex<K>): SheetPreview & { detected: DetectedHeader<K> | null } {
  const top = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const detected = detectHeaderRow(top, index);
  const rows = top.map((r) => {
    const width = Math.min(PREVIEW_COLUMNS, Math.max(0, r.cells.length - 1));
    return { row: r.rowNumber, cells: Array.from({ length: width }, (_, i) => previewText(r.cells[i + 1])) };
  });
  return {
    index: position,
    name: grid.name,
    rowCount: grid.rows.length,
    headerRow: detected?.headerRow ?? null,
    matchedFields: detected ? detected.columns.filter((c) => c.field !== null).length : 0,
    rows,
    detected,
  };
}

/** Previews of every sheet (each with the header found in its first rows). */
export function previewSheets<K extends string>(grids: readonly ImportGrid[], index: HeadingIndex<K>): SheetPreview[] {
  return grids.map((g, i) => {
    const { detected: _, ...preview } = previewOf(g, i + 1, index);
    return preview;
  });
}

const badSheet = (message: string) => new HttpError(400, message, 'validation', [{ path: 'sheet', message }]);

/**
 * The sheet to read: the one named (`sheet` as the sheet's name, or its position 1, 2, … when no
 * sheet has that name); else the only sheet; else the one whose header scores best against the
 * register's headings (on a tie the earlier); else, when no sheet has a header, the first — each
 * with the reason in Japanese.
 *
 * @throws {HttpError} 400 on `sheet` when no sheet has that name or position
 */
export function chooseSheet<K extends string>(grids: readonly ImportGrid[], index: HeadingIndex<K>, sheet?: string): { grid: ImportGrid; choice: SheetChoice } {
  const first = grids[0];
  if (!first) throw badSheet('ファイルにシートがありません');
  const at = (i: number) => grids[i] as ImportGrid;
  if (sheet !== undefined && sheet.trim() !== '') {
    const wanted = sheet.trim();
    let i = grids.findIndex((g) => g.name === wanted);
    if (i < 0) i = grids.findIndex((g) => g.name.trim() === wanted);
    if (i < 0 && /^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= grids.length) i = Number(wanted) - 1;
    if (i < 0)
      throw badSheet(
        `シート「${wanted.slice(0, 40)}」がファイルにありません。シート名（${grids.map((g) => `「${g.name}」`).join('・')}）か、何枚目か（1〜${grids.length}）で指定してください`,
      );
    return { grid: at(i), choice: { index: i + 1, name: at(i).name, reason: 'requested', message: `指定したシート「${at(i).name}」（${i + 1}枚目）を読みました` } };
  }
  if (grids.length === 1) return { grid: first, choice: { index: 1, name: first.name, reason: 'only', message: `シート「${first.name}」を読みました` } };
  let best: { i: number; detected: DetectedHeader<K> } | null = null;
  grids.forEach((g, i) => {
    const { detected } = previewOf(g, i + 1, index);
    if (detected && (!best || detected.score > best.detected.score)) best = { i, detected };
  });
  const found = best as { i: number; detected: DetectedHeader<K> } | null;
  if (!found)
    return {
      grid: first,
      choice: {
        index: 1,
        name: first.name,
        reason: 'no_header',
        message: `どのシートにも見出しが見つからないため、1枚目のシート「${first.name}」を読みました。シートと見出しの行を選んでください`,
      },
    };
  const chosen = at(found.i);
  const fields = found.detected.columns.filter((c) => c.field !== null).length;
  return {
    grid: chosen,
    choice: {
      index: found.i + 1,
      name: chosen.name,
      reason: 'best_header',
      message: `${grids.length}枚のシートのうち、見出しが最もよく一致したシート「${chosen.name}」（${found.i + 1}枚目、${found.detected.headerRow}行目の見出しで${fields}項目が一致）を読みました`,
    },
  };
}
