import { todayInJapan } from '../../domain/time.ts';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** RFC 5987 `ext-value` encoding: UTF-8 percent-encoding of everything outside attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Bidirectional-text controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
 * and the marks U+200E, U+200F, U+061C): in a file name, `請求書\u202Egpj.exe` is shown as
 * `請求書exe.jpg` (issue 11 #12). A download name never needs them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `Content-Disposition: attachment` for a Japanese file name (RFC 6266 / RFC 5987): an ASCII
 * fallback `filename="…"` for old clients, then `filename*=UTF-8''…` which every current
 * browser prefers. Path separators, quotes, control characters and bidi controls never reach
 * the header.
 *
 * @example contentDisposition('従業者一覧_20260401.xlsx')
 * // attachment; filename="_20260401.xlsx"; filename*=UTF-8''%E5%BE%93…
 */
export function contentDisposition(filename: string): string {
  const visible = filename.replace(BIDI_CONTROLS, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const safe = visible.replace(/[\u0000-\u001f\u007f"\\/:*?<>|]/g, '_').trim() || 'download';
  const ascii = safe.replace(/[^\x20-\x7e]/g, '').replace(/^[_\s]+/, '') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/** `従業者一覧_20260401.xlsx`: a register name and today's date in Japan. */
export function datedFilename(base: string, extension: string, now: Date): string {
  return `${base}_${todayInJapan(now).replaceAll('-', '')}.${extension}`;
}

/**
 * Sends a generated file as a download: the content type, the Japanese file name, and
 * `Cache-Control: no-store` because exports hold personal data that must not linger in caches.
 */
export function sendDownload(reply: FastifyReply, file: { body: Buffer; filename: string; contentType: string }): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
