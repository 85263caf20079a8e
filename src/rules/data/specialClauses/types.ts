/**
 * Shapes of the 個人情報特記事項 templates (SPEC M7, issue 13). Each template set is pure data in
 * the seed's wording (甲/乙, ○○業務, 豊島区 as the seed writes them); the composer
 * (`src/rules/contractors/specialClauses.ts`) fills in the parties, the 業務名 and the 取り扱う個人情報,
 * numbers the articles and picks each article's variant.
 */

/** An article's heading and paragraphs (the first paragraph without its 「第N条」). */
export type SpecialClauseText = { title: string; paragraphs: readonly string[] };

/** Which choice an article's variant answers. */
export type SpecialClauseChoiceKind = 'prohibitOrRestrict' | 'returnOrDispose' | 'inspection';

/** 禁止 / 制限 (目的外利用, 外部提供, 再委託, 複写・複製, 持ち出し). */
export type ProhibitOrRestrict = 'prohibit' | 'restrict';
/** 返還 / 廃棄 (資料等の返還義務; 廃棄 is the ただし書 variant). */
export type ReturnOrDispose = 'return' | 'dispose';
/** 立入検査: plain, or with the 規則第43条 paragraph (年1回以上の実地検査). */
export type InspectionVariant = 'plain' | 'rule43';

/** Stable keys of the articles that have variants. */
export type SpecialClauseChoiceKey = 'purposeUse' | 'externalProvision' | 'subcontracting' | 'copying' | 'takingOut' | 'returnOrDisposal' | 'inspection';

/**
 * `onlyWithSpecificPersonalInfo`: the article is composed only when 特定個人情報 is entrusted
 * (J.9.4 3 ただし書 i)〜r)); the others always.
 */
export type FixedArticle = { kind: 'fixed'; key: string; text: SpecialClauseText; onlyWithSpecificPersonalInfo?: true };
/** 第2条 取り扱う個人情報の範囲等: filled from the 取り扱う個人情報 list. */
export type HandledInformationArticle = { kind: 'handledInformation'; key: 'handledInformation'; title: string; extraParagraphs: readonly string[] };
export type VariantArticle = {
  kind: 'variant';
  key: SpecialClauseChoiceKey;
  choice: SpecialClauseChoiceKind;
  variants: Readonly<Record<string, SpecialClauseText>>;
};
export type SpecialClauseArticle = FixedArticle | HandledInformationArticle | VariantArticle;

export type SpecialClauseTemplateSet = {
  /** `organization`: the organization's own editable set (自社のひな型), a version of special_clause_templates. */
  code: 'toshimaOrdinanceEra' | 'toshimaCurrent' | 'privateCompany' | 'organization';
  /** Japanese name shown in the UI and the document. */
  name: string;
  /** Where the wording comes from. */
  source: string;
  title: string;
  articles: readonly SpecialClauseArticle[];
};
