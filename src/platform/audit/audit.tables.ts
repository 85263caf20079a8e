import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Chain key for events that belong to no organization (e.g. a failed login for an unknown id). */
export const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';

/**
 * 監査証跡 (SPEC §3): append-only and hash-chained per organization. Rows are written only by
 * database triggers — the row triggers on every tenant table and `mamori_audit_chain`, which
 * numbers the row and computes its hash — so no write path can skip it. UPDATE and DELETE are
 * refused by a trigger and not granted to the application role.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    rowCount: integer('row_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_chain_uq').on(t.organizationId, t.chainSeq),
    index('audit_log_actor_idx').on(t.organizationId, t.actorAccountId, t.createdAt),
    index('audit_log_entity_idx').on(t.organizationId, t.entityType, t.entityId),
    index('audit_log_created_idx').on(t.organizationId, t.createdAt),
    // The access-log review filters by operation and by record type, newest first (Toshima
    // 4-8-6 (3)); these keep its counts and pages index-only at a million rows.
    index('audit_log_action_idx').on(t.organizationId, t.action, t.createdAt),
    index('audit_log_type_idx').on(t.organizationId, t.entityType, t.createdAt),
  ],
);
