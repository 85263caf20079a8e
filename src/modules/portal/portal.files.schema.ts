import { z } from 'zod';
import { enumField, requiredText } from '../../platform/validation/fields.ts';

// 書類の添付 on the public portal (issue #14 M5, J.10.2 本人確認・代理人): the 委任状 of an agent and
// the 本人確認書類, sent with the form (or with a 補正's answer) as base64 in the JSON body, so the
// request and its files are one submission — all written or none. Shared by the server and the
// web (zod only; the server checks the bytes in portal.files.ts).

/** Largest file (3 MiB: a scanned page or a photograph of a document). */
export const PORTAL_FILE_MAX_BYTES = 3 * 1024 * 1024;
/** Largest total of one submission's files (8 MiB). */
export const PORTAL_FILES_TOTAL_MAX_BYTES = 8 * 1024 * 1024;
/** Most files in one submission. */
export const PORTAL_FILES_MAX = 4;
/** The JSON body limit of a submission with files (base64 is 4/3 of the bytes, plus the form). */
export const PORTAL_BODY_LIMIT = Math.ceil((PORTAL_FILES_TOTAL_MAX_BYTES * 4) / 3) + 256 * 1024;

export const portalFileKinds = ['power_of_attorney', 'agent_authority', 'identity_document', 'correction_answer'] as const;
export const portalFileKindLabels: Readonly<Record<(typeof portalFileKinds)[number], string>> = {
  power_of_attorney: '委任状',
  agent_authority: '法定代理権を示す書類',
  identity_document: '本人確認書類',
  correction_answer: '補正の書類',
};

/** The types accepted (read from the bytes on the server), for the messages. */
export const PORTAL_FILE_TYPES_TEXT = 'PDF・JPEG・PNG';

/** The byte count of a base64 text (without decoding it). */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export const portalFile = z.object({
  kind: enumField('書類の種類', portalFileKinds),
  fileName: requiredText('ファイル名', 200),
  contentBase64: z
    .string({ error: 'ファイルの内容がありません' })
    .min(1, { error: 'ファイルの内容がありません（空のファイルです）' })
    // The size is checked below, naming the file (the route's body limit bounds the text itself).
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'ファイルの内容を読み取れません。ファイルを選び直してください' }),
});
export type PortalFile = z.output<typeof portalFile>;

/** The files of one submission: count and total size limited, each file named in its message. */
export const portalFiles = z
  .array(portalFile, { error: '添付書類は一覧で送ってください' })
  .max(PORTAL_FILES_MAX, { error: `添付書類は ${PORTAL_FILES_MAX} 件までです` })
  .default([])
  .superRefine((files, ctx) => {
    files.forEach((f, i) => {
      if (base64Bytes(f.contentBase64) > PORTAL_FILE_MAX_BYTES)
        ctx.addIssue({ code: 'custom', path: [i], message: `添付書類「${f.fileName}」が大きすぎます。1つのファイルは ${mb(PORTAL_FILE_MAX_BYTES)} までです` });
    });
    const total = files.reduce((n, f) => n + base64Bytes(f.contentBase64), 0);
    if (total > PORTAL_FILES_TOTAL_MAX_BYTES)
      ctx.addIssue({ code: 'custom', message: `添付書類の合計が大きすぎます（${(total / 1024 / 1024).toFixed(1)} MB）。合計 ${mb(PORTAL_FILES_TOTAL_MAX_BYTES)} までです` });
  });

/**
 * J.10.2 代理人: a 任意代理人 sends the 委任状 with the request (a 法定代理人 shows their authority
 * when the office checks identity). Path `files`.
 */
export const attorneyAttached = (v: { agentKind: string; files: readonly { kind: string }[] }) =>
  v.agentKind !== 'voluntary' || v.files.some((f) => f.kind === 'power_of_attorney');
export const attorneyAttachedError = { error: '任意代理人による請求のときは委任状（PDF・JPEG・PNG）を添付してください', path: ['files'] };
