import { HttpError } from '../../platform/http/errors.ts';
import { checkFileName } from '../../platform/attachments/fileChecks.ts';
import { PORTAL_FILE_TYPES_TEXT, type PortalFile } from './portal.files.schema.ts';

// The bytes of the files sent from the public portal (issue #14 M5): the type read from the magic
// bytes — PDF, JPEG or PNG only, whatever the name or the browser says — before anything is written.

export type CheckedPortalFile = { kind: PortalFile['kind']; fileName: string; bytes: Buffer };

/** The type of a file from its first bytes, or null (PDF `%PDF-`, PNG's signature, JPEG's SOI marker). */
export function sniffPortalFile(bytes: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Decodes and checks every file; the first bad one refuses the whole submission (400/415/422, field `files.N`). */
export function checkPortalFiles(files: readonly PortalFile[]): CheckedPortalFile[] {
  const errors: { path: string; message: string }[] = [];
  let status = 422;
  const checked = files.map((f, i) => {
    const bytes = Buffer.from(f.contentBase64, 'base64');
    try {
      checkFileName(f.fileName);
    } catch (error) {
      if (error instanceof HttpError) errors.push({ path: `files.${i}`, message: `添付書類「${f.fileName}」: ${error.message}` });
      else throw error;
    }
    if (bytes.length === 0) errors.push({ path: `files.${i}`, message: `添付書類「${f.fileName}」は空のファイルです` });
    else if (!sniffPortalFile(bytes)) {
      status = 415;
      errors.push({ path: `files.${i}`, message: `添付書類「${f.fileName}」は送れない形式です。送れるのは ${PORTAL_FILE_TYPES_TEXT} のファイルだけです` });
    }
    return { kind: f.kind, fileName: f.fileName, bytes };
  });
  if (errors.length > 0) throw new HttpError(status, errors.map((e) => e.message).join(' / '), 'portal_file', errors);
  return checked;
}
