import { diffChars } from 'diff';
import { type ContractClauseItem, jisqContractItems, jisqSpecificContractItems } from '../data/contractorClauses.ts';
import { privateCompany } from '../data/specialClauses/privateCompany.ts';
import type { SpecialClauseArticle, SpecialClauseTemplateSet, SpecialClauseText } from '../data/specialClauses/types.ts';
import { checkContractClauses } from './contractClauses.ts';
import { fill, specialClauseChoiceLabels, specialClausePlaceholders, specialClauseVariantLabels } from './specialClauses.ts';

/**
 * 自社のひな型 (issue 13 「a private company gets its own editable template set built the same way
 * (J.9.4 3 wording)」): the organization's own 個人情報特記事項, started as a copy of the built-in
 * 民間事業者向け set. The articles and their variants (禁止 / 制限, 返還 / 廃棄 …) keep the built-in
 * structure; the organization edits each title and paragraph. Pure: the server validates with it
 * and the web editor previews the same errors.
 *
 * The parties and the 業務名 are 差し込み項目 (【委託元】【委託先】【業務名】) the generator fills;
 * 取り扱う個人情報 (第2条's list) is always composed from the linked 台帳 entries.
 */

/** One article as edited: every variant's title and paragraphs (a fixed article has the one variant `text`). */
export type EditableVariant = { code: string; title: string; paragraphs: string[] };
export type EditableArticle = { key: string; variants: EditableVariant[] };

/** The variant code of an article without variants. */
export const SINGLE_VARIANT = 'text';

/** Limits (the editor shows them; the server refuses beyond them, never cuts). */
export const TEMPLATE_LIMITS = Object.freeze({ title: 100, articleTitle: 60, paragraphs: 12, paragraph: 2000, note: 500 });

/** The J.9.4 3 item(s) each article of the built-in set carries (its wording must not be emptied). */
export const articleClauseItems: Readonly<Record<string, readonly ContractClauseItem[]>> = Object.freeze({
  basicDuty: jisqContractItems.filter((i) => i.code === 'J.9.4-3-a'),
  safetyMeasures: jisqContractItems.filter((i) => i.code === 'J.9.4-3-b'),
  subcontracting: jisqContractItems.filter((i) => i.code === 'J.9.4-3-c'),
  report: jisqContractItems.filter((i) => i.code === 'J.9.4-3-d'),
  inspection: jisqContractItems.filter((i) => i.code === 'J.9.4-3-e'),
  termination: jisqContractItems.filter((i) => i.code === 'J.9.4-3-f'),
  incident: jisqContractItems.filter((i) => i.code === 'J.9.4-3-g'),
  returnOrDisposal: jisqContractItems.filter((i) => i.code === 'J.9.4-3-h'),
  specificPersonalInfo: jisqSpecificContractItems,
});

/** The Japanese name of an article of the built-in structure: 「第4条（目的外利用）」. */
export function articleName(key: string, base: SpecialClauseTemplateSet = privateCompany): string {
  const index = base.articles.findIndex((a) => a.key === key);
  const article = base.articles[index];
  if (!article) return key;
  const name = article.kind === 'fixed' ? article.text.title : article.kind === 'handledInformation' ? article.title : specialClauseChoiceLabels[article.key];
  return `第${index + 1}条（${name}）`;
}

/** The Japanese name of a variant: 「禁止」「制限（甲の承認による）」; a fixed article's is empty. */
export const variantName = (code: string) =>
  code === SINGLE_VARIANT ? '' : (specialClauseVariantLabels[code] ?? (code === 'rule43Subcontract' ? '規則第43条（再委託を認める場合）' : code));

const textToEditable = (code: string, text: SpecialClauseText, names: Parameters<typeof fill>[1]): EditableVariant => ({
  code,
  title: text.title,
  paragraphs: text.paragraphs.map((p) => fill(p, names)),
});

/** A set's articles as the editor sees them; the seeds' 「○○業務」「委託者」 become 差し込み項目. */
export function editableArticles(set: SpecialClauseTemplateSet): EditableArticle[] {
  const names = { principalName: specialClausePlaceholders.principal, contractorName: specialClausePlaceholders.contractor, businessName: specialClausePlaceholders.business };
  return set.articles.map((article) => {
    if (article.kind === 'fixed') return { key: article.key, variants: [textToEditable(SINGLE_VARIANT, article.text, names)] };
    if (article.kind === 'handledInformation')
      return { key: article.key, variants: [{ code: SINGLE_VARIANT, title: article.title, paragraphs: article.extraParagraphs.map((p) => fill(p, names)) }] };
    return { key: article.key, variants: Object.entries(article.variants).map(([code, text]) => textToEditable(code, text, names)) };
  });
}

/** The starting point of every organization: the built-in 民間事業者向け set with 差し込み項目. */
export const defaultEditableArticles: readonly EditableArticle[] = Object.freeze(editableArticles(privateCompany));

/** The edited articles put back into the built-in structure (kinds, choices, 特定個人情報 only): a composable set. */
export function templateSetOf(articles: readonly EditableArticle[], meta: { name: string; title: string; source: string }): SpecialClauseTemplateSet {
  const edited = new Map(articles.map((a) => [a.key, a]));
  const variantOf = (key: string, code: string): EditableVariant | undefined => edited.get(key)?.variants.find((v) => v.code === code);
  const built = privateCompany.articles.map((article): SpecialClauseArticle => {
    if (article.kind === 'fixed') {
      const v = variantOf(article.key, SINGLE_VARIANT);
      return { ...article, text: v ? { title: v.title, paragraphs: v.paragraphs } : article.text };
    }
    if (article.kind === 'handledInformation') {
      const v = variantOf(article.key, SINGLE_VARIANT);
      return v ? { ...article, title: v.title, extraParagraphs: v.paragraphs } : article;
    }
    const variants = Object.fromEntries(
      Object.entries(article.variants).map(([code, text]) => {
        const v = variantOf(article.key, code);
        return [code, v ? { title: v.title, paragraphs: v.paragraphs } : text];
      }),
    );
    return { ...article, variants };
  });
  return { code: 'organization', name: meta.name, source: meta.source, title: meta.title, articles: built };
}

export type TemplateProblem = { path: (string | number)[]; message: string };

const PLACEHOLDER_PATTERN = /【[^【】]*】/g;
const knownPlaceholders = new Set<string>(Object.values(specialClausePlaceholders));
const placeholdersIn = (texts: readonly string[]) => new Set(texts.flatMap((t) => t.match(PLACEHOLDER_PATTERN) ?? []));

/**
 * Problems of an edited set, each naming the article (and variant) in Japanese:
 * - every article and variant of the built-in structure is there, once; nothing else;
 * - titles and paragraphs are not empty nor over-long (an article carrying a J.9.4 3 item says so:
 *   emptying it would drop the item from every contract made from the template);
 * - the 差し込み項目 the built-in article's variant contains (the parties, the 業務名) stay, and no
 *   unknown 【…】 is written (a misspelt 差し込み項目 would reach the contract unfilled).
 */
export function templateProblems(articles: readonly EditableArticle[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const expected = new Map(defaultEditableArticles.map((a) => [a.key, a]));
  const seen = new Set<string>();
  articles.forEach((article, ai) => {
    const base = expected.get(article.key);
    if (!base) {
      problems.push({ path: ['articles', ai, 'key'], message: `条文「${article.key}」はこのひな型にありません` });
      return;
    }
    const name = articleName(article.key);
    if (seen.has(article.key)) {
      problems.push({ path: ['articles', ai, 'key'], message: `${name}が重複しています` });
      return;
    }
    seen.add(article.key);
    const items = articleClauseItems[article.key] ?? [];
    const itemNote = items.length > 0 ? `（${items.map((i) => i.clause).join('・')}の条文のため空にはできません）` : '';
    const seenVariants = new Set<string>();
    article.variants.forEach((variant, vi) => {
      const baseVariant = base.variants.find((v) => v.code === variant.code);
      const where = `${name}${variantName(variant.code) ? `「${variantName(variant.code)}」` : ''}`;
      const at = (...rest: (string | number)[]) => ['articles', ai, 'variants', vi, ...rest];
      if (!baseVariant || seenVariants.has(variant.code)) {
        problems.push({ path: at('code'), message: `${name}に「${variantName(variant.code) || variant.code}」の変種はありません` });
        return;
      }
      seenVariants.add(variant.code);
      const title = variant.title.trim();
      if (title === '') problems.push({ path: at('title'), message: `${where}の見出しを入力してください${itemNote}` });
      else if ([...title].length > TEMPLATE_LIMITS.articleTitle)
        problems.push({ path: at('title'), message: `${where}の見出しは${TEMPLATE_LIMITS.articleTitle}文字以内で入力してください（${[...title].length}文字入力されています）` });
      const required = article.key !== 'handledInformation';
      if (required && variant.paragraphs.length === 0) problems.push({ path: at('paragraphs'), message: `${where}の条文を入力してください${itemNote}` });
      if (variant.paragraphs.length > TEMPLATE_LIMITS.paragraphs) problems.push({ path: at('paragraphs'), message: `${where}の項は${TEMPLATE_LIMITS.paragraphs}項までです` });
      variant.paragraphs.forEach((p, pi) => {
        const length = [...p].length;
        if (p.trim() === '') problems.push({ path: at('paragraphs', pi), message: `${where}の第${pi + 1}項を入力してください${itemNote}` });
        else if (length > TEMPLATE_LIMITS.paragraph)
          problems.push({
            path: at('paragraphs', pi),
            message: `${where}の第${pi + 1}項は${TEMPLATE_LIMITS.paragraph}文字以内で入力してください（${length}文字入力されています）`,
          });
      });
      const present = placeholdersIn([variant.title, ...variant.paragraphs]);
      for (const p of present)
        if (!knownPlaceholders.has(p))
          problems.push({ path: at('paragraphs'), message: `${where}の差し込み項目「${p}」は使えません（使えるのは${[...knownPlaceholders].join('')}です）` });
      for (const p of placeholdersIn([baseVariant.title, ...baseVariant.paragraphs]))
        if (!present.has(p)) problems.push({ path: at('paragraphs'), message: `${where}から差し込み項目「${p}」を消すことはできません（当事者の名称・業務名が入る箇所です）` });
    });
    for (const v of base.variants)
      if (!seenVariants.has(v.code)) problems.push({ path: ['articles', ai, 'variants'], message: `${name}の「${variantName(v.code) || v.code}」の条文がありません` });
  });
  for (const key of expected.keys()) if (!seen.has(key)) problems.push({ path: ['articles'], message: `${articleName(key)}がありません` });
  return problems;
}

/** The J.9.4 3 items the set no longer covers, by the contract clause check (§5.5) over all of its wording. */
export function templateClauseCheck(set: SpecialClauseTemplateSet): ContractClauseItem[] {
  const text = set.articles
    .flatMap((a) =>
      a.kind === 'fixed'
        ? [a.text.title, ...a.text.paragraphs]
        : a.kind === 'handledInformation'
          ? [a.title, ...a.extraParagraphs]
          : Object.values(a.variants).flatMap((v) => [v.title, ...v.paragraphs]),
    )
    .join('\n');
  // 特定個人情報 i)〜r): the set carries them in the article composed only when 特定個人情報 is entrusted.
  return checkContractClauses({ ticked: [], text, specificPersonalInfo: true }).missing.filter((i) => i.source !== 'toshima');
}

/** One changed text between two versions, with the characters removed and added (jsdiff). */
export type TemplateChange = {
  articleKey: string;
  /** 「第4条（目的外利用）「制限（甲の承認による）」」. */
  where: string;
  field: 'title' | 'paragraph';
  /** 第N項 (1-based) for a paragraph; null for the title. */
  paragraph: number | null;
  previousText: string | null;
  currentText: string | null;
  parts: { value: string; added: boolean; removed: boolean }[];
};

/** What changed from one version's articles to the next, article by article (見出し・項ごと). */
export function diffTemplateArticles(previous: readonly EditableArticle[], current: readonly EditableArticle[]): TemplateChange[] {
  const before = new Map(previous.map((a) => [a.key, a]));
  const changes: TemplateChange[] = [];
  for (const article of current) {
    for (const variant of article.variants) {
      const old = before.get(article.key)?.variants.find((v) => v.code === variant.code);
      const where = `${articleName(article.key)}${variantName(variant.code) ? `「${variantName(variant.code)}」` : ''}`;
      const change = (field: TemplateChange['field'], paragraph: number | null, a: string | null, b: string | null) => {
        if ((a ?? '') === (b ?? '')) return;
        const parts = diffChars(a ?? '', b ?? '').map((p) => ({ value: p.value, added: p.added === true, removed: p.removed === true }));
        changes.push({ articleKey: article.key, where, field, paragraph, previousText: a, currentText: b, parts });
      };
      change('title', null, old?.title ?? null, variant.title);
      const n = Math.max(old?.paragraphs.length ?? 0, variant.paragraphs.length);
      for (let i = 0; i < n; i++) change('paragraph', i + 1, old?.paragraphs[i] ?? null, variant.paragraphs[i] ?? null);
    }
  }
  return changes;
}
