import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations, people } from '../../platform/org/org.tables.ts';
import type { PolicyKind } from '../../rules/policy/policyChecker.ts';
import type { PolicyStatus } from './policy.labels.ts';

/**
 * 個人情報保護方針の版 (J.2.2, issue 14): the 内部向け and the 外部向け policy, each a sequence of
 * versions. A version is written as a draft, approved by トップマネジメント through the approvals
 * engine (J.2.2 1), then published; publishing a version marks the previous published one of the
 * same kind 改訂済み. A published or superseded version is never changed.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    kind: text('kind').$type<PolicyKind>().notNull(),
    versionNo: integer('version_no').notNull(),
    status: text('status').$type<PolicyStatus>().notNull().default('draft'),
    /** 本文. */
    body: text('body').notNull().default(''),
    /** Codes of the J.2.2 2 items declared present (rules/data/requiredItems.ts). */
    ticked: text('ticked').array().notNull().default([]),
    /** J.2.2 2 f) トップマネジメントの氏名. */
    topManagementName: text('top_management_name'),
    /** J.2.2 2 g) 制定年月日. */
    establishedOn: date('established_on'),
    /** J.2.2 2 g) 最終改正年月日. */
    lastRevisedOn: date('last_revised_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('policy_versions_org_kind_no_uq').on(t.organizationId, t.kind, t.versionNo), index('policy_versions_org_status_idx').on(t.organizationId, t.status)],
);

/**
 * 周知の確認 (J.2.2 3 「トップマネジメントは、個人情報保護方針を文書化した情報を、財団内に周知する」):
 * one row per person and published version — who pressed 「内容を確認しました」 and when, from which
 * account. The 運用記録 that proves 周知 to an auditor; a new version starts with no rows.
 */
export const policyAcknowledgements = pgTable(
  'policy_acknowledgements',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => policyVersions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('policy_acknowledgements_version_person_uq').on(t.versionId, t.personId), index('policy_acknowledgements_org_idx').on(t.organizationId, t.versionId)],
);
