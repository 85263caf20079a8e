import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { PublicItemsFacts } from '../../rules/publicItems/publicItems.ts';

/**
 * 公開窓口の設定 (issue #14 M5): the organization's public page — its address (`slug`, the part of
 * `/p/<slug>`), whether it is published, and the settings its 公表事項 (J.10.3 a)〜g)) are generated
 * from. One per organization; a slug is unique across organizations (the page is found by it
 * before any organization is known).
 */
export const portalSettings = pgTable(
  'portal_settings',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    slug: text('slug').notNull(),
    published: boolean('published').notNull().default(false),
    facts: jsonb('facts').$type<PublicItemsFacts>().notNull(),
    /** 通知文 (M6) whose latest published version the page shows with a consent form (J.8.5 j)). */
    consentNoticeIds: uuid('consent_notice_ids').array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('portal_settings_org_uq').on(t.organizationId), uniqueIndex('portal_settings_slug_uq').on(t.slug)],
);

/**
 * 受付の控え: the follow-up link of a request sent from the public page. Only the SHA-256 of its
 * secret token is kept (a leaked table opens no request); the request is M5's, referenced by id.
 */
export const portalReceipts = pgTable(
  'portal_receipts',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    requestId: uuid('request_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('portal_receipts_token_uq').on(t.tokenHash), index('portal_receipts_request_idx').on(t.organizationId, t.requestId)],
);

/**
 * 同意の撤回用URL: a consent given on the public page (M6 notice_consents, referenced by id) and the
 * SHA-256 of the secret of the link that withdraws it, given once to the person.
 */
export const portalConsentLinks = pgTable(
  'portal_consent_links',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    consentId: uuid('consent_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('portal_consent_links_token_uq').on(t.tokenHash), index('portal_consent_links_consent_idx').on(t.organizationId, t.consentId)],
);
