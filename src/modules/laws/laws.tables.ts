import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ImportExtra } from '../../platform/imports/extras.ts';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations, people } from '../../platform/org/org.tables.ts';
import type { LawKind, LawReviewOutcome, LawStatus } from './laws.labels.ts';

/**
 * 個人情報保護に関する法令規範一覧 (J.1.3): the 法令、国が定める指針その他の規範 the organization
 * follows. J.1.3 a): the 個人情報保護管理者 identifies (特定日) and approves each entry (承認者・日時);
 * an entry is 未承認 until then, and again after its content changes. J.1.3 b): every 従業者 reads it.
 * J.1.3 c): reviewed every December (最終見直し日).
 */
export const laws = pgTable(
  'laws',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 名称 (e.g. 個人情報の保護に関する法律). */
    name: text('name').notNull(),
    kind: text('kind').$type<LawKind>().notNull(),
    /** 制定・所管 (e.g. 個人情報保護委員会, 世田谷区). */
    issuer: text('issuer'),
    /** 番号 (e.g. 平成15年法律第57号). */
    number: text('number'),
    lastAmendedOn: date('last_amended_on'),
    /** 参照先 URL (http/https only). */
    url: text('url'),
    /** 当組織への適用（関係する業務・台帳）. */
    application: text('application'),
    status: text('status').$type<LawStatus>().notNull().default('active'),
    /** 特定日: when the 個人情報保護管理者 identified the entry (J.1.3 a). */
    identifiedOn: date('identified_on'),
    note: text('note'),
    /** 承認 (J.1.3 a): who approved and when; null = 未承認. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByPersonId: uuid('approved_by_person_id').references(() => people.id),
    /** 最終見直し日 (J.1.3 c 毎年12月及び随時). */
    lastReviewedOn: date('last_reviewed_on'),
    /** 取込時の追加情報 (issue #12): the columns of an imported list no field took, as written (platform/imports/extras.ts). */
    importExtras: jsonb('import_extras').$type<ImportExtra[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('laws_org_name_idx').on(t.organizationId, t.name)],
);

/**
 * 法令規範一覧の見直し (J.1.3 c: 毎年12月及び随時): one record per year, listing every entry that was
 * in force when it opened, each marked 確認済み / 改訂あり (with what changed) / 廃止. Completing it
 * (個人情報保護管理者) stamps the entries' 最終見直し日 and closes the December calendar task.
 */
export const lawReviews = pgTable(
  'law_reviews',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    year: integer('year').notNull(),
    status: text('status').$type<'open' | 'completed'>().notNull().default('open'),
    completedOn: date('completed_on'),
    completedByPersonId: uuid('completed_by_person_id').references(() => people.id),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('law_reviews_org_year_uq').on(t.organizationId, t.year)],
);

/** One entry's outcome in a 見直し: null until checked. */
export const lawReviewItems = pgTable(
  'law_review_items',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => lawReviews.id),
    lawId: uuid('law_id')
      .notNull()
      .references(() => laws.id),
    outcome: text('outcome').$type<LawReviewOutcome>(),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('law_review_items_review_law_uq').on(t.reviewId, t.lawId), index('law_review_items_org_idx').on(t.organizationId)],
);
