import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { QuestionnaireAnswer } from '../../rules/contractors/questionnaire.ts';
import type { ComplianceAnswer, ExchangeKind, ExchangeStatus, LinkStatus } from './contractorPortal.labels.ts';
import type { QuestionnaireCriteria, QuestionnaireFile } from './questionnaire.labels.ts';

/**
 * 委託先ポータルの接続 (issue #13): a 委託元 (`organization_id`) invites one of its 委託先 (its
 * contractors row) by e-mail; a user of the 委託先's own Mamori organization accepts, and from then
 * on the link names that organization (`counterparty_organization_id`). Both see the link (the
 * shared-table policy of platform/db/tenancySql.ts); a third organization never does. Only the
 * invitation token's SHA-256 is kept.
 */
export const contractorPortalLinks = pgTable(
  'contractor_portal_links',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    contractorId: uuid('contractor_id').notNull(),
    counterpartyOrganizationId: uuid('counterparty_organization_id').references(() => organizations.id),
    /** The address invited (the 委託先's contact): personal data, encrypted. */
    invitedEmail: encryptedText('invited_email_enc').notNull(),
    invitationTokenHash: text('invitation_token_hash').notNull(),
    invitationExpiresAt: timestamp('invitation_expires_at', { withTimezone: true }).notNull(),
    invitedByPersonId: uuid('invited_by_person_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    status: text('status').$type<LinkStatus>().notNull().default('invited'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('contractor_portal_links_token_uq').on(t.invitationTokenHash), index('contractor_portal_links_contractor_idx').on(t.organizationId, t.contractorId)],
);

/**
 * The columns every table shared across a 委託先ポータルの接続 repeats: the 委託元 (`organization_id`),
 * the 委託先 organization that accepted the link (`counterparty_organization_id`) and the link itself.
 * The shared-table RLS policy (platform/db/tenancySql.ts) lets exactly these two organizations see the
 * row. Spread first into each table, so the columns keep their place. It lives beside the links table
 * (not in a file of its own) because `link_id` references it: a separate file would import this one
 * while this one imports it for the exchanges.
 */
export function sharedExchangeColumns() {
  return {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    counterpartyOrganizationId: uuid('counterparty_organization_id')
      .notNull()
      .references(() => organizations.id),
    linkId: uuid('link_id')
      .notNull()
      .references(() => contractorPortalLinks.id),
  };
}

/**
 * やり取り: one thing the 委託元 asks its 委託先 for — the 特記事項遵守報告書 (Toshima 資料B③) first —
 * with its due date, the 委託先's answer and the 委託元's review. Shared by the two organizations.
 */
export const contractorPortalExchanges = pgTable(
  'contractor_portal_exchanges',
  {
    ...sharedExchangeColumns(),
    kind: text('kind').$type<ExchangeKind>().notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<ExchangeStatus>().notNull().default('requested'),
    requestedByPersonId: uuid('requested_by_person_id'),
    /** The 委託先's answers (遵守報告書: each item はい／いいえ with its details). */
    answers: jsonb('answers').$type<ComplianceAnswer[]>(),
    /** Who answered, as the 委託先 names them (their person belongs to their organization). */
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByPersonId: uuid('reviewed_by_person_id'),
    /** 調査票 (kind `questionnaire`): the 委託元's criteria set as sent (J.9.4 s) 選定基準). */
    criteria: jsonb('criteria').$type<QuestionnaireCriteria>(),
    /** 調査票: the 委託先's answers (はい／いいえ／該当なし with details). */
    questionnaireAnswers: jsonb('questionnaire_answers').$type<QuestionnaireAnswer[]>(),
    /** 調査票: the files sent with the answers (the 委託元's copies, attachments of owner `contractor_exchange`). */
    files: jsonb('files').$type<QuestionnaireFile[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contractor_portal_exchanges_org_idx').on(t.organizationId, t.status, t.dueOn),
    index('contractor_portal_exchanges_counterparty_idx').on(t.counterpartyOrganizationId, t.status),
  ],
);
