import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RiskPhaseId, RiskThreatId } from '../../rules/data/riskCriteria.ts';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import type { RecordStatus } from '../../platform/reviews/reviews.schema.ts';
// The one table object of another module this module holds: the foreign key of
// risk_assessment_entries.entry_id (drizzle's `.references()` needs the column). Queries over
// the 台帳 go through inventory.exports.ts's functions.
import { inventoryEntries } from '../inventory/inventory.exports.ts';

/** A countermeasure (対策) with the regulation clauses it implements (PA01 J.3.1.3 h)). */
export type StoredCountermeasure = { text: string; refs: string[] };

/**
 * リスク分析対策表 for one 類型 (PA01 J.3.1.3 e) 「業務内容や媒体単位等の類似した個人情報を集約する」):
 * the inventory entries it covers, its risks per phase × threat, and the criteria version every
 * score was given under (J.3.1.3 1 b)). Approved 所属長 → 個人情報保護管理者 → トップマネジメント.
 */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** 類型の名称, e.g. 「顧客情報（紙・電子）」. */
    category: text('category').notNull(),
    description: text('description'),
    criteriaVersion: text('criteria_version').notNull(),
    typicalRisksVersion: text('typical_risks_version'),
    status: text('status').$type<RecordStatus>().notNull().default('draft'),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('risk_assessments_org_dept_idx').on(t.organizationId, t.departmentId, t.status)],
);

/** Which 台帳 entries (and which revision of each) an analysis covers. */
export const riskAssessmentEntries = pgTable(
  'risk_assessment_entries',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => riskAssessments.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => inventoryEntries.id),
    /** The entry revision analysed; a later change of the entry makes the status 要見直し. */
    entryRevision: integer('entry_revision').notNull(),
  },
  (t) => [uniqueIndex('risk_assessment_entries_uq').on(t.assessmentId, t.entryId), index('risk_assessment_entries_entry_idx').on(t.organizationId, t.entryId)],
);

/** One row of the リスク分析対策表: phase × threat, owner, likelihood × impact, countermeasures, residual risk. */
export const riskRecords = pgTable(
  'risk_records',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => riskAssessments.id, { onDelete: 'cascade' }),
    phase: text('phase').$type<RiskPhaseId>().notNull(),
    threat: text('threat').$type<RiskThreatId>().notNull(),
    risk: text('risk').notNull(),
    /** リスク所有者 (J.3.1.3 1 c) 3)): a person of the organization. */
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    /** 発生可能性 × 影響度 under `criteriaVersion` (scoreRisk). */
    score: integer('score').notNull(),
    criteriaVersion: text('criteria_version').notNull(),
    countermeasures: jsonb('countermeasures').$type<StoredCountermeasure[]>().notNull().default([]),
    residualDescription: text('residual_description'),
    /** 残存リスク対応策 (世田谷区 自己点検 No.2). */
    residualMeasure: text('residual_measure'),
    /** 次回モニタリング日 (J.3.1.4 留意事項: 残留リスクの管理). */
    residualMonitoringDate: date('residual_monitoring_date'),
    /** The typical risk it started from (data/typicalRisks.ts), if any. */
    typicalRiskId: text('typical_risk_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('risk_records_assessment_idx').on(t.organizationId, t.assessmentId, t.sortOrder),
    index('risk_records_monitoring_idx').on(t.organizationId, t.residualMonitoringDate),
  ],
);

/** 残留リスクのモニタリング記録 (J.3.1.4 留意事項「モニタリングし、レビューし…」). */
export const riskMonitoringLogs = pgTable(
  'risk_monitoring_logs',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    recordId: uuid('record_id')
      .notNull()
      .references(() => riskRecords.id, { onDelete: 'cascade' }),
    reviewedOn: date('reviewed_on').notNull(),
    note: text('note').notNull(),
    nextMonitoringDate: date('next_monitoring_date'),
    byPersonId: uuid('by_person_id').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('risk_monitoring_logs_record_idx').on(t.organizationId, t.recordId)],
);
