import type { FastifyRequest } from 'fastify';
import { type CellOutput, inspectXlsx, looksLikeXlsx, readAllSheets, releaseParsedWorkbook, UnreadableWorkbookError } from '../exports/xlsx.ts';
import { HttpError } from '../http/errors.ts';
import { readCsvGrid } from './csv.ts';

// 取込のファイル (issue #12): the one file of an import upload — an Excel workbook (.xlsx) or a CSV
// (UTF-8 or Shift_JIS) — and its first sheet as a grid of rows, whichever it was.

const badFile = (message: string) => new HttpError(400, message, 'import_file');

export type ImportUpload = { filename: string; body: Buffer; kind: 'xlsx' | 'csv' };

/** The rows of an uploaded file's (first) sheet: Excel row numbers, cells by column (index 1 = A). */
export type ImportGrid = { name: string; rows: { rowNumber: number; cells: CellOutput[] }[] };

/**
 * Reads the one file of a multipart upload (field `file`): `.xlsx` (a ZIP by content too, checked
 * against XLSX_LIMITS in the parsing worker: a zip bomb or a 400 MiB cell is a 400 with its sizes,
 * never its contents — issue 11 #3) or `.csv` (decoded and split at once, within the same
 * limits). Anything else — `.xls`, a renamed file — is refused.
 */
export async function readImportUpload(request: FastifyRequest, field = 'file'): Promise<ImportUpload> {
  if (!request.isMultipart()) throw badFile('ファイルを multipart/form-data の「file」欄で送信してください');
  const part = await request.file();
  if (!part) throw badFile('ファイルが選択されていません');
  if (part.fieldname !== field) {
    part.file.resume();
    throw badFile(`ファイルは「${field}」欄で送信してください`);
  }
  const body = await part.toBuffer();
  const filename = part.filename || 'upload.xlsx';
  if (/\.csv$/i.test(filename) && !looksLikeXlsx(body)) {
    csvGrids.set(body, readCsvGrid(body, filename.replace(/\.csv$/i, '')));
    return { filename, body, kind: 'csv' };
  }
  if (!/\.xlsx$/i.test(filename) || !looksLikeXlsx(body)) {
    throw badFile('Excelファイル（.xlsx）または CSV ファイル（.csv）を選択してください。.xls などの形式は取り込めません');
  }
  try {
    await inspectXlsx(body);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw badFile('Excelファイル（.xlsx）として読み込めませんでした。Excel で保存した .xlsx ファイルを選択してください');
    throw error;
  }
  return { filename, body, kind: 'xlsx' };
}

/** CSVs checked at upload, so the import reads each only once. */
const csvGrids = new WeakMap<Buffer, ImportGrid>();

/**
 * Every sheet of an upload as grids, in the workbook's order (a CSV is one sheet; cells as text).
 * The grids are handed over, not kept: the upload's parse is released (a second read parses again),
 * so the rows are held only by the import reading them (issue #12 Scale: memory bounded).
 */
export async function readImportSheets(upload: Pick<ImportUpload, 'body' | 'kind' | 'filename'>): Promise<ImportGrid[]> {
  if (upload.kind === 'csv') {
    const grid = csvGrids.get(upload.body) ?? readCsvGrid(upload.body, upload.filename.replace(/\.csv$/i, ''));
    csvGrids.delete(upload.body);
    return [grid];
  }
  try {
    return await readAllSheets(upload.body);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw badFile('Excelファイル（.xlsx）として読み込めませんでした');
    throw error;
  } finally {
    releaseParsedWorkbook(upload.body);
  }
}

/** The first sheet of an upload as a grid (every row with content; CSV cells as text). */
export async function readImportGrid(upload: Pick<ImportUpload, 'body' | 'kind' | 'filename'>): Promise<ImportGrid> {
  const [first] = await readImportSheets(upload);
  if (!first) throw badFile('Excelファイル（.xlsx）として読み込めませんでした');
  return first;
}
