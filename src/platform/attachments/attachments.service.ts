import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import { recordPersonalDataAccess } from '../audit/personalDataAccess.ts';
import { decryptBytes, encryptBytes } from '../config/fieldCrypto.ts';
import type { Tx } from '../db/connection.ts';
import { todayInJapan } from '../../domain/time.ts';
import { forbidden, HttpError, invalid, notFound } from '../http/errors.ts';
import type { Actor } from '../policies/actor.ts';
import { attachmentContents, attachments } from './attachments.tables.ts';
import { checkFileName, detectContentType } from './fileChecks.ts';
import { type AttachmentOwner, type AttachmentRetention, ownerOf } from './owners.ts';

// 添付ファイル (SPEC §3 Attachments): add, list, download, remove — each asks the owner's rule first.

export type AttachmentRow = typeof attachments.$inferSelect;

async function readableOwner(tx: Tx, actor: Actor, ownerType: string, ownerId: string): Promise<AttachmentOwner> {
  const owner = ownerOf(ownerType);
  if (!(await owner.canRead(tx, actor, ownerId))) throw notFound(owner.label);
  return owner;
}

async function writableOwner(tx: Tx, actor: Actor, ownerType: string, ownerId: string): Promise<AttachmentOwner> {
  const owner = await readableOwner(tx, actor, ownerType, ownerId);
  if (!(await owner.canWrite(tx, actor, ownerId))) throw forbidden(`この${owner.label}にファイルを添付・削除する権限がありません`);
  return owner;
}

/**
 * The files on a record (removed ones with who removed them and why), oldest first, whether the
 * actor may add, and what the record keeps until when (its owner's {@link AttachmentOwner.retention}).
 */
export async function listAttachments(tx: Tx, actor: Actor, ownerType: string, ownerId: string, now: Date) {
  const owner = await readableOwner(tx, actor, ownerType, ownerId);
  const rows = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.organizationId, actor.organizationId), eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const retention = (await owner.retention?.(tx, actor, ownerId, todayInJapan(now))) ?? null;
  return { owner, rows, canWrite: await owner.canWrite(tx, actor, ownerId), retention };
}

/** The retention that applies to a file of `kind` (null: the file may be removed at any time). */
export function retentionOf(retention: AttachmentRetention | null, kind: string): AttachmentRetention | null {
  return retention?.kinds.includes(kind) ? retention : null;
}

/**
 * The 種別 a file is filed under: the one the person chose. Never guessed — a 委任状 sent without a
 * kind is not filed as the record's first kind (a 契約書 on a 委託先); only a record with a single
 * kind takes it without asking.
 *
 * @throws {HttpError} 422 on `kind` when none was chosen (and there is a choice) or it is not one of the record's
 */
export function chosenKind(owner: Pick<AttachmentOwner, 'label' | 'kinds'>, kind: string | undefined): string {
  const allowed = `（${owner.label}に添付できる種別: ${owner.kinds.map((k) => k.label).join('、')}）`;
  if (kind === undefined) {
    const [only, ...others] = owner.kinds;
    if (only && others.length === 0) return only.code;
    throw invalid('kind', `種別を選択してください${allowed}`);
  }
  if (!owner.kinds.some((k) => k.code === kind)) throw invalid('kind', `種別の値が正しくありません${allowed}`);
  return kind;
}

/** Adds a file to a record: name and type checked, bytes encrypted when the record holds personal data. */
export async function addAttachment(
  tx: Tx,
  actor: Actor,
  target: { ownerType: string; ownerId: string },
  file: { fileName: string; bytes: Buffer; kind?: string | undefined; note?: string | undefined },
): Promise<AttachmentRow> {
  const owner = await writableOwner(tx, actor, target.ownerType, target.ownerId);
  const kind = chosenKind(owner, file.kind);
  if (file.note !== undefined && [...file.note].length > 400) throw invalid('note', `備考が長すぎます（${[...file.note].length}文字。400文字まで）`);
  const fileName = checkFileName(file.fileName);
  const contentType = await detectContentType(fileName, file.bytes);
  const [row] = await tx
    .insert(attachments)
    .values({
      organizationId: actor.organizationId,
      ownerType: owner.type,
      ownerId: target.ownerId,
      kind,
      fileName,
      contentType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      encrypted: owner.personalData,
      note: file.note?.trim() ? file.note : null,
      uploadedByAccountId: actor.accountId,
      uploadedByName: actor.personName,
    })
    .returning();
  if (!row) throw new Error('attachment insert returned nothing');
  await tx.insert(attachmentContents).values({
    organizationId: actor.organizationId,
    attachmentId: row.id,
    content: owner.personalData ? encryptBytes(file.bytes) : file.bytes,
  });
  return row;
}

/**
 * Attaches a file without an acting account (the demo organization's seed): the same checks and
 * storage as {@link addAttachment}, the owner's rule not asked.
 */
export async function seedAttachment(
  tx: Tx,
  file: { organizationId: string; ownerType: string; ownerId: string; kind: string; fileName: string; bytes: Buffer; uploadedByName: string; note?: string },
): Promise<AttachmentRow> {
  const owner = ownerOf(file.ownerType);
  const contentType = await detectContentType(checkFileName(file.fileName), file.bytes);
  const [row] = await tx
    .insert(attachments)
    .values({
      organizationId: file.organizationId,
      ownerType: owner.type,
      ownerId: file.ownerId,
      kind: file.kind,
      fileName: file.fileName,
      contentType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      encrypted: owner.personalData,
      note: file.note ?? null,
      uploadedByAccountId: null,
      uploadedByName: file.uploadedByName,
      // Several files attached in one transaction (a public request's 委任状 and 本人確認書類) keep
      // the order they were sent in: now() is the transaction's start, the same for each of them.
      createdAt: sql`clock_timestamp()`,
    })
    .returning();
  if (!row) throw new Error('attachment insert returned nothing');
  await tx.insert(attachmentContents).values({ organizationId: file.organizationId, attachmentId: row.id, content: owner.personalData ? encryptBytes(file.bytes) : file.bytes });
  return row;
}

async function readableAttachment(tx: Tx, actor: Actor, id: string): Promise<{ row: AttachmentRow; owner: AttachmentOwner }> {
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.organizationId, actor.organizationId), eq(attachments.id, id)));
  if (!row) throw notFound('添付ファイル');
  // A file of a record the actor cannot open does not exist for them.
  const owner = ownerOf(row.ownerType);
  if (!(await owner.canRead(tx, actor, row.ownerId))) throw notFound('添付ファイル');
  return { row, owner };
}

/** The bytes of a file (decrypted), for download; a read of a personal-data record's file is audited as one. */
export async function readAttachment(tx: Tx, actor: Actor, id: string, now: Date): Promise<{ row: AttachmentRow; bytes: Buffer }> {
  const { row, owner } = await readableAttachment(tx, actor, id);
  if (row.deletedAt) throw notFound('添付ファイル（削除済み）');
  const [content] = await tx
    .select()
    .from(attachmentContents)
    .where(and(eq(attachmentContents.organizationId, actor.organizationId), eq(attachmentContents.attachmentId, row.id)));
  if (!content) throw notFound('添付ファイルの内容');
  const bytes = row.encrypted ? decryptBytes(content.content) : content.content;
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) throw new Error(`attachment ${row.id}: content does not match its SHA-256`);
  if (owner.personalData) {
    await recordPersonalDataAccess(
      tx,
      actor,
      { action: 'read', entityType: 'attachments', entityId: row.id, rowCount: 1, meta: { ownerType: row.ownerType, ownerId: row.ownerId } },
      now,
    );
  } else {
    await recordAuditEvent(tx, { organizationId: actor.organizationId, actorAccountId: actor.accountId, action: 'read', entityType: 'attachments', entityId: row.id, rowCount: 0 });
  }
  return { row, bytes };
}

/** 2026-11-28 → 2026年11月28日. */
function japaneseDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * Removes a file with a reason: its bytes are erased, the row stays (who attached and removed
 * what, when and why, with the SHA-256 of what was there), so the record's history stays whole.
 */
export async function removeAttachment(tx: Tx, actor: Actor, id: string, reason: string, now: Date): Promise<AttachmentRow> {
  const { row } = await readableAttachment(tx, actor, id);
  const owner = await writableOwner(tx, actor, row.ownerType, row.ownerId);
  if (row.deletedAt) throw notFound('添付ファイル（削除済み）');
  // 保存期限 (SPEC §5.3): a file the record must still keep is not removed (409, naming the day).
  const kept = retentionOf((await owner.retention?.(tx, actor, row.ownerId, todayInJapan(now))) ?? null, row.kind);
  if (kept && !kept.removable) {
    const message = kept.until
      ? `「${row.fileName}」は保存期限（${japaneseDay(kept.until)}）まで削除できません。${kept.reason}`
      : `「${row.fileName}」は保存期限が決まるまで削除できません。${kept.reason}`;
    throw new HttpError(409, message, 'attachment_retained');
  }
  await tx.delete(attachmentContents).where(and(eq(attachmentContents.organizationId, actor.organizationId), eq(attachmentContents.attachmentId, row.id)));
  const [updated] = await tx
    .update(attachments)
    .set({ deletedAt: now, deletedByName: actor.personName, deletedReason: reason })
    .where(and(eq(attachments.organizationId, actor.organizationId), eq(attachments.id, row.id), isNull(attachments.deletedAt)))
    .returning();
  if (!updated) throw notFound('添付ファイル（削除済み）');
  return updated;
}
