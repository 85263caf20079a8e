import { privateCompany } from '../data/specialClauses/privateCompany.ts';
import { toshimaCurrent } from '../data/specialClauses/toshimaCurrent.ts';
import { toshimaOrdinanceEra } from '../data/specialClauses/toshimaOrdinanceEra.ts';
import type { InspectionVariant, ProhibitOrRestrict, ReturnOrDispose, SpecialClauseChoiceKey, SpecialClauseTemplateSet, SpecialClauseText } from '../data/specialClauses/types.ts';

/**
 * The 個人情報特記事項 composer (SPEC M7, issue 13): given a template set (豊島区 資料A / 資料B,
 * or the private-company set built on J.9.4 3) and the contract's attributes, returns the
 * numbered articles with each article's chosen variant, the parties' names, the 業務名 and the
 * 取り扱う個人情報 filled in. Pure: the .docx and PDF writers only lay the result out.
 */

export const specialClauseTemplateSets = {
  toshimaOrdinanceEra,
  toshimaCurrent,
  privateCompany,
} as const satisfies Record<string, SpecialClauseTemplateSet>;
export type SpecialClauseTemplateCode = keyof typeof specialClauseTemplateSets;
export const specialClauseTemplateCodes = Object.keys(specialClauseTemplateSets) as SpecialClauseTemplateCode[];

/** The contract's attributes, one per article with variants. */
export type SpecialClauseChoices = {
  purposeUse: ProhibitOrRestrict;
  externalProvision: ProhibitOrRestrict;
  subcontracting: ProhibitOrRestrict;
  /** 制限 is the seed's ※2 (甲の承認); restrictToSpec its ※1 (仕様書に記載した範囲). */
  copying: ProhibitOrRestrict | 'restrictToSpec';
  takingOut: ProhibitOrRestrict;
  returnOrDisposal: ReturnOrDispose;
  inspection: InspectionVariant;
};

/** Defaults: the seeds' main text (禁止, 返還, no 規則第43条 paragraph). */
export const defaultSpecialClauseChoices: SpecialClauseChoices = {
  purposeUse: 'prohibit',
  externalProvision: 'prohibit',
  subcontracting: 'prohibit',
  copying: 'prohibit',
  takingOut: 'prohibit',
  returnOrDisposal: 'return',
  inspection: 'plain',
};

/** Japanese field names of the choices, for messages and the form. */
export const specialClauseChoiceLabels: Record<SpecialClauseChoiceKey, string> = {
  purposeUse: '目的外利用',
  externalProvision: '外部提供',
  subcontracting: '再委託',
  copying: '複写・複製',
  takingOut: '持ち出し',
  returnOrDisposal: '資料等の返還・廃棄',
  inspection: '立入検査',
};

/** Japanese names of the variants. */
export const specialClauseVariantLabels: Record<string, string> = {
  prohibit: '禁止',
  restrict: '制限（甲の承認による）',
  restrictToSpec: '制限（仕様書に記載した範囲）',
  return: '返還',
  dispose: '返還（困難な場合は承認を得て廃棄）',
  plain: '立入検査・調査',
  rule43: '立入検査・調査（規則第43条: 年1回以上の実地検査）',
};

export type SpecialClauseInput = {
  template: SpecialClauseTemplateCode;
  /** 特定個人情報を委託する: adds the articles marked `onlyWithSpecificPersonalInfo` (J.9.4 3 i)〜r)). */
  specificPersonalInfo?: boolean;
  choices: SpecialClauseChoices;
  /** 甲 (委託元). */
  principalName: string;
  /** 乙 (委託先). */
  contractorName: string;
  /** 業務名, replaces 「○○業務」. */
  businessName: string;
  /** 受託業務の処理のために甲から提供される個人情報 (項目). */
  providedItems: readonly string[];
  /** 受託業務の処理のために収集する個人情報 (項目). */
  collectedItems: readonly string[];
};

/** One line of an article: a paragraph (indent 0) or a list item (1: (1), 2: ア). */
export type SpecialClauseLine = { text: string; indent: 0 | 1 | 2 };
export type ComposedArticle = {
  key: string;
  number: number;
  /** 「第5条」. */
  label: string;
  /** 「目的外利用の禁止」. */
  title: string;
  /** The chosen variant's code, for articles with variants. */
  variant?: string;
  lines: SpecialClauseLine[];
};
export type ComposedSpecialClauses = { title: string; templateName: string; articles: ComposedArticle[] };
export type SpecialClauseProblem = { field: string; message: string };

const katakana = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const itemMark = (i: number) => katakana[i] ?? String(i + 1);
const otherCollected = 'その他受託業務の処理のために必要となる個人情報で、収集に当たって事前に甲と協議し、甲の承認を得たもの';
const scopeTail = '当該個人情報以外の個人情報の収集、保有、使用その他の取扱いをしてはならない。';

/** 第2条 (取り扱う個人情報の範囲等) in the seed's three forms: both lists, ※2 (収集のみ), ※3 (提供のみ). */
function handledInformationLines(provided: readonly string[], collected: readonly string[]): SpecialClauseLine[] {
  if (provided.length > 0 && collected.length > 0) {
    return [
      { text: `乙は、受託業務の処理に当たっては、次に掲げる個人情報に限り取り扱うことができるものとし、${scopeTail}`, indent: 0 },
      { text: '(1) 受託業務の処理のために甲から提供される次の個人情報', indent: 1 },
      ...provided.map((item, i) => ({ text: `${itemMark(i)} ${item}`, indent: 2 as const })),
      { text: '(2) 受託業務の処理のために収集する次の個人情報', indent: 1 },
      ...[...collected, otherCollected].map((item, i) => ({ text: `${itemMark(i)} ${item}`, indent: 2 as const })),
    ];
  }
  if (collected.length > 0) {
    return [
      { text: `乙は、受託業務の処理に当たっては、受託業務の処理のために収集する次の個人情報に限り取り扱うことができるものとし、${scopeTail}`, indent: 0 },
      ...[...collected, otherCollected].map((item, i) => ({ text: `(${i + 1}) ${item}`, indent: 1 as const })),
    ];
  }
  return [
    { text: `乙は、受託業務の処理に当たっては、受託業務の処理のために甲から提供される次の個人情報に限り取り扱うことができるものとし、${scopeTail}`, indent: 0 },
    ...provided.map((item, i) => ({ text: `(${i + 1}) ${item}`, indent: 1 as const })),
  ];
}

/**
 * 差し込み項目 of the organization's own template set (自社のひな型): the generator replaces them with
 * the parties' names and the 業務名. The built-in sets write the seeds' 「○○業務」「豊島区」 instead.
 */
export const specialClausePlaceholders = Object.freeze({ principal: '【委託元】', contractor: '【委託先】', business: '【業務名】' });

type FillNames = Pick<SpecialClauseInput, 'principalName' | 'contractorName' | 'businessName'>;

/** Fill the parties and the 業務名 into a seed text (or an organization's text with 差し込み項目). */
export function fill(text: string, input: FillNames): string {
  return text
    .replace('○○業務の受託事業者（以下「乙」という。）', `${input.businessName}の受託事業者である${input.contractorName}（以下「乙」という。）`)
    .replace('豊島区（以下「甲」という。）', `${input.principalName}（以下「甲」という。）`)
    .replace('委託者（以下「甲」という。）', `${input.principalName}（以下「甲」という。）`)
    .replaceAll('○○業務', input.businessName)
    .replaceAll(specialClausePlaceholders.principal, input.principalName)
    .replaceAll(specialClausePlaceholders.contractor, input.contractorName)
    .replaceAll(specialClausePlaceholders.business, input.businessName);
}

/** Variant codes an article of a template set offers (the ordinance-era set has no 規則第43条 text). */
export function availableVariants(template: SpecialClauseTemplateCode | SpecialClauseTemplateSet, key: SpecialClauseChoiceKey): string[] {
  const set = typeof template === 'string' ? specialClauseTemplateSets[template] : template;
  const article = set.articles.find((a) => a.key === key);
  return article?.kind === 'variant' ? Object.keys(article.variants).filter((v) => v !== 'rule43Subcontract') : [];
}

function paragraphsToLines(text: SpecialClauseText, input: FillNames): SpecialClauseLine[] {
  return text.paragraphs.flatMap((p, i) => {
    const [first, ...rest] = fill(p, input).split('\n');
    return [{ text: i === 0 ? (first ?? '') : `${i + 1} ${first}`, indent: 0 as const }, ...rest.map((r) => ({ text: r, indent: 0 as const }))];
  });
}

export type ComposeResult = { ok: true; value: ComposedSpecialClauses } | { ok: false; problems: SpecialClauseProblem[] };

export function composeSpecialClauses(input: SpecialClauseInput): ComposeResult {
  return composeSpecialClausesFrom(specialClauseTemplateSets[input.template], input);
}

/**
 * Composes a given template set (a built-in one, or a version of the organization's own set: 自社の
 * ひな型), as {@link composeSpecialClauses}.
 */
export function composeSpecialClausesFrom(set: SpecialClauseTemplateSet | undefined, input: Omit<SpecialClauseInput, 'template'>): ComposeResult {
  const problems: SpecialClauseProblem[] = [];
  if (!set) return { ok: false, problems: [{ field: 'template', message: 'ひな型が選択されていません。' }] };
  if (input.businessName.trim() === '') problems.push({ field: 'businessName', message: '業務名を入力してください。' });
  if (input.principalName.trim() === '') problems.push({ field: 'principalName', message: '委託元（甲）の名称を入力してください。' });
  if (input.contractorName.trim() === '') problems.push({ field: 'contractorName', message: '委託先（乙）の名称を入力してください。' });
  // Only a set that lists 取り扱う個人情報 needs the items (an organization's own set may have removed that article).
  const listsHandledInformation = set.articles.some((a) => a.kind === 'handledInformation');
  if (listsHandledInformation && input.providedItems.length === 0 && input.collectedItems.length === 0) {
    problems.push({ field: 'providedItems', message: '取り扱う個人情報を1項目以上指定してください（台帳の項目の紐付けを確認してください）。' });
  }
  for (const key of Object.keys(specialClauseChoiceLabels) as SpecialClauseChoiceKey[]) {
    const offered = availableVariants(set, key);
    if (offered.length > 0 && !offered.includes(input.choices[key])) {
      problems.push({
        field: key,
        message: `${specialClauseChoiceLabels[key]}: このひな型では「${specialClauseVariantLabels[input.choices[key]] ?? input.choices[key]}」を選べません（${offered.map((v) => specialClauseVariantLabels[v] ?? v).join('、')}のいずれか）。`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const included = set.articles.filter((a) => !(a.kind === 'fixed' && a.onlyWithSpecificPersonalInfo) || input.specificPersonalInfo === true);
  const articles = included.map((article, i): ComposedArticle => {
    const number = i + 1;
    const label = `第${number}条`;
    if (article.kind === 'fixed') return { key: article.key, number, label, title: article.text.title, lines: paragraphsToLines(article.text, input) };
    if (article.kind === 'handledInformation') {
      const lines = handledInformationLines(input.providedItems, input.collectedItems);
      for (const [j, p] of article.extraParagraphs.entries()) lines.push({ text: `${j + 2} ${fill(p, input)}`, indent: 0 });
      return { key: article.key, number, label, title: article.title, lines };
    }
    let variant: string = input.choices[article.key];
    // 資料B 第14条 ※2: with 規則第43条 and 再委託 allowed, the 第2項 on 再委託先 is added.
    if (variant === 'rule43' && input.choices.subcontracting === 'restrict' && article.variants.rule43Subcontract) variant = 'rule43Subcontract';
    const text = article.variants[variant] as SpecialClauseText;
    return { key: article.key, number, label, title: text.title, variant, lines: paragraphsToLines(text, input) };
  });
  return { ok: true, value: { title: set.title, templateName: set.name, articles } };
}

/** Plain text of the composed articles (for tests, previews and the PDF). */
export function specialClausesText(doc: ComposedSpecialClauses): string {
  return [doc.title, ...doc.articles.flatMap((a) => [`（${a.title}）`, ...a.lines.map((l, i) => (i === 0 ? `${a.label} ${l.text}` : l.text))])].join('\n');
}
