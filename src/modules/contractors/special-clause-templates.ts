import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { personNames } from '../../platform/approvals/approvers.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import {
  articleClauseItems,
  articleNameAt,
  defaultEditableArticles,
  diffTemplateArticles,
  diffTemplateStructure,
  type EditableArticle,
  handledInformationArticle,
  isCustomArticleKey,
  templateClauseCheck,
  templateSetOf,
  variantName,
} from '../../rules/contractors/specialClauseTemplate.ts';
import { templateReferenceWarnings } from '../../rules/contractors/specialClauseTemplateReferences.ts';
import { specialClausePlaceholders } from '../../rules/contractors/specialClauses.ts';
import { privateCompany } from '../../rules/data/specialClauses/privateCompany.ts';
import type { SpecialClauseTemplateSet } from '../../rules/data/specialClauses/types.ts';
import { ORGANIZATION_TEMPLATE_NAME, templateVersionLabel } from './special-clause-templates.labels.ts';
import type { templateListResponse, templateVersionResponse } from './special-clause-templates.responses.ts';
import type { SaveTemplateBody } from './special-clause-templates.schema.ts';
import { specialClauseTemplates } from './special-clause-templates.tables.ts';

// 自社のひな型 (個人情報特記事項, issue 13; J.9.4 3 「次に示す事項が盛り込まれた契約を締結する」): the
// organization's own template set, versioned. Every save is a new version and the newest is the one
// the generator's 「自社のひな型」 uses; the built-in 民間事業者向け set is 「既定」 until the first save.
// Each version is checked with the contract clause check (§5.5): the J.9.4 3 items it no longer
// covers are shown with their clause (a warning; emptied J.9.4 3 articles and dropped 差し込み項目
// are refused by the schema). Articles are numbered by their place in the version (added, removed,
// moved articles renumber the rest); a 「第N条」 (or 「前条」) in the wording that now means another
// article, or none, is a warning too — the wording is kept as typed. Each version says where its
// 取り扱う個人情報 article stands, for the hints that name it (第2条 unless moved or removed).

type Row = typeof specialClauseTemplates.$inferSelect;
type VersionView = z.output<typeof templateVersionResponse>;

/** The organization's template as the generator composes it, with the label of its version. */
export type OrganizationTemplate = { set: SpecialClauseTemplateSet; versionNo: number | null; versionLabel: string; articles: readonly EditableArticle[] };

const setOf = (title: string, articles: readonly EditableArticle[], versionNo: number | null): SpecialClauseTemplateSet =>
  templateSetOf(articles, { name: `${ORGANIZATION_TEMPLATE_NAME}（${templateVersionLabel(versionNo)}）`, title, source: privateCompany.source });

const builtIn = (): OrganizationTemplate => ({
  set: setOf(privateCompany.title, defaultEditableArticles, null),
  versionNo: null,
  versionLabel: templateVersionLabel(null),
  articles: defaultEditableArticles,
});

async function versionsOf(tx: Tx, organizationId: string): Promise<Row[]> {
  return tx.select().from(specialClauseTemplates).where(eq(specialClauseTemplates.organizationId, organizationId)).orderBy(desc(specialClauseTemplates.versionNo));
}

/** The version the generator's 「自社のひな型」 uses: the newest, else the built-in set (既定). */
export async function currentOrganizationTemplate(tx: Tx, organizationId: string): Promise<OrganizationTemplate> {
  const [row] = await tx
    .select()
    .from(specialClauseTemplates)
    .where(eq(specialClauseTemplates.organizationId, organizationId))
    .orderBy(desc(specialClauseTemplates.versionNo))
    .limit(1);
  if (!row) return builtIn();
  return { set: setOf(row.title, row.articles, row.versionNo), versionNo: row.versionNo, versionLabel: templateVersionLabel(row.versionNo), articles: row.articles };
}

const onlySpecific = new Set(privateCompany.articles.filter((a) => a.kind === 'fixed' && a.onlyWithSpecificPersonalInfo).map((a) => a.key));

function present(
  row: Pick<Row, 'id' | 'versionNo' | 'title' | 'note' | 'createdAt' | 'createdByPersonId'> | null,
  articles: readonly EditableArticle[],
  previous: { label: string; articles: readonly EditableArticle[] } | null,
  names: Map<string, string>,
): VersionView {
  const versionNo = row?.versionNo ?? null;
  const set = setOf(row?.title ?? privateCompany.title, articles, versionNo);
  return {
    id: row?.id ?? null,
    versionNo,
    versionLabel: templateVersionLabel(versionNo),
    title: set.title,
    note: row?.note ?? '',
    createdAt: row?.createdAt.toISOString() ?? null,
    createdByName: row?.createdByPersonId ? (names.get(row.createdByPersonId) ?? null) : null,
    articles: articles.map((a, i) => ({
      key: a.key,
      name: articleNameAt(articles, i),
      custom: isCustomArticleKey(a.key),
      clauses: (articleClauseItems[a.key] ?? []).map((i) => i.clause),
      onlyWithSpecificPersonalInfo: onlySpecific.has(a.key),
      variants: a.variants.map((v) => ({ code: v.code, label: variantName(v.code), title: v.title, paragraphs: v.paragraphs })),
    })),
    changesFrom: previous?.label ?? null,
    articleChanges: previous ? diffTemplateStructure(previous.articles, articles) : [],
    changes: previous ? diffTemplateArticles(previous.articles, articles) : [],
    referenceWarnings: templateReferenceWarnings(previous?.articles ?? null, articles).map((w) => ({ articleKey: w.articleKey, message: w.message })),
    missingItems: templateClauseCheck(set).map((i) => ({ code: i.code, clause: i.clause, text: i.text })),
    handledInfoArticle: handledInformationArticle(set),
  };
}

/** 特記事項のひな型: the version in use and every version newest first (既定 last), each with its changes. */
export async function listTemplates(tx: Tx, actor: Actor): Promise<z.output<typeof templateListResponse>> {
  const rows = await versionsOf(tx, actor.organizationId);
  const names = await personNames(
    tx,
    actor.organizationId,
    rows.map((r) => r.createdByPersonId),
  );
  const versions = rows.map((row, i) => {
    const before = rows[i + 1];
    const previous = before
      ? { label: templateVersionLabel(before.versionNo), articles: before.articles }
      : { label: templateVersionLabel(null), articles: defaultEditableArticles };
    return present(row, row.articles, previous, names);
  });
  const builtInView = present(null, defaultEditableArticles, null, names);
  return {
    current: versions[0] ?? builtInView,
    versions: [...versions, builtInView],
    placeholders: Object.values(specialClausePlaceholders),
    abilities: { edit: can(actor, 'contractors.criteria') },
  };
}

/** 保存: the edited set becomes the next version (the one in use); earlier versions never change. */
export async function saveTemplate(tx: Tx, actor: Actor, input: SaveTemplateBody, now: Date): Promise<VersionView> {
  const current = await currentOrganizationTemplate(tx, actor.organizationId);
  const versionNo = (current.versionNo ?? 0) + 1;
  const articles: EditableArticle[] = input.articles.map((a) => ({ key: a.key, variants: a.variants.map((v) => ({ code: v.code, title: v.title, paragraphs: v.paragraphs })) }));
  const [row] = await tx
    .insert(specialClauseTemplates)
    .values({ organizationId: actor.organizationId, versionNo, title: input.title, articles, note: input.note ?? '', createdByPersonId: actor.personId, createdAt: now })
    .returning();
  if (!row) throw new Error('special clause template write returned nothing');
  const names = await personNames(tx, actor.organizationId, [row.createdByPersonId]);
  return present(row, articles, { label: current.versionLabel, articles: current.articles }, names);
}
