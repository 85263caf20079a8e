import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StorageMedium } from '../../rules/inventoryRules.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import type { ImportExtra } from '../../platform/imports/extras.ts';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import type { RecordStatus } from '../../platform/reviews/reviews.tables.ts';
import type { ContentChange } from './inventory.content.shared.ts';
import type { EntryContent, HistoryKind, RequestKind, RiskStatusCode } from './inventory.schema.ts';

/** One column of an imported file that no 台帳 field took, kept as written (「取込時の追加情報」, issue #12). */
export type { ImportExtra };

/** Status of a 申請書: `draft` before submission, then the approval engine's states (shared with the review). */
export type { RecordStatus };

/**
 * 個人情報管理台帳の項目 (J.3.1.1). The content (`data`) is the source; the columns beside it are
 * derived on every write (inventory.content.shared.ts `derivedColumns`) so the list can filter and
 * search 100,000 entries by index. Created and changed only through an approved 申請書, an
 * import by the PMS manager, or a review; every version is kept in `inventory_entry_history`.
 */
export const inventoryEntries = pgTable(
  'inventory_entries',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** Incremented on every change; a risk analysis records the revision it covered. */
    revision: integer('revision').notNull().default(1),
    name: text('name').notNull(),
    data: jsonb('data').$type<EntryContent>().notNull(),
    status: text('status').$type<'active' | 'disposed'>().notNull().default('active'),
    storageMedia: text('storage_media').$type<StorageMedium>(),
    sensitive: boolean('sensitive').notNull().default(false),
    myNumber: boolean('my_number').notNull().default(false),
    retainedPersonalData: boolean('retained_personal_data').notNull().default(false),
    entrusted: boolean('entrusted').notNull().default(false),
    thirdPartyProvision: boolean('third_party_provision').notNull().default(false),
    overseas: boolean('overseas').notNull().default(false),
    processedKind: text('processed_kind').$type<EntryContent['processedKind']>().notNull().default('none'),
    recordCount: integer('record_count'),
    useUntilDate: date('use_until_date'),
    retainUntilDate: date('retain_until_date'),
    disposedAt: date('disposed_at'),
    /** リスク分析の状態 (riskStatusOfEntry), refreshed whenever the entry or an analysis of it changes. */
    riskStatus: text('risk_status').$type<RiskStatusCode>().notNull().default('unanalysed'),
    accessHolderIds: uuid('access_holder_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * 取込時の追加情報 (issue #12): the columns of the imported file no field took (備考 — the 台帳 has
     * no notes field — リスク, 管理番号 …), heading and cell as written; null for an entry not imported.
     */
    importExtras: jsonb('import_extras').$type<ImportExtra[]>(),
    /** Folded text of every searchable field (normalizeSearchText); served by a pg_trgm GIN index (with the department). */
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inventory_entries_org_name_idx').on(t.organizationId, t.name, t.id),
    index('inventory_entries_org_dept_name_idx').on(t.organizationId, t.departmentId, t.name, t.id),
    index('inventory_entries_org_updated_idx').on(t.organizationId, t.updatedAt),
    // 台帳の検索: one GIN index over the organization and the department (btree_gin) and the
    // trigrams of the folded text, so a search intersects the organization's (and department's)
    // entries with the matching trigrams inside one index scan. With the department and trigrams
    // only (migration 0010), a common word was looked up in every organization's entries and the
    // other organizations' matches fetched and thrown away: a broad search of one organization of
    // 10,000 entries took 5 ms among 100,000 entries and 17 ms among 1,000,000 (bench/scale.ts).
    index('inventory_entries_org_dept_search_trgm_idx').using('gin', t.organizationId, t.departmentId, t.searchText.op('gin_trgm_ops')),
    // Every column the list filters on, so counting a filtered list is an index-only scan
    // (100,000 entries: the count, not the page, was the slow half of the list). It also serves
    // the filters on risk status and on the 期限 (the daily disposal check).
    index('inventory_entries_org_filter_idx').on(
      t.organizationId,
      t.status,
      t.departmentId,
      t.riskStatus,
      t.storageMedia,
      t.sensitive,
      t.myNumber,
      t.retainedPersonalData,
      t.entrusted,
      t.thirdPartyProvision,
      t.overseas,
      t.processedKind,
      t.disposedAt,
      t.useUntilDate,
      t.retainUntilDate,
    ),
  ],
);

/**
 * 新規個人情報取得申請書 (J.3.1.1 c), J.8.5) and 個人情報取扱変更等申請書 (J.3.1.1 d), J.8.6): the
 * proposed content of the entry, approved 所属長 → 個人情報保護管理者; the entry is created or
 * changed only by the final approval.
 */
export const inventoryRequests = pgTable(
  'inventory_requests',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    kind: text('kind').$type<RequestKind>().notNull(),
    /** The entry changed (change), or the entry created on approval (acquisition). */
    entryId: uuid('entry_id').references(() => inventoryEntries.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    proposed: jsonb('proposed').$type<EntryContent>().notNull(),
    reason: text('reason').notNull(),
    /** 取得時の必要通知事項の文案 (J.8.5 留意事項: attached to the 新規個人情報取得申請書). */
    noticeDraft: text('notice_draft'),
    /** The entry's revision the change was written against (a later change makes it stale). */
    baseRevision: integer('base_revision'),
    /** Filed during the yearly review of the department. */
    reviewId: uuid('review_id'),
    status: text('status').$type<RecordStatus>().notNull().default('draft'),
    requestedByPersonId: uuid('requested_by_person_id')
      .notNull()
      .references(() => people.id),
    requestedByAccountId: uuid('requested_by_account_id').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inventory_requests_org_status_idx').on(t.organizationId, t.status),
    index('inventory_requests_org_entry_idx').on(t.organizationId, t.entryId),
    index('inventory_requests_requester_idx').on(t.organizationId, t.requestedByPersonId),
  ],
);

/** How an entry version came to be. */
export type { HistoryKind };

/**
 * 台帳の履歴: every version of every entry — who, what (field by field), and through which
 * request, import or review. Rows are only ever added.
 */
export const inventoryEntryHistory = pgTable(
  'inventory_entry_history',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => inventoryEntries.id),
    revision: integer('revision').notNull(),
    kind: text('kind').$type<HistoryKind>().notNull(),
    requestId: uuid('request_id').references((): AnyPgColumn => inventoryRequests.id),
    importId: uuid('import_id'),
    /** Who asked (the requester) and who made it happen (the final approver or importer). */
    requestedByPersonId: uuid('requested_by_person_id').references(() => people.id),
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    summary: text('summary').notNull(),
    changes: jsonb('changes').$type<ContentChange[]>().notNull().default([]),
    /** The content after this version (before = the previous row's `data`). */
    data: jsonb('data').$type<EntryContent>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('inventory_entry_history_entry_idx').on(t.organizationId, t.entryId, t.revision)],
);
