import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { ATTACHMENT_MAX_BYTES, tooLarge } from './fileChecks.ts';

// 添付ファイルの受け取り (SPEC §3 Attachments): one multipart upload read the same way for every
// route that takes a file onto a record — one `file` part, refused above the limit while it
// streams (not after buffering it all), and a few short text fields.

const badUpload = (message: string) => new HttpError(400, message, 'attachment_file', [{ path: 'file', message }]);

/**
 * Reads one file (`file` field) and the text fields of a multipart upload. `what` names the file in
 * the refusals (「ファイル」「証明書のファイル」).
 *
 * @throws {HttpError} 400 when the request is not multipart, the file is in another field or missing; 413 above {@link ATTACHMENT_MAX_BYTES}
 */
export async function readFileUpload(
  request: FastifyRequest,
  { what = 'ファイル', fields: maxFields = 4 }: { what?: string; fields?: number } = {},
): Promise<{ fileName: string; bytes: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw badUpload(`${what}を multipart/form-data の「file」欄で送信してください`);
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: maxFields, fieldSize: 4096 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badUpload(`${what}は「file」欄で送信してください`);
      }
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(part.filename);
        throw error;
      }
      if (part.file.truncated) throw tooLarge(part.filename);
      file = { fileName: part.filename, bytes };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw badUpload(`${what}が選択されていません`);
  return { ...file, fields };
}
