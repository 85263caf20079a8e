import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/db/columns.ts';
import { sharedExchangeColumns } from './contractorPortal.tables.ts';
import type { PublishedCriterion } from './criteriaNotices.labels.ts';

/**
 * 評価基準の改定のお知らせ (issue #13 「回答を一度にして複数の委託元に共有」; J.9.4 s) 委託先の選定基準の
 * 見直し): when a 委託元 (`organization_id`) approves a new version of its criteria, one row per accepted
 * link tells the 委託先 (`counterparty_organization_id`) the version — its name, number and items, as the
 * 委託元 exposes them to its 委託先, nothing else (not the 出典, not who drafted or approved it). Shared
 * by the two organizations under the shared-table RLS policy (platform/db/tenancySql.ts), like the
 * exchanges: a third organization sees 0 rows, and the 委託先 never reads the 委託元's criteria tables.
 */
export const contractorPortalCriteriaNotices = pgTable(
  'contractor_portal_criteria_notices',
  {
    /** `counterparty_organization_id`: the 委託先's organization (the link's, when the version was approved). */
    ...sharedExchangeColumns(),
    /** The version's key (`org-criteria-<n>`), as 調査票 snapshots record it. */
    criteriaVersion: text('criteria_version').notNull(),
    versionNo: integer('version_no').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').$type<PublishedCriterion[]>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // One notice per link and version: approving is the only way a version is published, once.
    uniqueIndex('contractor_portal_criteria_notices_link_version_uq').on(t.linkId, t.criteriaVersion),
    index('contractor_portal_criteria_notices_counterparty_idx').on(t.counterpartyOrganizationId, t.publishedAt),
  ],
);
