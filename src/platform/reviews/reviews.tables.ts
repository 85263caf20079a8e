import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ReviewDiff } from '../../rules/inventoryRules.ts';
import { createdAt, id, organizationId, updatedAt } from '../db/columns.ts';
import { departments, organizations, people } from '../org/org.tables.ts';
import type { RecordStatus, ReviewDecision, ReviewSubject } from './reviews.schema.ts';

// The yearly review's table (毎年12月の見直し, J.3.1.1 留意事項, J.3.1.3), shared by the subjects
// that plug a provider into the review engine (reviews.service.ts): the 台帳 (M1) and the
// リスク分析対策表 (M2).

export type { RecordStatus, ReviewDecision, ReviewSubject } from './reviews.schema.ts';

/** One item of a review: an entry (or an analysis) the department head confirms or changes. */
export type ReviewItem = {
  subjectId: string;
  label: string;
  decision: ReviewDecision;
  note: string | null;
  /** The change request (M1) filed for it during the review. */
  requestId: string | null;
  decidedByPersonId: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
};

/** Diff of a review against last year: the engine's (M1) or the risk module's (M2). */
export type StoredReviewDiff = { subject: ReviewSubject; baselineLabel: string; inventory?: ReviewDiff; risk?: unknown };

/**
 * 毎年12月の見直し (J.3.1.1 留意事項, J.3.1.3): one per department, subject and year. The head
 * confirms or changes each item; the review is approved (M1: 個人情報保護管理者; M2: 個人情報保護管理者
 * → トップマネジメント) and keeps the diff against last year.
 */
export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    subject: text('subject').$type<ReviewSubject>().notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    year: integer('year').notNull(),
    status: text('status').$type<RecordStatus>().notNull().default('draft'),
    items: jsonb('items').$type<ReviewItem[]>().notNull().default([]),
    /** Last year's state (what the diff compares against) and this year's, taken at submission. */
    baseline: jsonb('baseline').$type<unknown>(),
    snapshot: jsonb('snapshot').$type<unknown>(),
    diff: jsonb('diff').$type<StoredReviewDiff>(),
    startedByPersonId: uuid('started_by_person_id').references(() => people.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_reviews_uq').on(t.organizationId, t.subject, t.departmentId, t.year), index('annual_reviews_org_year_idx').on(t.organizationId, t.year)],
);
