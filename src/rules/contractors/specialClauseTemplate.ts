import { diffChars } from 'diff';
import { type ContractClauseItem, jisqContractItems, jisqSpecificContractItems } from '../data/contractorClauses.ts';
import { privateCompany } from '../data/specialClauses/privateCompany.ts';
import type { SpecialClauseArticle, SpecialClauseTemplateSet, SpecialClauseText } from '../data/specialClauses/types.ts';
import { checkContractClauses } from './contractClauses.ts';
import { fill, specialClauseChoiceLabels, specialClausePlaceholders, specialClauseVariantLabels } from './specialClauses.ts';

/**
 * 自社のひな型 (issue 13 「a private company gets its own editable template set built the same way
 * (J.9.4 3 wording)」): the organization's own 個人情報特記事項, started as a copy of the built-in
 * 民間事業者向け set. The built-in articles keep their variants (禁止 / 制限, 返還 / 廃棄 …); the
 * organization edits each title and paragraph, adds articles of its own (plain: a heading and
 * paragraphs, no variants — variants answer the generator's fixed choices), removes articles and
 * reorders them. Articles are numbered by their place (第N条); the references between them (「第N条」
 * 「前条」) are checked in specialClauseTemplateReferences.ts. Pure: the server validates with it and
 * the web editor previews the same errors and warnings.
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
export const TEMPLATE_LIMITS = Object.freeze({ title: 100, articles: 40, articleTitle: 60, paragraphs: 12, paragraph: 2000, note: 500 });

/**
 * Keys of the articles an organization adds (「custom-1」): stable from version to version, so the
 * diff follows an added article when it is moved or reworded.
 */
const CUSTOM_ARTICLE_KEY = /^custom-[1-9][0-9]{0,5}$/;
export const isCustomArticleKey = (key: string): boolean => CUSTOM_ARTICLE_KEY.test(key);

/** The key of a new article: the next number after every custom key the set (or its history) used. */
export function newCustomArticleKey(keys: readonly string[]): string {
  const used = keys.filter(isCustomArticleKey).map((k) => Number(k.slice('custom-'.length)));
  return `custom-${used.length > 0 ? Math.max(...used) + 1 : 1}`;
}

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

/** The name of a built-in article without its number (「目的外利用」), undefined for an added one. */
export function builtInArticleTitle(key: string): string | undefined {
  const article = privateCompany.articles.find((a) => a.key === key);
  if (!article) return undefined;
  return article.kind === 'fixed' ? article.text.title : article.kind === 'handledInformation' ? article.title : specialClauseChoiceLabels[article.key];
}

/** 「（目的外利用）」's inside for any article: the built-in name, or an added article's heading as typed. */
export function articleTitleOf(article: EditableArticle): string {
  return builtInArticleTitle(article.key) ?? (article.variants[0]?.title.trim() || '見出しのない条');
}

/** The Japanese name of the article at `index` of an edited set, numbered by its place: 「第4条（目的外利用）」. */
export function articleNameAt(articles: readonly EditableArticle[], index: number): string {
  const article = articles[index];
  return article ? `第${index + 1}条（${articleTitleOf(article)}）` : `第${index + 1}条`;
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

/**
 * The edited articles as a composable set, in their order: a built-in article keeps its kind,
 * choices and 特定個人情報 condition with the edited wording; an added article is a plain one; a
 * removed article is not there (the generator then numbers the rest 第1条, 第2条…).
 */
export function templateSetOf(articles: readonly EditableArticle[], meta: { name: string; title: string; source: string }): SpecialClauseTemplateSet {
  const builtIn = new Map(privateCompany.articles.map((a) => [a.key, a]));
  const built = articles.flatMap((edited): SpecialClauseArticle[] => {
    const variantOf = (code: string): EditableVariant | undefined => edited.variants.find((v) => v.code === code);
    const article = builtIn.get(edited.key);
    if (!article) {
      const v = variantOf(SINGLE_VARIANT);
      return v ? [{ kind: 'fixed', key: edited.key, text: { title: v.title, paragraphs: v.paragraphs } }] : [];
    }
    if (article.kind === 'fixed') {
      const v = variantOf(SINGLE_VARIANT);
      return [{ ...article, text: v ? { title: v.title, paragraphs: v.paragraphs } : article.text }];
    }
    if (article.kind === 'handledInformation') {
      const v = variantOf(SINGLE_VARIANT);
      return [v ? { ...article, title: v.title, extraParagraphs: v.paragraphs } : article];
    }
    const variants = Object.fromEntries(
      Object.entries(article.variants).map(([code, text]) => {
        const v = variantOf(code);
        return [code, v ? { title: v.title, paragraphs: v.paragraphs } : text];
      }),
    );
    return [{ ...article, variants }];
  });
  return { code: 'organization', name: meta.name, source: meta.source, title: meta.title, articles: built };
}

export type TemplateProblem = { path: (string | number)[]; message: string };

const PLACEHOLDER_PATTERN = /【[^【】]*】/g;
const knownPlaceholders = new Set<string>(Object.values(specialClausePlaceholders));
const placeholdersIn = (texts: readonly string[]) => new Set(texts.flatMap((t) => t.match(PLACEHOLDER_PATTERN) ?? []));

/**
 * Problems of an edited set, each naming the article (by its place, 「第4条（目的外利用）」) and variant
 * in Japanese:
 * - 1 to {@link TEMPLATE_LIMITS}.articles articles, each a built-in one or an added one (custom-N), once;
 *   a built-in article may be removed (the J.9.4 3 check then warns of the item it carried), but a
 *   built-in article that is there has every variant of its structure, once; an added one has one
 *   plain text (no variants);
 * - titles and paragraphs are not empty nor over-long (an article carrying a J.9.4 3 item says so:
 *   emptying it would drop the item from every contract made from the template);
 * - the 差し込み項目 the built-in article's variant contains (the parties, the 業務名) stay, and no
 *   unknown 【…】 is written (a misspelt 差し込み項目 would reach the contract unfilled).
 */
export function templateProblems(articles: readonly EditableArticle[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const expected = new Map(defaultEditableArticles.map((a) => [a.key, a]));
  if (articles.length === 0) problems.push({ path: ['articles'], message: '条文を1条以上入力してください' });
  if (articles.length > TEMPLATE_LIMITS.articles) problems.push({ path: ['articles'], message: `条は${TEMPLATE_LIMITS.articles}条までです（${articles.length}条あります）` });
  const seen = new Set<string>();
  articles.forEach((article, ai) => {
    const custom = isCustomArticleKey(article.key);
    const base = expected.get(article.key) ?? (custom ? { key: article.key, variants: [{ code: SINGLE_VARIANT, title: '', paragraphs: [] }] } : undefined);
    if (!base) {
      problems.push({ path: ['articles', ai, 'key'], message: `第${ai + 1}条の条文「${article.key}」はこのひな型にありません` });
      return;
    }
    const name = articleNameAt(articles, ai);
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
        problems.push({
          path: at('code'),
          message: custom ? `${name}は追加した条のため、変種（禁止・制限など）は持てません` : `${name}に「${variantName(variant.code) || variant.code}」の変種はありません`,
        });
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
      if (!seenVariants.has(v.code))
        problems.push({ path: ['articles', ai, 'variants'], message: `${name}の${variantName(v.code) ? `「${variantName(v.code)}」の` : ''}条文がありません` });
  });
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
  /** 「第4条（目的外利用）「制限（甲の承認による）」」, numbered by the article's place in the newer version. */
  where: string;
  field: 'title' | 'paragraph';
  /** 第N項 (1-based) for a paragraph; null for the title. */
  paragraph: number | null;
  previousText: string | null;
  currentText: string | null;
  parts: { value: string; added: boolean; removed: boolean }[];
};

/**
 * What changed in the wording from one version's articles to the next, article by article (見出し・項
 * ごと), for the articles both versions have. Added and removed articles are
 * {@link diffTemplateStructure}'s.
 */
export function diffTemplateArticles(previous: readonly EditableArticle[], current: readonly EditableArticle[]): TemplateChange[] {
  const before = new Map(previous.map((a) => [a.key, a]));
  const changes: TemplateChange[] = [];
  current.forEach((article, ai) => {
    const old = before.get(article.key);
    if (!old) return;
    for (const variant of article.variants) {
      const oldVariant = old.variants.find((v) => v.code === variant.code);
      const where = `${articleNameAt(current, ai)}${variantName(variant.code) ? `「${variantName(variant.code)}」` : ''}`;
      const change = (field: TemplateChange['field'], paragraph: number | null, a: string | null, b: string | null) => {
        if ((a ?? '') === (b ?? '')) return;
        const parts = diffChars(a ?? '', b ?? '').map((p) => ({ value: p.value, added: p.added === true, removed: p.removed === true }));
        changes.push({ articleKey: article.key, where, field, paragraph, previousText: a, currentText: b, parts });
      };
      change('title', null, oldVariant?.title ?? null, variant.title);
      const n = Math.max(oldVariant?.paragraphs.length ?? 0, variant.paragraphs.length);
      for (let i = 0; i < n; i++) change('paragraph', i + 1, oldVariant?.paragraphs[i] ?? null, variant.paragraphs[i] ?? null);
    }
  });
  return changes;
}

/** An article added, removed or moved between two versions (条の追加・削除・移動). */
export type TemplateArticleChange = {
  kind: 'added' | 'removed' | 'moved';
  /** 「条の追加」「条の削除」「条の移動」. */
  label: string;
  articleKey: string;
  /** The article's name where it is: the newer version's 第N条, or the older's for a removed one. */
  where: string;
  previousNumber: number | null;
  currentNumber: number | null;
  /** The article's wording (見出し and 項; every variant for a built-in article with variants). */
  text: string;
};

const structureLabels = { added: '条の追加', removed: '条の削除', moved: '条の移動' } as const;

/** An article as text: 「（見出し）」 then 「1　…」; each variant under 【禁止】… for a built-in article with variants. */
export function articleText(article: EditableArticle): string {
  return article.variants
    .map((v) => {
      const label = variantName(v.code);
      const lines = v.paragraphs.map((p, i) => (v.paragraphs.length > 1 ? `${i + 1}　${p}` : p));
      return [`${label ? `【${label}】` : ''}（${v.title}）`, ...lines].join('\n');
    })
    .join('\n');
}

/** The longest common subsequence of two key sequences (the articles that kept their relative order). */
function keptInOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) (table[i] as number[])[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, table[i]?.[j + 1] ?? 0);
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i] as string);
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return kept;
}

/**
 * Articles added, removed and moved from one version to the next. An article counts as moved when
 * its order among the articles both versions have changed (the fewest such articles: the longest
 * common subsequence stays), not when only its number shifted because another article was added or
 * removed before it. In the order of the newer version, a removed article where it stood.
 */
export function diffTemplateStructure(previous: readonly EditableArticle[], current: readonly EditableArticle[]): TemplateArticleChange[] {
  const currentKeys = new Set(current.map((a) => a.key));
  const previousIndex = new Map(previous.map((a, i) => [a.key, i]));
  const common = (list: readonly EditableArticle[]) => list.map((a) => a.key).filter((k) => currentKeys.has(k) && previousIndex.has(k));
  const kept = keptInOrder(common(previous), common(current));
  const changes: (TemplateArticleChange & { order: number })[] = [];
  const push = (kind: TemplateArticleChange['kind'], article: EditableArticle, where: string, previousNumber: number | null, currentNumber: number | null, order: number) =>
    changes.push({ kind, label: structureLabels[kind], articleKey: article.key, where, previousNumber, currentNumber, text: articleText(article), order });
  previous.forEach((article, i) => {
    if (!currentKeys.has(article.key)) push('removed', article, articleNameAt(previous, i), i + 1, null, i - 0.5);
  });
  current.forEach((article, i) => {
    const before = previousIndex.get(article.key);
    if (before === undefined) push('added', article, articleNameAt(current, i), null, i + 1, i);
    else if (!kept.has(article.key)) push('moved', article, articleNameAt(current, i), before + 1, i + 1, i);
  });
  return changes.sort((a, b) => a.order - b.order).map(({ order: _, ...change }) => change);
}

/** Where 取り扱う個人情報 stands in the documents a set composes: the article's heading and numbers. */
export type HandledInformationArticle = {
  title: string;
  /** 第N条 as the set numbers it (every article counted: the editor's number, and a document's when 特定個人情報 is entrusted). */
  number: number;
  /** 第N条 in a document without 特定個人情報 (the 特定個人情報 article is left out: a later article moves up one). */
  numberWithoutSpecificPersonalInfo: number;
};

/**
 * The article that lists 取り扱う個人情報 (第2条 of the built-in sets, filled from the 委託先's linked 台帳
 * entries), where the set has it — numbered as composeSpecialClausesFrom numbers the articles it
 * includes. Null when the organization removed it: the generator then leaves 取り扱う個人情報 out of
 * the document altogether, and a hint must not send the reader to a 第2条 that lists something else.
 */
export function handledInformationArticle(set: SpecialClauseTemplateSet): HandledInformationArticle | null {
  const index = set.articles.findIndex((a) => a.kind === 'handledInformation');
  const article = set.articles[index];
  if (article?.kind !== 'handledInformation') return null;
  const onlySpecificBefore = set.articles.slice(0, index).filter((a) => a.kind === 'fixed' && a.onlyWithSpecificPersonalInfo).length;
  return { title: article.title, number: index + 1, numberWithoutSpecificPersonalInfo: index + 1 - onlySpecificBefore };
}
