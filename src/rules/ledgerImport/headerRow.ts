import type { LedgerCell } from '../ledgerValues/cell.ts';
import { cellText } from '../ledgerValues/cell.ts';
import { type ColumnMapping, confidenceRank, foldHeading, type HeadingColumn, type HeadingIndex, mapColumns } from './headings.ts';

// 見出し行の検出 (issue #12 stage 2): in the first rows of a sheet, the row whose cells best match
// a register's headings — skipping a title row above it (「令和8年度 個人情報管理台帳」) and
// joining a heading merged over two rows (「保管」 over 「場所」「方法」). Pure.

/** How many rows from the top are searched (the preview shows as many). */
export const HEADER_SEARCH_ROWS = 20;

/** A row of the preview: its sheet row number and its cells by column (index 1 = A; index 0 unused). */
export type PreviewRow = { rowNumber: number; cells: readonly LedgerCell[] };

/** The header found: its first row (and the second, when two rows were joined), the headings and the mapping. */
export type DetectedHeader<K extends string = string> = {
  /** The header's first row (1-based sheet row). */
  headerRow: number;
  /** 2 when the heading was joined from two rows (the data starts after the second). */
  rowSpan: 1 | 2;
  columns: ColumnMapping<K>[];
  /** Sum over the mapped columns of 3 (exact), 2 (normalized) or 1 (partial). */
  score: number;
};

/** The headings of one row (non-empty cells as text). */
function rowHeadings(row: PreviewRow): HeadingColumn[] {
  const out: HeadingColumn[] = [];
  row.cells.forEach((cell, column) => {
    if (column < 1 || cell === undefined) return;
    const text = cellText(cell);
    if (text) out.push({ column, heading: text.replace(/\s*\n\s*/g, ' ') });
  });
  return out;
}

/**
 * The headings of two rows joined column by column: a cell merged down over both rows (the same
 * text in each), or one empty, gives one heading; a group heading above a sub-heading gives both,
 * 「上 下」, which is matched as a whole and, failing that, by the lower part alone. A group heading
 * merged across several columns reaches each of them.
 */
function joinedHeadings<K extends string>(upper: PreviewRow, lower: PreviewRow, index: HeadingIndex<K>): HeadingColumn[] {
  const top = new Map(rowHeadings(upper).map((h) => [h.column, h.heading]));
  const bottom = new Map(rowHeadings(lower).map((h) => [h.column, h.heading]));
  const columns = [...new Set([...top.keys(), ...bottom.keys()])].sort((a, b) => a - b);
  // A group heading merged across columns (「保管」 over 「場所」「方法」「期限」) holds its text only in
  // its first column: carry it right over the next columns that have a sub-heading and no heading above.
  let group: string | undefined;
  let previous = 0;
  return columns.map((column) => {
    const b = bottom.get(column);
    let a = top.get(column);
    if (a) group = b ? a : undefined;
    else if (b && group && column === previous + 1) a = group;
    else group = undefined;
    previous = column;
    if (!a || !b || a === b) return { column, heading: (a ?? b) as string };
    const whole = `${a} ${b}`;
    const [wholeMap] = mapColumns([{ column, heading: whole }], index);
    const [lowerMap] = mapColumns([{ column, heading: b }], index);
    const rank = (m: ColumnMapping<K> | undefined) => (m?.confidence ? confidenceRank[m.confidence] : 0);
    // A partial match found in the upper text alone says nothing of this column: a title row
    // (「委託先一覧（令和8年12月1日現在）」) carried over headings the dictionary does not know.
    const fromUpperOnly =
      wholeMap?.confidence === 'partial' &&
      wholeMap.synonym !== null &&
      foldHeading(a).includes(foldHeading(wholeMap.synonym)) &&
      !foldHeading(b).includes(foldHeading(wholeMap.synonym));
    return fromUpperOnly || rank(lowerMap) > rank(wholeMap) ? { column, heading: b } : { column, heading: whole };
  });
}

function scored<K extends string>(headerRow: number, rowSpan: 1 | 2, columns: HeadingColumn[], index: HeadingIndex<K>): DetectedHeader<K> {
  const mapped = mapColumns(columns, index);
  const score = mapped.reduce((sum, c) => sum + (c.confidence ? confidenceRank[c.confidence] : 0), 0);
  return { headerRow, rowSpan, columns: mapped, score };
}

/**
 * Finds the header in the first {@link HEADER_SEARCH_ROWS} rows: every row, and every pair of
 * adjacent rows joined, is scored by how surely its cells name the register's fields; the best
 * wins (on a tie the upper row; a pair only when it beats both its rows). A row that names fewer than two fields is
 * no header: null then, and the user picks the row in the preview.
 *
 * @example detectHeaderRow([{ rowNumber: 1, cells: [, '令和8年度 台帳'] }, { rowNumber: 2, cells: [, '個人情報の名称', '所管部署'] }], index)
 * // { headerRow: 2, rowSpan: 1, … }
 */
export function detectHeaderRow<K extends string>(rows: readonly PreviewRow[], index: HeadingIndex<K>): DetectedHeader<K> | null {
  const top = rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS).sort((a, b) => a.rowNumber - b.rowNumber);
  let best: DetectedHeader<K> | null = null;
  const consider = (candidate: DetectedHeader<K>) => {
    const fields = candidate.columns.filter((c) => c.field !== null).length;
    if (fields < 2) return;
    if (!best || candidate.score > best.score) best = candidate;
  };
  const singles = top.map((row) => scored(row.rowNumber, 1, rowHeadings(row), index));
  singles.forEach(consider);
  // A joined pair must say more than either of its rows alone: a title row above the header
  // adds nothing, a group heading above its sub-headings does.
  top.forEach((row, i) => {
    const next = top[i + 1];
    if (!next || next.rowNumber !== row.rowNumber + 1) return;
    const pair = scored(row.rowNumber, 2, joinedHeadings(row, next, index), index);
    if (pair.score > Math.max(singles[i]?.score ?? 0, singles[i + 1]?.score ?? 0)) consider(pair);
  });
  return best;
}

/** The headings of the header a user chose (row, and 2 rows when joined), for mapping. */
export function headingsAt<K extends string>(rows: readonly PreviewRow[], headerRow: number, rowSpan: 1 | 2, index: HeadingIndex<K>): HeadingColumn[] {
  const upper = rows.find((r) => r.rowNumber === headerRow);
  if (!upper) return [];
  const lower = rows.find((r) => r.rowNumber === headerRow + 1);
  return rowSpan === 2 && lower ? joinedHeadings(upper, lower, index) : rowHeadings(upper);
}
