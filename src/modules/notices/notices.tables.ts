import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { VersionStatus } from '../../rules/notices/versions.ts';
import type { ConsentChannel } from './notices.labels.ts';

/**
 * 通知文テンプレート (M6, J.8.5 取得時の必要通知事項): the 取得時の通知・同意文書 an organization
 * shows a person before it acquires their personal information in writing. Its text lives in
 * versions (below); the template carries the title.
 */
export const noticeTemplates = pgTable(
  'notice_templates',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 名称 (e.g. 「会員申込書の個人情報の取扱いについて」). */
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('notice_templates_org_title_idx').on(t.organizationId, t.title)],
);

/**
 * 通知文の版: a published version is never changed (a consent points to the exact text the person
 * saw); an edit of a published text opens the next draft (rules/notices/versions.ts planEdit).
 */
export const noticeVersions = pgTable(
  'notice_versions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => noticeTemplates.id),
    versionNo: integer('version_no').notNull(),
    status: text('status').$type<VersionStatus>().notNull().default('draft'),
    /** 本文. */
    body: text('body').notNull().default(''),
    /** Codes of the J.8.5 1 items ticked as present (rules/data/requiredItems.ts). */
    ticked: text('ticked').array().notNull().default([]),
    /** Answers to the conditional items (第三者提供・委託・開示等・容易に知覚できない方法). */
    conditions: jsonb('conditions').$type<Record<string, boolean>>().notNull().default({}),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notice_versions_template_no_uq').on(t.templateId, t.versionNo), index('notice_versions_org_idx').on(t.organizationId)],
);

/**
 * 同意記録 (J.8.5 1 「書面によって本人の同意を得る」, i)〜j)): who consented (name or an
 * identifier, encrypted at rest), the exact published version they consented to, the channel
 * (紙 / Web / 口頭), the date, and a withdrawal (date and channel).
 */
export const noticeConsents = pgTable(
  'notice_consents',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => noticeTemplates.id),
    /** The published version consented to (never a draft). */
    versionId: uuid('version_id')
      .notNull()
      .references(() => noticeVersions.id),
    /** 本人（氏名又は識別子）: personal data, encrypted (SPEC §9). */
    subject: encryptedText('subject_enc').notNull(),
    channel: text('channel').$type<ConsentChannel>().notNull(),
    consentedOn: date('consented_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    withdrawalChannel: text('withdrawal_channel').$type<ConsentChannel>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('notice_consents_org_template_idx').on(t.organizationId, t.templateId)],
);
