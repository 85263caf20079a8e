import { z } from 'zod';
import { defineContract, fileResponse } from '../http/contract.ts';
import { idField, optionalText, requiredText } from '../validation/fields.ts';

// 添付ファイル (SPEC §3 Attachments): every route with its response. Pure (zod only): the SPA and
// the test client take their types here. The upload reads its multipart fields itself (`file`,
// `kind` — chosen, never defaulted, unless the record has a single kind — and optionally `note`), so
// it declares no body, like the imports.

export const attachmentOwnerParams = z.object({
  ownerType: z.string().regex(/^[a-z_]{1,40}$/, { error: '添付ファイルの対象の種類が正しくありません' }),
  ownerId: idField('添付ファイルの対象'),
});
export const attachmentIdParams = z.object({ id: idField('添付ファイル') });
export const attachmentRemoveBody = z.object({ reason: requiredText('削除の理由', 400) });
/** The multipart text fields of an upload (besides `file`). */
export const attachmentUploadFields = z.object({ kind: z.string().max(40, { error: '種別の値が正しくありません' }).optional(), note: optionalText('備考', 400) });

export const attachmentResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  /** The kind of file in Japanese (PDF, JPEG 画像 …). */
  contentTypeLabel: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  uploadedByName: z.string(),
  uploadedAt: z.iso.datetime(),
  /** Removed files stay listed (who, when, why); their bytes are gone. */
  deletedAt: z.iso.datetime().nullable(),
  deletedByName: z.string().nullable(),
  deletedReason: z.string().nullable(),
  /** The download URL (null once removed). */
  url: z.string().nullable(),
});

export const attachmentListResponse = z.object({
  ownerLabel: z.string(),
  canWrite: z.boolean(),
  kinds: z.array(z.object({ code: z.string(), label: z.string() })),
  maxBytes: z.number().int(),
  accepted: z.array(z.string()),
  /**
   * 保存期限 (SPEC §5.3): the files of `kinds` this record must keep through `until` (null while it
   * cannot be known), with the reason; removing one is refused until `removable`. Null when the
   * record keeps nothing (every file may be removed).
   */
  retention: z
    .object({
      kinds: z.array(z.string()),
      kindLabels: z.array(z.string()),
      until: z.iso.date().nullable(),
      removable: z.boolean(),
      reason: z.string(),
    })
    .nullable(),
  items: z.array(attachmentResponse),
});

export const attachmentsContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/attachments/:ownerType/:ownerId',
    access: 'authenticated',
    summary: '記録の添付ファイルの一覧（見られるのは記録を開ける人だけ）',
    tags: ['attachments'],
    params: attachmentOwnerParams,
    response: attachmentListResponse,
  },
  upload: {
    method: 'POST',
    path: '/api/attachments/:ownerType/:ownerId',
    access: 'authenticated',
    summary: 'ファイルの添付（multipart の file 欄と kind 欄（種別が1つだけの記録は省略可）、任意で note 欄。10 MB まで、種類は中身で判定）',
    tags: ['attachments'],
    params: attachmentOwnerParams,
    status: 201,
    response: attachmentResponse,
  },
  download: {
    method: 'GET',
    path: '/api/attachment-files/:id',
    access: 'authenticated',
    summary: '添付ファイルのダウンロード（個人データを含む記録のファイルは閲覧として記録）',
    tags: ['attachments'],
    params: attachmentIdParams,
    response: fileResponse,
  },
  remove: {
    method: 'DELETE',
    path: '/api/attachment-files/:id',
    access: 'authenticated',
    summary: '添付ファイルの削除（理由を記録。内容は消え、誰がいつ何を添付・削除したかは残る。保存期限までのファイルは 409）',
    tags: ['attachments'],
    params: attachmentIdParams,
    body: attachmentRemoveBody,
    response: attachmentResponse,
  },
});
