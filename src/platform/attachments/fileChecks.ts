import { fileTypeFromBuffer } from 'file-type';
import { checkXlsxArchive, UnreadableWorkbookError, WorkbookLimitError, XLSX_LIMITS } from '../exports/xlsx.ts';
import { HttpError } from '../http/errors.ts';

// 添付ファイルの検査 (SPEC §3 Attachments: "size limits and content-type checks"). The type is
// read from the bytes (the `file-type` package), never from the browser's header or the name's
// extension alone: a renamed program, an HTML page or an SVG (which a browser would run) is
// refused, as is an Office file whose ZIP unpacks beyond the import limits (issue 11 #3).

/** Largest file accepted, in bytes (10 MiB): a scanned 委任状 or certificate, a signed PDF. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Longest file name kept, in characters. */
export const ATTACHMENT_NAME_MAX = 200;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Types accepted, detected from the bytes, with their Japanese names for the messages. */
export const acceptedTypes: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG 画像',
  'image/jpeg': 'JPEG 画像',
  'image/heic': 'HEIC 画像',
  [DOCX]: 'Word 文書（.docx）',
  [XLSX]: 'Excel ブック（.xlsx）',
  'text/plain; charset=utf-8': 'テキスト（.txt）',
  'text/csv; charset=utf-8': 'CSV（.csv）',
};

/** Types a browser may show inline (the rest always download). */
export const inlineTypes: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];

const refuse = (status: number, message: string) => new HttpError(status, message, 'attachment_file', [{ path: 'file', message }]);

/**
 * Checks the name a person gave the file: kept exactly as given, or refused — never changed
 * without saying so. Control characters and bidirectional-text controls (which can make
 * 「請求書.pdf.exe」 read as 「請求書.exe.pdf」) and path separators are refused.
 */
export function checkFileName(name: string): string {
  const shown = name.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '?');
  if (name.trim() === '') throw refuse(422, 'ファイル名がありません');
  if ([...name].length > ATTACHMENT_NAME_MAX)
    throw refuse(422, `ファイル名が長すぎます（${[...name].length}文字。${ATTACHMENT_NAME_MAX}文字まで）: ${[...shown].slice(0, 40).join('')}…`);
  if (/[\p{Cc}]/u.test(name)) throw refuse(422, `ファイル名に制御文字が含まれています（${shown}）。ファイル名を変えてから添付してください`);
  if (/[\u202a-\u202e\u2066-\u2069]/u.test(name)) throw refuse(422, `ファイル名に文字の向きを変える制御文字が含まれています（${shown}）。ファイル名を変えてから添付してください`);
  if (/[/\\]/.test(name)) throw refuse(422, `ファイル名に「/」や「\\」は使えません（${shown}）`);
  return name;
}

/** The refusal of a file over the size limit (413), naming the file. */
export function tooLarge(name: string): HttpError {
  return refuse(413, `「${name}」は大きすぎます。添付できるのは ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB までです`);
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  const head = bytes
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  // Markup is not text here: an HTML page or an SVG named .txt would run when opened.
  return !head.startsWith('<');
}

/**
 * The content type of a file, read from its bytes, or a 415 naming the file and what is accepted.
 * Text is accepted only as .txt / .csv without NUL bytes or markup.
 */
export async function detectContentType(name: string, bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw refuse(422, `「${name}」は空のファイルです`);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge(name);
  const detected = await fileTypeFromBuffer(bytes);
  const accepted = Object.values(acceptedTypes).join('、');
  if (!detected) {
    if (/\.txt$/i.test(name) && looksLikeText(bytes)) return 'text/plain; charset=utf-8';
    if (/\.csv$/i.test(name) && looksLikeText(bytes)) return 'text/csv; charset=utf-8';
    throw refuse(415, `「${name}」は添付できない形式です。添付できるのは ${accepted} です`);
  }
  // An Office file is a ZIP: its unpacked size is checked before anything else reads it — also
  // when the detector could not tell it from a plain ZIP (a swollen sheet hides the markers).
  const office = detected.mime === DOCX || detected.mime === XLSX || (detected.mime === 'application/zip' && /\.(docx|xlsx)$/i.test(name));
  if (office) {
    try {
      await checkXlsxArchive(bytes);
    } catch (error) {
      if (error instanceof WorkbookLimitError)
        throw refuse(415, `「${name}」は展開すると大きすぎる Office ファイルのため添付できません（展開後の上限 ${XLSX_LIMITS.maxTotalBytes / 1024 / 1024} MB）`);
      if (error instanceof UnreadableWorkbookError) throw refuse(415, `「${name}」は壊れているか暗号化された Office ファイルのため添付できません`);
      throw error;
    }
  }
  if (!(detected.mime in acceptedTypes)) {
    throw refuse(415, `「${name}」は添付できない形式です（中身は .${detected.ext} 形式）。添付できるのは ${accepted} です`);
  }
  return detected.mime;
}
