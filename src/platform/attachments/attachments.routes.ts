import type { FastifyRequest } from 'fastify';
import { inOrg } from '../db/tenancy.ts';
import { contentDisposition } from '../exports/download.ts';
import { HttpError } from '../http/errors.ts';
import { routes } from '../http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { attachmentsContract, attachmentUploadFields } from './attachments.contract.ts';
import { addAttachment, listAttachments, readAttachment, removeAttachment } from './attachments.service.ts';
import type { AttachmentRow } from './attachments.service.ts';
import { ATTACHMENT_MAX_BYTES, acceptedTypes, inlineTypes, tooLarge } from './fileChecks.ts';
import { ownerOf } from './owners.ts';

const badUpload = (message: string) => new HttpError(400, message, 'attachment_file', [{ path: 'file', message }]);

function present(row: AttachmentRow) {
  const kinds = ownerOf(row.ownerType).kinds;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: kinds.find((k) => k.code === row.kind)?.label ?? row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    contentTypeLabel: acceptedTypes[row.contentType] ?? row.contentType,
    size: row.size,
    sha256: row.sha256,
    note: row.note,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deletedByName: row.deletedByName,
    deletedReason: row.deletedReason,
    url: row.deletedAt ? null : `/api/attachment-files/${row.id}`,
  };
}

/**
 * Reads the multipart upload: one `file` part (refused above the limit while streaming, not after
 * buffering everything) and the optional `kind` and `note` text fields.
 */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw badUpload('ファイルを multipart/form-data の「file」欄で送信してください');
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 4096 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badUpload('ファイルは「file」欄で送信してください');
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
  if (!file) throw badUpload('ファイルが選択されていません');
  const parsed = attachmentUploadFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(422, issue?.message ?? '入力が正しくありません', 'invalid', [{ path: String(issue?.path[0] ?? 'kind'), message: issue?.message ?? '' }]);
  }
  return { ...file, kind: parsed.data.kind || undefined, note: parsed.data.note ?? undefined };
}

/** 添付ファイル (SPEC §3 Attachments). Thin: validate → the owner's rule (in the service) → one service call → present. */
export function attachmentsRoutes(app: App, deps: Deps): void {
  routes(
    app,
    attachmentsContract,
    {
      list: async (request) => {
        const { owner, rows, canWrite } = await inOrg(deps.database, scopeOf(request), (tx) =>
          listAttachments(tx, actorOf(request), request.params.ownerType, request.params.ownerId),
        );
        return {
          ownerLabel: owner.label,
          canWrite,
          kinds: owner.kinds.map((k) => ({ code: k.code, label: k.label })),
          maxBytes: ATTACHMENT_MAX_BYTES,
          accepted: Object.values(acceptedTypes),
          items: rows.map(present),
        };
      },

      upload: async (request) => {
        const upload = await readUpload(request);
        return present(await inOrg(deps.database, scopeOf(request), (tx) => addAttachment(tx, actorOf(request), request.params, upload)));
      },

      download: async (request, reply) => {
        const { row, bytes } = await inOrg(deps.database, scopeOf(request), (tx) => readAttachment(tx, actorOf(request), request.params.id, deps.now()));
        const disposition = inlineTypes.includes(row.contentType) ? contentDisposition(row.fileName).replace(/^attachment/, 'inline') : contentDisposition(row.fileName);
        return reply
          .header('content-type', row.contentType)
          .header('content-disposition', disposition)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .send(bytes);
      },

      remove: async (request) =>
        present(await inOrg(deps.database, scopeOf(request), (tx) => removeAttachment(tx, actorOf(request), request.params.id, request.body.reason, deps.now()))),
    },
    { tags: ['attachments'] },
  );
}
