import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { FindingSeverity, InspectionMethod } from './contractor-inspections.labels.ts';
import { contractors } from './contractors.tables.ts';

/**
 * 実地検査 / 立入検査 of a 委託先 (issue 13): 豊島区 守るべき事項 5. 「少なくとも年 1 回以上、原則として実地検査
 * により確認する」, 特記事項 資料B 第14条 (施設等の立入検査又は調査に応じる義務, 規則第43条の段), J.9.4 委託先の
 * 監督 — when, by whom, what was looked at and how, and the overall result. Its findings are rows of
 * {@link contractorInspectionFindings}.
 */
export const contractorInspections = pgTable(
  'contractor_inspections',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => contractors.id),
    /** 検査日. */
    inspectedOn: date('inspected_on').notNull(),
    /** 検査者 (as written: the 委託元's people, or an outside auditor). */
    inspectors: text('inspectors').notNull(),
    /** 検査の範囲 (作業の管理体制・実施体制・個人情報の管理の状況 …). */
    scope: text('scope').notNull(),
    method: text('method').$type<InspectionMethod>().notNull(),
    /** 検査の結果 (総評). */
    result: text('result').notNull(),
    recordedByPersonId: uuid('recorded_by_person_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contractor_inspections_contractor_idx').on(t.organizationId, t.contractorId, t.inspectedOn)],
);

/**
 * 指摘事項 of a 実地検査: its 区分 (重大・軽微・観察事項) and content. A finding may open one 是正処置
 * (J.7.1 g)), linked from the corrective action by `source_id` = the finding's id.
 */
export const contractorInspectionFindings = pgTable(
  'contractor_inspection_findings',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => contractorInspections.id),
    /** Order on the record (1, 2, …). */
    position: integer('position').notNull(),
    severity: text('severity').$type<FindingSeverity>().notNull(),
    description: text('description').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contractor_inspection_findings_inspection_idx').on(t.organizationId, t.inspectionId)],
);
