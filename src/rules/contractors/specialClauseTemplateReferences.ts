import japaneseNumeralsToNumber from 'japanese-numerals-to-number';
import { articleNameAt, articleTitleOf, type EditableArticle, variantName } from './specialClauseTemplate.ts';

/**
 * References between the articles of 自社のひな型 (issue 13). The set's articles are numbered by their
 * place, so adding, removing or moving an article changes what 「第3条」 or 「前条」 in the wording
 * means. The wording is never rewritten (a person decides how to word a reference): these warnings
 * say where a reference no longer means what it did, or means nothing. Pure: the server returns them
 * with each version and the editor previews them.
 */

/** A reference in the wording, as typed (「第十四条」「前条」): kept for the warnings, which quote it. */
export type TemplateReferenceWarning = { articleKey: string; cited: string; message: string };

const ARABIC = '[0-9０-９]{1,3}';
// 漢数字 as contracts write them: 「十四」「二十一」「百」, positional 「二〇」, and the 大字 of legal documents.
const KANJI = '[〇一二三四五六七八九十百千壱弐参拾]{1,8}';
/**
 * 「第N条」 citing an article of this set, N in Arabic, full-width or 漢数字 digits. Not one of a law or
 * another document (「施行規則第7条」「契約書第十四条」「条例第5条」): the character before it ends such a
 * name (also 「約款」「要綱」). 「第十条の二」 is an article with a branch number (枝番号) — only when a number follows 「の」 and
 * is not the start of a word (「第3条の一部」 is 第3条): a 漢字 other than 第・項・号 right after it ends it.
 */
const ARTICLE_REFERENCE = new RegExp(`(?<![法律則令例約書程定款綱])第(${ARABIC}|${KANJI})条(?:の(${ARABIC}|${KANJI})(?!(?![第項号])[\\u3400-\\u9fff々]))?`, 'g');

/** The number a 「第N条」 writes, or undefined for a malformed 漢数字 (「第十十条」: not read as any article). */
function numberOf(digits: string): number | undefined {
  if (/^[0-9０-９]+$/.test(digits)) return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  try {
    return japaneseNumeralsToNumber(digits);
  } catch {
    return undefined;
  }
}

/** One 「第N条」 (or 「第N条のM」) in a text: as typed, its number, its branch number (枝番号) if any. */
export type ArticleReference = { typed: string; number: number; branch: number | null };

/** The 「第N条」 of a text, each number once (the first way it is typed), in the order they appear. */
export function articleReferencesIn(text: string): ArticleReference[] {
  const found = new Map<string, ArticleReference>();
  for (const m of text.matchAll(ARTICLE_REFERENCE)) {
    const number = numberOf(m[1] ?? '');
    const branch = m[2] === undefined ? null : numberOf(m[2]);
    if (number === undefined || branch === undefined) continue;
    const id = `${number}-${branch ?? ''}`;
    if (!found.has(id)) found.set(id, { typed: m[0], number, branch });
  }
  return [...found.values()];
}

/**
 * 「前条」「次条」「前二条」: the article(s) just before or after the one that says it. Not 「前条件」
 * 「事前条件」 (a 条件), nor a 条例・条約. 「前各条」 (the built-in 特定個人情報 article: 「前各条に定める
 * もののほか」) is not one: it means every article before, whichever they are, so adding or removing
 * one does not change what it says.
 */
const RELATIVE_REFERENCE = /(?<![事以])(前|次)([二三四五六七八九2-9２-９])?条(?![件例約])/g;

/** One relative reference: as typed, and which articles it means relative to the index of its own. */
export type RelativeReference = { typed: string; targets: (index: number) => number[] };

/** The 「前条」「次条」「前二条」 of a text, each once, in the order they appear. */
export function relativeReferencesIn(text: string): RelativeReference[] {
  const found = new Map<string, RelativeReference>();
  for (const m of text.matchAll(RELATIVE_REFERENCE)) {
    const typed = m[0];
    if (found.has(typed)) continue;
    const [, direction, count] = m;
    if (direction === '次') {
      if (count !== undefined) continue; // 「次二条」 is not written.
      found.set(typed, { typed, targets: (i) => [i + 1] });
    } else {
      const n = count === undefined ? 1 : (numberOf(count) ?? 1);
      found.set(typed, { typed, targets: (i) => Array.from({ length: n }, (_, k) => i - n + k) });
    }
  }
  return [...found.values()];
}

/** One text of an article (its heading or a 項) with the same text in the version before, if it had it. */
type Wording = { articleKey: string; where: string; text: string; oldText: string | undefined; index: number; previousIndex: number };

function wordingsOf(previous: readonly EditableArticle[] | null, current: readonly EditableArticle[]): Wording[] {
  const before = new Map((previous ?? []).map((a, i) => [a.key, { article: a, index: i }]));
  return current.flatMap((article, index) =>
    article.variants.flatMap((variant) => {
      const at = `${articleNameAt(current, index)}${variantName(variant.code) ? `「${variantName(variant.code)}」` : ''}`;
      const old = before.get(article.key);
      const oldVariant = old?.article.variants.find((v) => v.code === variant.code);
      const base = { articleKey: article.key, index, previousIndex: old?.index ?? -1 };
      return [
        { ...base, where: `${at}の見出し`, text: variant.title, oldText: oldVariant?.title },
        ...variant.paragraphs.map((p, pi) => ({ ...base, where: `${at}の第${pi + 1}項`, text: p, oldText: oldVariant?.paragraphs[pi] })),
      ];
    }),
  );
}

const SUFFIX = '。引用している条文は書き換えていません';

/**
 * 「第N条」 (also 「第十四条」「第２条第１項」): a number beyond the last article, a branch number (the
 * set has no 「第十条の二」), or a number the text already had in `previous` (same article, variant and
 * 項) whose article is no longer 第N条 — moved to 第M条, or removed. A reference typed anew is taken to
 * mean the new numbering.
 */
function numberedWarnings(previous: readonly EditableArticle[] | null, current: readonly EditableArticle[], w: Wording): TemplateReferenceWarning[] {
  const carried = new Set(w.oldText === undefined ? [] : articleReferencesIn(w.oldText).map((r) => r.number));
  return articleReferencesIn(w.text).flatMap((ref): TemplateReferenceWarning[] => {
    const warn = (message: string) => [{ articleKey: w.articleKey, cited: ref.typed, message }];
    if (ref.branch !== null) return warn(`${w.where}が引用する${ref.typed}はありません（このひな型の条は第1条から第${current.length}条までの番号で、枝番号はありません）`);
    if (ref.number < 1 || ref.number > current.length) return warn(`${w.where}が引用する${ref.typed}はありません（このひな型は第${current.length}条までです）`);
    const target = previous?.[ref.number - 1];
    if (!carried.has(ref.number) || !target) return [];
    const now = current.findIndex((a) => a.key === target.key);
    const was = `${ref.typed}（${articleTitleOf(target)}）`;
    if (now === -1) return warn(`${w.where}が引用する${was}は削除されました${SUFFIX}`);
    if (now !== ref.number - 1) return warn(`${w.where}が引用する${was}は第${now + 1}条になりました${SUFFIX}`);
    return [];
  });
}

/** 「第3条（安全管理措置）・第4条（目的外利用）」: the articles at these places, or undefined when one is not there. */
function namesAt(articles: readonly EditableArticle[], indexes: number[]): { keys: string[]; names: string } | undefined {
  if (indexes.some((i) => i < 0 || i >= articles.length)) return undefined;
  return { keys: indexes.map((i) => (articles[i] as EditableArticle).key).sort(), names: indexes.map((i) => articleNameAt(articles, i)).join('・') };
}

/**
 * 「前条」「次条」「前二条」「前各条」: a reference with no article there (「前条」 in 第1条), or one the
 * text already had in `previous` that now means other articles (as a set: 「前二条」 is the two of them) — because the article was moved, or
 * the one before or after it was added, removed or moved. Compared by the articles meant, not their
 * numbers: an article added before both leaves 「前条」 meaning the same article.
 */
function relativeWarnings(previous: readonly EditableArticle[] | null, current: readonly EditableArticle[], w: Wording): TemplateReferenceWarning[] {
  const carried = new Set(w.oldText === undefined ? [] : relativeReferencesIn(w.oldText).map((r) => r.typed));
  return relativeReferencesIn(w.text).flatMap((ref): TemplateReferenceWarning[] => {
    const warn = (message: string) => [{ articleKey: w.articleKey, cited: ref.typed, message }];
    const now = namesAt(current, ref.targets(w.index));
    const then = previous && carried.has(ref.typed) && w.previousIndex !== -1 ? namesAt(previous, ref.targets(w.previousIndex)) : null;
    // Typed anew (or in a new article), or pointing nowhere before and now: only a reference to nothing is said.
    if (then === null || (!then && !now)) return now ? [] : warn(`${w.where}の「${ref.typed}」が指す条はありません（このひな型は第1条から第${current.length}条までです）`);
    if (then && now && then.keys.join() === now.keys.join()) return [];
    const was = then ? `以前は${then.names}を指していましたが` : '以前は指す条がありませんでしたが';
    const is = now ? `今は${now.names}を指します` : '今は指す条がありません';
    return warn(`${w.where}の「${ref.typed}」は、${was}、${is}${SUFFIX}`);
  });
}

/**
 * Warnings for the references in the wording of `current` (「第N条」 in any digits, 「前条」「次条」
 * 「前二条」), comparing with `previous` (the version it was edited from; null when there is
 * none): only where a reference means nothing, or means other articles than it did.
 */
export function templateReferenceWarnings(previous: readonly EditableArticle[] | null, current: readonly EditableArticle[]): TemplateReferenceWarning[] {
  return wordingsOf(previous, current).flatMap((w) => [...numberedWarnings(previous, current, w), ...relativeWarnings(previous, current, w)]);
}
