import { type CellOutput, unescapeFormulaText, WorkbookLimitError, XLSX_LIMITS } from '../exports/xlsx.ts';
import { HttpError } from '../http/errors.ts';

// 取込の CSV (issue #12, SPEC §3 Imports): a register saved as CSV by Excel — UTF-8 (with or
// without the BOM Excel writes for 「CSV UTF-8」) or Shift_JIS (Excel's default 「CSV」 on Japanese
// Windows) — read as a grid of text cells, the same shape the xlsx reader gives. Every cell stays
// text exactly as written: 001234 is not 1234, 2026/3/31 is not a date until a field reads it.

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** The bounds of a CSV: rows, non-empty-or-not cells, characters per cell (XLSX_LIMITS by default). */
export type CsvLimits = { maxRows: number; maxCells: number; maxCellChars: number };

/** The grid of a CSV: rows numbered from 1 as Excel shows them, cells by column (index 1 = A). */
export type CsvGrid = { name: string; encoding: CsvEncoding; rows: { rowNumber: number; cells: CellOutput[] }[] };

const badCsv = (message: string) => new HttpError(400, message, 'import_file');

/**
 * The text of CSV bytes and the encoding found: UTF-8 when the bytes are valid UTF-8 (a BOM is
 * dropped), else Shift_JIS (Windows-31J, as Excel writes it) when they are valid Shift_JIS, else
 * refused — never decoded with replacement characters.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    // not UTF-8: try Shift_JIS
  }
  try {
    return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
  } catch {
    throw badCsv('CSVファイルの文字コードが読み取れません。UTF-8 または Shift_JIS で保存したファイルを選択してください');
  }
}

/**
 * Splits CSV text into rows of cells (RFC 4180: fields separated by commas, lines by CRLF or LF,
 * a field in double quotes may hold commas, line breaks and doubled quotes). Bounded by
 * {@link XLSX_LIMITS} (rows, cells, characters per cell), like a workbook.
 *
 * @throws {WorkbookLimitError} over a limit
 * @throws {HttpError} 400 an unclosed quote
 */
export function parseCsv(text: string, limits: CsvLimits = XLSX_LIMITS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let cells = 0;
  const endField = () => {
    if (field.length > limits.maxCellChars)
      throw new WorkbookLimitError(
        `${rows.length + 1}行目 ${row.length + 1}列目のセルの文字数が上限（${limits.maxCellChars.toLocaleString('ja-JP')}文字）を超えているため、読み込みませんでした`,
      );
    if (++cells > limits.maxCells) throw new WorkbookLimitError(`CSVのセルが多すぎるため、読み込みませんでした（上限 ${limits.maxCells.toLocaleString('ja-JP')}個）`);
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows + HEADER_ALLOWANCE)
      throw new WorkbookLimitError(`CSVの行数が多すぎるため、読み込みませんでした（上限 ${limits.maxRows.toLocaleString('ja-JP')}行）。ファイルを分けてください`);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (quoted) throw badCsv(`CSVの${rows.length + 1}行目で「"」が閉じられていません`);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Rows above the data a CSV may have (a title and a header), beyond the data rows' limit. */
const HEADER_ALLOWANCE = 20;

/**
 * Reads an uploaded CSV as a grid: every non-blank row with its Excel-style number, cells as text
 * (blank cells as null; the formula guard of Mamori's exports undone like the xlsx reader does).
 */
export function readCsvGrid(bytes: Uint8Array, name: string): CsvGrid {
  const { text, encoding } = decodeCsv(bytes);
  const rows: CsvGrid['rows'] = [];
  parseCsv(text).forEach((fields, i) => {
    const cells: CellOutput[] = [];
    let any = false;
    fields.forEach((f, column) => {
      const value = f.trim() === '' ? null : unescapeFormulaText(f);
      cells[column + 1] = value;
      if (value !== null) any = true;
    });
    if (any) rows.push({ rowNumber: i + 1, cells });
  });
  return { name, encoding, rows };
}
