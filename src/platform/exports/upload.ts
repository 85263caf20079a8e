import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { looksLikeXlsx } from './xlsx.ts';

const badFile = (message: string) => new HttpError(400, message, 'import_file');

/**
 * Reads the one `.xlsx` file of a multipart upload (field `file` by default). Refuses, with a
 * Japanese message, a request that is not multipart, a missing file, another field, and any
 * file that is not an `.xlsx` workbook by name AND by content (a ZIP signature), so a CSV or an
 * old `.xls` renamed to `.xlsx` is turned away before parsing. The size limit is the multipart
 * plugin's (413 ファイルが大きすぎます).
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
  return { filename, body };
}
