import ExcelJS from 'exceljs';

/** What a cell may hold when written; dates are written as real Excel dates, not text. */
export type CellInput = string | number | boolean | Date | null | undefined;

/**
 * One column of an exported register (SPEC §3 Exports: "column headers as in the seed forms").
 * `type: 'date'` accepts `YYYY-MM-DD` strings or Dates and writes an Excel date shown as
 * `yyyy/mm/dd`; `'datetime'` writes a Japan-time timestamp shown as `yyyy/mm/dd hh:mm:ss`.
 */
export type SheetColumn<Row> = {
  header: string;
  /** Column width in characters (a full-width character counts as about two). */
  width?: number;
  type?: 'text' | 'number' | 'date' | 'datetime';
  value: (row: Row) => CellInput;
};

export type SheetSpec<Row> = {
  /** Sheet name (Excel allows at most 31 characters and no `[]:*?/\`). */
  name: string;
  columns: SheetColumn<Row>[];
  rows: Iterable<Row>;
};

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Excel dates have no time zone: a cell shows the wall-clock value it stores. A calendar date
 * (`YYYY-MM-DD`) becomes UTC midnight of that date; a timestamp is shifted to Japan time so the
 * cell reads the time the user saw on screen.
 */
function toCell(value: CellInput, type: SheetColumn<unknown>['type']): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date') {
    if (value instanceof Date) return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
    if (typeof value === 'string') {
      const m = isoDate.exec(value);
      // Date.UTC rolls 2026-02-30 over to March 2; an impossible date stays text as written.
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (d && d.toISOString().slice(0, 10) === value) return d;
    }
    return String(value);
  }
  if (type === 'datetime') {
    const d = value instanceof Date ? value : new Date(String(value));
    return Number.isNaN(d.getTime()) ? String(value) : new Date(d.getTime() + JST_OFFSET_MS);
  }
  if (value instanceof Date) return value;
  return value;
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '・').trim();
  return (cleaned || 'Sheet1').slice(0, 31);
}

/** A sheet with its rows already turned into cells (lets sheets of different row types share a workbook). */
export type PreparedSheet = {
  name: string;
  columns: { header: string; width?: number; type?: SheetColumn<unknown>['type'] }[];
  rows: ExcelJS.CellValue[][];
};

/** Turns rows into cells by the column definitions. */
export function prepareSheet<Row>(spec: SheetSpec<Row>): PreparedSheet {
  const rows: ExcelJS.CellValue[][] = [];
  for (const row of spec.rows) rows.push(spec.columns.map((c) => toCell(c.value(row), c.type)));
  return { name: spec.name, columns: spec.columns.map(({ header, width, type }) => ({ header, width, type })), rows };
}

/**
 * Writes sheets to an `.xlsx` Buffer: a bold, shaded Japanese header row that stays frozen
 * while scrolling, an auto filter, column widths, and dates as dates.
 *
 * @example
 * const buffer = await writeXlsx(prepareSheet({ name: '従業者一覧', columns: [{ header: '氏名', width: 16, value: (p: Person) => p.name }], rows }));
 */
export async function writeXlsx(sheets: PreparedSheet | PreparedSheet[], options: { creator?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? 'Mamori';
  workbook.created = new Date();
  for (const spec of Array.isArray(sheets) ? sheets : [sheets]) addSheet(workbook, spec);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function addSheet(workbook: ExcelJS.Workbook, spec: PreparedSheet): void {
  const sheet = workbook.addWorksheet(safeSheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, displayWidth(c.header) + 2),
    style: c.type === 'date' ? { numFmt: 'yyyy/mm/dd' } : c.type === 'datetime' ? { numFmt: 'yyyy/mm/dd hh:mm:ss' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const cells of spec.rows) sheet.addRow(cells);
  if (spec.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
}

/** Rough display width in half-width characters (full-width counts two), for default column widths. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Latin-1 and half-width katakana are one column; everything else (kanji, kana, full-width) two.
    width += code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return width;
}

/** A cell read back from a sheet: text, number, boolean, date (Excel dates come back as UTC Dates), or empty. */
export type CellOutput = string | number | boolean | Date | null;

export type ReadSheet = {
  name: string;
  /** Header texts of row 1, by column number (1-based; index 0 unused). */
  headers: string[];
  /** Data rows (row 2 onward) that have at least one non-empty cell. */
  rows: { rowNumber: number; cells: CellOutput[] }[];
};

/** Raised when the bytes are not a readable `.xlsx` workbook. */
export class UnreadableWorkbookError extends Error {
  constructor(cause?: unknown) {
    super('Excelファイル（.xlsx）として読み込めませんでした', { cause });
    this.name = 'UnreadableWorkbookError';
  }
}

/** `.xlsx` files are ZIP archives: they start with `PK\x03\x04`. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/** Flattens exceljs's cell value shapes (rich text, hyperlinks, formulas, errors) into plain values. */
export function plainCellValue(value: ExcelJS.CellValue): CellOutput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return plainCellValue(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return plainCellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value && 'text' in value) return plainCellValue((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * Reads the first worksheet of an `.xlsx` file: row 1 as headers, later rows as plain values.
 * Throws {@link UnreadableWorkbookError} for anything that is not a workbook.
 */
export async function readFirstSheet(buffer: Buffer, options: { maxRows?: number } = {}): Promise<ReadSheet> {
  if (!looksLikeXlsx(buffer)) throw new UnreadableWorkbookError();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(error);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableWorkbookError();
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const v = plainCellValue(cell.value);
    headers[col] = v === null ? '' : v instanceof Date ? v.toISOString() : String(v);
  });
  const rows: ReadSheet['rows'] = [];
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1 || rows.length > maxRows) return;
    const cells: CellOutput[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = plainCellValue(cell.value);
      cells[col] = v;
      if (v !== null) any = true;
    });
    if (any) rows.push({ rowNumber, cells });
  });
  return { name: sheet.name, headers, rows };
}
