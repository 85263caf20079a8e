import { boolean, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId } from '../db/columns.ts';
import { organizations } from '../org/org.tables.ts';

/** PostgreSQL `bytea` as a Buffer (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 添付ファイル (SPEC §3 Attachments): a file on a record — evidence on an incident, a 委託先's
 * certificate, a 委任状, a signed 誓約書. The record is named by its owner type (registered by the
 * module that keeps it, `attachmentOwners` in its manifest) and id; who may see or add a file is
 * the owner's rule, never decided here. The bytes are in {@link attachmentContents}, so the audit
 * trail records this row (who attached what, when, its SHA-256) without copying the file into it.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** 種別 chosen from the owner's list, e.g. `evidence` (証跡), `power_of_attorney` (委任状). */
    kind: text('kind').notNull(),
    /** The name as uploaded, kept as the person gave it (validated: no control characters). */
    fileName: text('file_name').notNull(),
    /** Detected from the bytes, never taken from the browser. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Encrypted at rest with the field key (owners holding personal data). */
    encrypted: boolean('encrypted').notNull(),
    note: text('note'),
    uploadedByAccountId: uuid('uploaded_by_account_id'),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedByName: text('deleted_by_name'),
    deletedReason: text('deleted_reason'),
  },
  (t) => [index('attachments_owner_idx').on(t.organizationId, t.ownerType, t.ownerId)],
);

/** The bytes of an attachment (ciphertext when `attachments.encrypted`). Not row-audited (tenancySql AUDIT_EXCLUDED_TABLES). */
export const attachmentContents = pgTable('attachment_contents', {
  id: id(),
  organizationId: organizationId().references(() => organizations.id),
  attachmentId: uuid('attachment_id')
    .notNull()
    .unique()
    .references(() => attachments.id),
  content: bytea('content').notNull(),
});
