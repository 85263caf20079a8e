import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, organizationId } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { EditableArticle } from '../../rules/contractors/specialClauseTemplate.ts';

/**
 * 自社のひな型 (個人情報特記事項, issue 13; J.9.4 3 「次に示す事項が盛り込まれた契約を締結する」):
 * the versions of an organization's own template set. A version is never changed: each save adds the
 * next one, which becomes the one the generator uses (the newest). Until the first save the built-in
 * 民間事業者向け set is the organization's template (「既定」). Who saved it, when and why are kept.
 */
export const specialClauseTemplates = pgTable(
  'special_clause_templates',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    versionNo: integer('version_no').notNull(),
    /** The document title (「個人情報の取扱いに関する特記事項」). */
    title: text('title').notNull(),
    /** Every article's variants as edited (titles and paragraphs with 差し込み項目). */
    articles: jsonb('articles').$type<EditableArticle[]>().notNull(),
    /** 変更の内容・理由, as typed. */
    note: text('note').notNull().default(''),
    createdByPersonId: uuid('created_by_person_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('special_clause_templates_no_uq').on(t.organizationId, t.versionNo)],
);
