import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { QuestionnaireAnswer } from '../../rules/contractors/questionnaire.ts';
import { sharedExchangeColumns } from './contractorPortal.tables.ts';
import type { ProfileCertificate, ProfileSection } from './questionnaire.labels.ts';

/**
 * 委託先のプロフィール (issue #13 「回答を一度にして複数の委託元に共有」): the 委託先 organization's own
 * 調査票 answers, certifications with their validity and security measures, kept in its own tenant
 * (no counterparty: no 委託元 reads this table). Its files (登録証, 規程) are attachments of owner
 * `contractor_profile`. One per organization.
 */
export const contractorPortalProfiles = pgTable(
  'contractor_portal_profiles',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /**
     * Answers to 評価項目 by number and wording (`text`: the item as the 委託元 asked it; several
     * 委託元 may word one number differently). Rows saved before the wording was kept have no `text`:
     * they answered the built-in 調査票 (profile.service reads them so).
     */
    questionnaireAnswers: jsonb('questionnaire_answers').$type<(QuestionnaireAnswer & { text?: string })[]>().notNull().default([]),
    certificates: jsonb('certificates').$type<ProfileCertificate[]>().notNull().default([]),
    securityMeasures: text('security_measures'),
    updatedByName: text('updated_by_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('contractor_portal_profiles_org_uq').on(t.organizationId)],
);

/**
 * What the 委託先 shares of its profile with one 委託元 (per link; nothing until it chooses). Shared
 * with that 委託元 (`counterparty_organization_id`), which reads only the sections named here.
 */
export const contractorPortalProfileShares = pgTable(
  'contractor_portal_profile_shares',
  {
    /** Spread first: `counterparty_organization_id` is the 委託元 the sections are shared with. */
    ...sharedExchangeColumns(),
    sections: jsonb('sections').$type<ProfileSection[]>().notNull().default([]),
    updatedAt: updatedAt(),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('contractor_portal_profile_shares_link_uq').on(t.organizationId, t.linkId)],
);
