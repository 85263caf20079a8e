import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { ContractorCriterion } from '../../rules/data/contractorCriteria.ts';
import type { CriteriaStatus } from './contractor-criteria.labels.ts';

/**
 * 委託先の選定・評価基準の版 (J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、
 * 「委託先審査表」に定める」): the organization's own criteria sets. Until the first one is approved
 * the built-in 世田谷区 個人情報管理状況調査票 (rules/data/contractorCriteria.ts) is the criteria. A
 * version is edited as a draft (started from the current set), approved through the approvals engine
 * (record type `contractor_criteria`), then used by new evaluations and new 調査票; the version it
 * replaces becomes 過去の版. Evaluations keep the `version` key they were scored against.
 */
export const contractorCriteriaSets = pgTable(
  'contractor_criteria_sets',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    versionNo: integer('version_no').notNull(),
    /** The key evaluations (`criteria_version`) and 調査票 snapshots record: `org-criteria-<versionNo>`. */
    version: text('version').notNull(),
    name: text('name').notNull(),
    source: text('source').notNull().default(''),
    /** 評価項目 in order: code, text, and whether it stands for the others (調査票 1 プライバシーマーク). */
    items: jsonb('items').$type<ContractorCriterion[]>().notNull(),
    /** The version this one was started from (the criteria in force when the draft was opened). */
    basedOn: text('based_on').notNull(),
    status: text('status').$type<CriteriaStatus>().notNull().default('draft'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Who opened the draft. */
    createdByPersonId: uuid('created_by_person_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contractor_criteria_sets_no_uq').on(t.organizationId, t.versionNo),
    uniqueIndex('contractor_criteria_sets_version_uq').on(t.organizationId, t.version),
    index('contractor_criteria_sets_status_idx').on(t.organizationId, t.status),
  ],
);
