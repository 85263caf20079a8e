import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { HttpError } from '../http/errors.ts';

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

/**
 * Text a spreadsheet takes for a formula once the cell is edited (F2, Enter) or the sheet is saved
 * as CSV: a leading `=`, `+`, `-`, `@`, tab or CR (OWASP "CSV Injection"). Apostrophes already in
 * front of one of them count too, so that {@link unescapeFormulaText} reads every text back exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * User text as an exported cell: a text that would start a formula gets a leading `'`, so
 * `=HYPERLINK(…)` typed as a name stays text in Excel even when the cell is edited (issue 11 #12).
 *
 * @example escapeFormulaText('=1+1') // "'=1+1"; escapeFormulaText('佐藤') // '佐藤'
 */
/**
 * ExcelJS, loaded on first use (CommonJS, so synchronously): a module of ~20 MB resident that an
 * idle server need not hold (issue 11, PGlite's idle RSS; bench/pgliteRss.ts).
 */
let excelJs: typeof ExcelJS | undefined;
function exceljs(): typeof ExcelJS {
  excelJs ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  return excelJs;
}

export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of {@link escapeFormulaText}: an exported file imported again gives back the text as it was entered. */
export function unescapeFormulaText(text: string): string {
  return ESCAPED_FORMULA_START.test(text) ? text.slice(1) : text;
}
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
    return escapeFormulaText(String(value));
  }
  if (type === 'datetime') {
    const d = value instanceof Date ? value : new Date(String(value));
    return Number.isNaN(d.getTime()) ? escapeFormulaText(String(value)) : new Date(d.getTime() + JST_OFFSET_MS);
  }
  if (typeof value === 'string') return escapeFormulaText(value);
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
  const workbook = new (exceljs().Workbook)();
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
  /** Header texts of the header row, by column number (1-based; index 0 unused). */
  headers: string[];
  /** Data rows (after the header row) that have at least one non-empty cell. */
  rows: { rowNumber: number; cells: CellOutput[] }[];
};

/**
 * What an uploaded workbook may hold (issue 11 #3: a 1.5 MB file unpacking to 396 MB, and one
 * cell of 400 MiB echoed back as a 419 MB answer). The largest real register measured — 5,000
 * rows × 25 columns of 150-character Japanese text — unpacks to 35 MB (sheet 4.6 MB, shared
 * strings 30 MB) and parses in 0.9 s with 133 MB of heap; the limits leave about twice that.
 */
export const XLSX_LIMITS = {
  /** Entries in the archive (a workbook has a dozen or two). */
  maxEntries: 1_000,
  /** Unpacked size of one entry, as declared and as actually inflated. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Unpacked size of all entries together. */
  maxTotalBytes: 96 * 1024 * 1024,
  /**
   * Rows with content in each sheet: an import takes up to 50,000 on PostgreSQL (10,000 on the
   * embedded database, checked by the import itself) plus a header of up to 20 rows (issue #12 Scale).
   */
  maxRows: 50_020,
  /** Non-empty cells in the whole workbook (every sheet is read: the import picks one, issue #12) — 50,000 rows of 20 columns; this bounds the memory. */
  maxCells: 1_000_000,
  /** Characters in one cell: Excel's own limit, so only a crafted file exceeds it. */
  maxCellChars: 32_767,
  /** Heap of the worker that parses (its old generation, MB); a file that needs more is refused. */
  workerHeapMb: 1_024,
  /** Time one parse may take. */
  parseTimeoutMs: 60_000,
} as const;

/** Raised when the bytes are not a readable `.xlsx` workbook. */
export class UnreadableWorkbookError extends Error {
  constructor(cause?: unknown) {
    super('Excelファイル（.xlsx）として読み込めませんでした', { cause });
    this.name = 'UnreadableWorkbookError';
  }
}

/**
 * Raised when a workbook exceeds {@link XLSX_LIMITS}: a 400 with a Japanese message that gives
 * sizes and positions, never cell contents.
 */
export class WorkbookLimitError extends HttpError {
  constructor(message: string) {
    super(400, message, 'import_file');
    this.name = 'WorkbookLimitError';
  }
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('ja-JP')} MB`;

/** `.xlsx` files are ZIP archives: they start with `PK\x03\x04`. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Checks the archive before anything parses it (issue 11 #3): at most {@link XLSX_LIMITS}
 * entries, each entry's declared unpacked size within the per-entry limit and all of them within
 * the total — and then the ACTUAL unpacked sizes, by inflating every entry while counting and
 * stopping at the first byte beyond what the central directory declared (yauzl's
 * `validateEntrySizes`), so an archive that lies about its sizes is caught too. Inflating runs in
 * zlib's thread pool; the event loop only counts.
 *
 * @throws {UnreadableWorkbookError} not a ZIP archive, or a damaged or encrypted one
 * @throws {WorkbookLimitError} too many entries, or too large unpacked
 */
export async function checkXlsxArchive(buffer: Buffer, limits: typeof XLSX_LIMITS = XLSX_LIMITS): Promise<void> {
  if (!looksLikeXlsx(buffer)) throw new UnreadableWorkbookError();
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw new UnreadableWorkbookError(error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new WorkbookLimitError(`Excelファイルの中のファイル数が多すぎます（${zip.entryCount.toLocaleString('ja-JP')}個、上限 ${limits.maxEntries.toLocaleString('ja-JP')}個）`);
    }
    const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
      const found: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        found.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve(found));
      zip.once('error', reject);
      zip.readEntry();
    }).catch((error: unknown) => {
      throw new UnreadableWorkbookError(error);
    });
    const declaredTotal = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    const largest = entries.reduce((max, e) => Math.max(max, e.uncompressedSize), 0);
    if (largest > limits.maxEntryBytes || declaredTotal > limits.maxTotalBytes) {
      throw new WorkbookLimitError(
        `Excelファイルを展開すると大きすぎるため、読み込みませんでした（展開後 ${megabytes(declaredTotal)}、上限 ${megabytes(limits.maxTotalBytes)}、` +
          `1つの部分の上限 ${megabytes(limits.maxEntryBytes)}）。行や列を分けたファイルにしてください`,
      );
    }
    let actualTotal = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw new UnreadableWorkbookError();
      let stream: NodeJS.ReadableStream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new UnreadableWorkbookError(error);
      }
      // validateEntrySizes makes the stream fail at the first byte past the declared size, which
      // the checks above already bounded: no entry inflates further than the limits.
      try {
        for await (const chunk of stream) actualTotal += (chunk as Buffer).length;
      } catch (error) {
        if (!/too many bytes/.test(String((error as Error).message))) throw new UnreadableWorkbookError(error);
        throw new WorkbookLimitError(`Excelファイルの中身が申告された大きさを超えて展開されるため、読み込みませんでした。Excel で保存し直したファイルを選択してください`);
      }
      if (actualTotal > limits.maxTotalBytes)
        throw new WorkbookLimitError(`Excelファイルを展開すると大きすぎるため、読み込みませんでした（上限 ${megabytes(limits.maxTotalBytes)}）`);
    }
  } finally {
    zip.close();
  }
}

/**
 * Flattens exceljs's cell value shapes (rich text, hyperlinks, formulas, errors) into plain
 * values. Text undoes the formula guard of {@link escapeFormulaText}, so an exported register
 * imports as it was entered. A text longer than Excel allows ({@link XLSX_LIMITS}.maxCellChars)
 * is refused with its position when `at` is given — never with its contents.
 *
 * @throws {WorkbookLimitError} a text cell longer than Excel's limit
 */
export function plainCellValue(value: ExcelJS.CellValue, at?: { row: number; column: number }): CellOutput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (value.length > XLSX_LIMITS.maxCellChars) {
      const where = at ? `${at.row}行目 ${columnLetters(at.column)}列の` : '';
      throw new WorkbookLimitError(
        `${where}セルの文字数（${value.length.toLocaleString('ja-JP')}文字）が Excel の上限（${XLSX_LIMITS.maxCellChars.toLocaleString('ja-JP')}文字）を超えているため、読み込みませんでした`,
      );
    }
    return value.trim() === '' ? null : unescapeFormulaText(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return plainCellValue(value.richText.map((r) => r.text).join(''), at);
    if ('formula' in value || 'sharedFormula' in value) return plainCellValue((value as { result?: ExcelJS.CellValue }).result ?? null, at);
    if ('hyperlink' in value && 'text' in value) return plainCellValue((value as { text: ExcelJS.CellValue }).text, at);
    if ('error' in value) return null;
  }
  return plainCellValue(String(value), at);
}

/** Every row with content of one sheet of a workbook, as plain values. */
type SheetGrid = { name: string; rows: { rowNumber: number; cells: CellOutput[] }[] };
/** Every worksheet of a workbook, in the workbook's order (what the parsing worker returns; issue #12 シートの選択). */
type WorkbookGrid = { sheets: SheetGrid[] };

/**
 * Parses every worksheet within {@link XLSX_LIMITS}: each sheet at most `maxRows` rows with
 * content, the workbook together at most `maxCells` non-empty cells (so a second sheet costs what
 * a longer first one would), every cell within `maxCellChars`. Runs in the parsing worker (see
 * {@link parseInWorker}); exported for the limit tests.
 */
export async function parseWorkbookSheets(bytes: Uint8Array, limits: { readonly [K in keyof typeof XLSX_LIMITS]: number }): Promise<WorkbookGrid> {
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(error);
  }
  if (workbook.worksheets.length === 0) throw new UnreadableWorkbookError();
  const sheets: SheetGrid[] = [];
  let cellCount = 0;
  for (const sheet of workbook.worksheets) {
    const tooManyRows = () =>
      new WorkbookLimitError(`シート「${sheet.name}」の行数が多すぎるため、読み込みませんでした（上限 ${limits.maxRows.toLocaleString('ja-JP')}行）。ファイルを分けてください`);
    if (sheet.actualRowCount > limits.maxRows) throw tooManyRows();
    const rows: SheetGrid['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellOutput[] = [];
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (++cellCount > limits.maxCells)
          throw new WorkbookLimitError(`ファイルのセルが多すぎるため、読み込みませんでした（全シートで上限 ${limits.maxCells.toLocaleString('ja-JP')}個）`);
        const value = plainCellValue(cell.value, { row: rowNumber, column });
        cells[column] = value;
        if (value !== null) any = true;
      });
      if (any) rows.push({ rowNumber, cells });
      if (rows.length > limits.maxRows) throw tooManyRows();
    });
    sheets.push({ name: sheet.name, rows });
  }
  return { sheets };
}

/** Marks the workerData of a parsing worker, which loads this very module. */
const PARSE_WORKER = 'mamori.xlsx.parseWorkbookSheets';
type ParseReply = { ok: true; grid: WorkbookGrid } | { ok: false; limit: boolean; message: string };

/**
 * Parses in a worker thread: exceljs holds the whole workbook in memory and spends seconds of CPU
 * on a large one, which on the main thread competed with every other request (issue 11 #3). The
 * worker's heap is capped (a file that needs more is refused, the process lives on), it is
 * stopped after {@link XLSX_LIMITS}.parseTimeoutMs, and at most {@link MAX_PARSERS} run at once.
 *
 * The worker runs this module itself. Its sources are TypeScript run through tsx (bin/mamori.js),
 * which a worker does not inherit, so a two-line bootstrap registers tsx in the worker first.
 */
async function parseInWorker(buffer: Buffer, limits: typeof XLSX_LIMITS): Promise<WorkbookGrid> {
  const self = import.meta.url;
  const load = self.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); });`
    : `import(${JSON.stringify(self)});`;
  return withParserSlot(
    () =>
      new Promise<WorkbookGrid>((resolve, reject) => {
        const worker = new Worker(load, {
          eval: true,
          workerData: { kind: PARSE_WORKER, bytes: new Uint8Array(buffer), limits },
          resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
        });
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
          outcome();
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new WorkbookLimitError(`Excelファイルの読み込みに時間がかかりすぎるため、中止しました（上限 ${limits.parseTimeoutMs / 1000}秒）。ファイルを分けてください`)),
            ),
          limits.parseTimeoutMs,
        );
        worker.once('message', (reply: ParseReply) =>
          finish(() => (reply.ok ? resolve(reply.grid) : reject(reply.limit ? new WorkbookLimitError(reply.message) : new UnreadableWorkbookError()))),
        );
        worker.once('error', (error: Error & { code?: string }) =>
          finish(() =>
            reject(
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? new WorkbookLimitError(
                    `Excelファイルが大きすぎるため、読み込みませんでした（読み込みに ${limits.workerHeapMb.toLocaleString('ja-JP')} MB を超えるメモリが必要です）。ファイルを分けてください`,
                  )
                : new UnreadableWorkbookError(error),
            ),
          ),
        );
        worker.once('exit', () => finish(() => reject(new UnreadableWorkbookError())));
      }),
  );
}

/** Parsing workers running at once; further parses wait their turn (each may use {@link XLSX_LIMITS}.workerHeapMb). */
const MAX_PARSERS = 2;
let parsers = 0;
const waitingParsers: (() => void)[] = [];

async function withParserSlot<T>(fn: () => Promise<T>): Promise<T> {
  while (parsers >= MAX_PARSERS) await new Promise<void>((resolve) => waitingParsers.push(resolve));
  parsers++;
  try {
    return await fn();
  } finally {
    parsers--;
    waitingParsers.shift()?.();
  }
}

if (!isMainThread && (workerData as { kind?: unknown } | null)?.kind === PARSE_WORKER) {
  const { bytes, limits } = workerData as { bytes: Uint8Array; limits: typeof XLSX_LIMITS };
  parseWorkbookSheets(bytes, limits).then(
    (grid) => parentPort?.postMessage({ ok: true, grid } satisfies ParseReply),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, limit: error instanceof WorkbookLimitError, message: error instanceof Error ? error.message : String(error) } satisfies ParseReply),
  );
}

/**
 * One check-and-parse per uploaded buffer: {@link inspectXlsx} (at upload) and
 * {@link readFirstSheet} (in the import) share it instead of parsing twice.
 */
const parsed = new WeakMap<Buffer, Promise<WorkbookGrid>>();

function workbookGrid(buffer: Buffer): Promise<WorkbookGrid> {
  let grid = parsed.get(buffer);
  if (!grid) {
    grid = checkXlsxArchive(buffer).then(() => parseInWorker(buffer, XLSX_LIMITS));
    parsed.set(buffer, grid);
  }
  return grid;
}

/**
 * Lets the parsed grid of an uploaded workbook go once its reader has taken what it needs: kept,
 * it would live as long as the upload (the whole request) — a second copy of every row beside
 * the import's own while it checks and writes them (issue #12 Scale: memory bounded).
 */
export function releaseParsedWorkbook(buffer: Buffer): void {
  parsed.delete(buffer);
}

/**
 * Checks an uploaded workbook against {@link XLSX_LIMITS} — the archive's declared and actual
 * sizes, then every sheet's rows, cells and cell lengths, parsed in a worker — so that
 * whatever reads it next (exceljs on this thread included) only ever sees a bounded file.
 *
 * @throws {UnreadableWorkbookError} not a readable workbook
 * @throws {WorkbookLimitError} over a limit
 */
export async function inspectXlsx(buffer: Buffer): Promise<void> {
  await workbookGrid(buffer);
}

/**
 * Every worksheet of an `.xlsx` file, in order, each as its rows with content (row numbers as Excel
 * shows them, cells by column, index 1 = A) — checked and parsed as {@link inspectXlsx} describes.
 * The import's sheet picker (issue #12) reads them all.
 */
export async function readAllSheets(buffer: Buffer): Promise<SheetGrid[]> {
  return (await workbookGrid(buffer)).sheets;
}

/**
 * Reads the first worksheet of an `.xlsx` file: row `headerRow` (default 1) as headers, later
 * rows as plain values, at most `maxRows` + 1 of them (one more than allowed, so that the caller
 * can say the file is too long). Checked and parsed as {@link inspectXlsx} describes, off the
 * main thread.
 *
 * @throws {UnreadableWorkbookError} anything that is not a workbook
 * @throws {WorkbookLimitError} over {@link XLSX_LIMITS}
 */
export async function readFirstSheet(buffer: Buffer, options: { maxRows?: number; headerRow?: number } = {}): Promise<ReadSheet> {
  const grid = (await workbookGrid(buffer)).sheets[0];
  if (!grid) throw new UnreadableWorkbookError();
  const headerRow = options.headerRow ?? 1;
  const headers: string[] = [];
  grid.rows
    .find((r) => r.rowNumber === headerRow)
    ?.cells.forEach((v, col) => {
      if (v !== undefined) headers[col] = v === null ? '' : v instanceof Date ? v.toISOString() : String(v);
    });
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const rows = grid.rows.filter((r) => r.rowNumber > headerRow).slice(0, maxRows + 1);
  return { name: grid.name, headers, rows };
}
