import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import type { CorrectiveSource, CorrectiveStatus } from './corrective.labels.ts';

/**
 * 是正処置実施記録 (M10, J.7.1): a nonconformity from any source (J.7.1 g) 1)〜4)) with what J.7.1
 * 1 a)〜e) asks for — the correction, the investigation and root cause, similar nonconformities,
 * the plan, its implementation and the review of its effectiveness. The plan and the result
 * each go through the approvals engine (J.7.1 h)).
 */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 管理番号, e.g. `CA-2026-0001`. */
    number: text('number').notNull(),
    sourceType: text('source_type').$type<CorrectiveSource>().notNull(),
    /** The record it came from (an incident id today; audit findings, checks and complaints as those modules land). */
    sourceId: uuid('source_id'),
    /** Free reference to the source (指摘番号, 苦情受付番号 …). */
    sourceRef: text('source_ref'),
    /** 当該所属: its 所属長 writes the root cause and plan (J.7.1 h) 2)). */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    title: text('title').notNull(),
    /** 不適合の内容. */
    content: text('content').notNull(),
    /** J.7.1 1 a) 不適合の修正・結果への対処. */
    correction: text('correction'),
    /** J.7.1 1 b) 2) 根本原因. */
    rootCause: text('root_cause'),
    /** J.7.1 1 b) 3) 類似の不適合の有無・発生の可能性. */
    similarCases: text('similar_cases'),
    /** J.7.1 1 c) 処置計画. */
    plan: text('plan'),
    dueOn: date('due_on'),
    /** J.7.1 h) 4) 実施内容 and date. */
    implementation: text('implementation'),
    implementedOn: date('implemented_on'),
    /** J.7.1 1 d), h) 6) 有効性のレビュー（効果確認）by the 個人情報保護管理者. */
    effectivenessReview: text('effectiveness_review'),
    effective: boolean('effective'),
    effectivenessReviewedOn: date('effectiveness_reviewed_on'),
    effectivenessReviewedByPersonId: uuid('effectiveness_reviewed_by_person_id').references(() => people.id),
    status: text('status').$type<CorrectiveStatus>().notNull().default('draft'),
    /** 発見者 (J.7.1 h) 1)). */
    reportedByPersonId: uuid('reported_by_person_id')
      .notNull()
      .references(() => people.id),
    reportedByAccountId: uuid('reported_by_account_id').references(() => accounts.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('corrective_actions_number_uq').on(t.organizationId, t.number),
    index('corrective_actions_org_status_idx').on(t.organizationId, t.status, t.dueOn),
    // An incident opens one corrective action from its cause (M4 outputs); a second request returns the first.
    uniqueIndex('corrective_actions_incident_uq').on(t.organizationId, t.sourceId).where(sql`source_type = 'incident'`),
  ],
);
