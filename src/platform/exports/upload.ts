import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { inspectXlsx, looksLikeXlsx, UnreadableWorkbookError } from './xlsx.ts';

const badFile = (message: string) => new HttpError(400, message, 'import_file');

/**
 * Reads the one `.xlsx` file of a multipart upload (field `file` by default). Refuses, with a
 * Japanese message, a request that is not multipart, a missing file, another field, and any
 * file that is not an `.xlsx` workbook by name AND by content (a ZIP signature), so a CSV or an
 * old `.xls` renamed to `.xlsx` is turned away before parsing. The size limit is the multipart
 * plugin's (413 ファイルが大きすぎます).
 *
 * Then the workbook is checked against `XLSX_LIMITS` before any import reads it (issue 11 #3):
 * the archive's declared and actual unpacked sizes, and the first sheet's rows, cells and cell
 * lengths, parsed in a worker thread ({@link inspectXlsx}). A zip bomb or a 400 MiB cell is a
 * 400 with its sizes, never its contents; `readFirstSheet` reuses the parse.
 */
export async function readXlsxUpload(request: FastifyRequest, field = 'file'): Promise<{ filename: string; body: Buffer }> {
  if (!request.isMultipart()) throw badFile('ファイルを multipart/form-data の「file」欄で送信してください');
  const part = await request.file();
  if (!part) throw badFile('ファイルが選択されていません');
  if (part.fieldname !== field) {
    part.file.resume();
    throw badFile(`ファイルは「${field}」欄で送信してください`);
  }
  const body = await part.toBuffer();
  const filename = part.filename || 'upload.xlsx';
  if (!/\.xlsx$/i.test(filename) || !looksLikeXlsx(body)) {
    throw badFile('Excelファイル（.xlsx）を選択してください。CSV・.xls などの形式は取り込めません');
  }
  try {
    await inspectXlsx(body);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw badFile('Excelファイル（.xlsx）として読み込めませんでした。Excel で保存した .xlsx ファイルを選択してください');
    throw error;
  }
  return { filename, body };
}
