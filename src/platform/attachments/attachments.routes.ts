import type { FastifyRequest } from 'fastify';
import { inOrg } from '../db/tenancy.ts';
import { contentDisposition } from '../exports/download.ts';
import { HttpError } from '../http/errors.ts';
import { routes } from '../http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { attachmentsContract, attachmentUploadFields } from './attachments.contract.ts';
import { addAttachment, listAttachments, readAttachment, removeAttachment } from './attachments.service.ts';
import type { AttachmentRow } from './attachments.service.ts';
import { ATTACHMENT_MAX_BYTES, acceptedTypes, inlineTypes } from './fileChecks.ts';
import { readFileUpload } from './upload.ts';
import { ownerOf } from './owners.ts';

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
 * buffering everything) and the `kind` (required unless the record has a single kind: chosenKind in the service)
 * and optional `note` text fields.
 */
async function readUpload(request: FastifyRequest) {
  const { fields, ...file } = await readFileUpload(request);
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
        const { owner, rows, canWrite, retention } = await inOrg(deps.database, scopeOf(request), (tx) =>
          listAttachments(tx, actorOf(request), request.params.ownerType, request.params.ownerId, deps.now()),
        );
        return {
          ownerLabel: owner.label,
          canWrite,
          kinds: owner.kinds.map((k) => ({ code: k.code, label: k.label })),
          maxBytes: ATTACHMENT_MAX_BYTES,
          accepted: Object.values(acceptedTypes),
          retention: retention
            ? {
                kinds: [...retention.kinds],
                kindLabels: retention.kinds.map((code) => owner.kinds.find((k) => k.code === code)?.label ?? code),
                until: retention.until,
                removable: retention.removable,
                reason: retention.reason,
              }
            : null,
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
