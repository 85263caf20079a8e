/**
 * 必須記載事項チェッカーの共通部 (SPEC §5.5 Required-item checkers): 個人情報保護方針 (J.2.2 2
 * a)〜h)), 取得時の必要通知事項 (J.8.5 1 a)〜h)), 委託契約 (J.9.4 3, 豊島区 守るべき事項 2.),
 * 公表事項 (J.10.3 a)〜g)) — and later ones such as the management-review inputs (J.6.3 3 a)〜f)) —
 * all answer the same question: which required items a document lacks, each with its clause and
 * the seed's wording. Pure: the server stores the ticked items, the web previews the same result.
 */

/** One required item of a document, in the seed's wording. */
export type RequiredItem = {
  /** Stable code, e.g. `J.8.5-1-c`, `J.9.4-3-a`. */
  code: string;
  /** The clause reference as shown (「J.8.5 1 c)」). */
  clause: string;
  /** The item's text as the seed writes it. */
  text: string;
  /** Words whose presence in a pasted text suggests the item is covered (a hint, shown as such). */
  keywords: readonly string[];
  /**
   * The condition under which the item is required (「…する場合には」), e.g. `thirdPartyProvision`;
   * absent when the item is always required.
   */
  appliesWhen?: string;
};

/** A document as a checker sees it. */
export type RequiredItemsInput = {
  /** Codes of the items the person ticked (or filled) as present in the document. */
  ticked: readonly string[];
  /** The document's text, scanned for each item's keywords. */
  text?: string | null;
  /**
   * The conditions of conditional items the person answered (e.g. `{ thirdPartyProvision: false }`:
   * 第三者提供は予定しない). A conditional item is required unless its condition is answered `false`:
   * an unanswered question never hides an item.
   */
  conditions?: Readonly<Record<string, boolean>>;
};

/** How an item was found present. */
export type ItemCoverage = 'ticked' | 'text';

export type RequiredItemsResult<T extends RequiredItem = RequiredItem> = {
  /** Version of the item list the check ran against. */
  version: string;
  /** Items the document lacks, in the order of the list, each with its clause and text. */
  missing: T[];
  /** Items found present and how (ticked by the person, or a keyword found in the text). */
  present: { item: T; by: ItemCoverage; keyword?: string }[];
  /** Conditional items not required because their condition was answered `false`. */
  notApplicable: T[];
};

/** Folds the width of digits, letters and spaces, so 「再委託」 is found in text pasted from any source. */
export function normalizeForScan(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Lists the missing items of a document against a list of required items.
 *
 * @example
 * checkRequiredItems('v1', items, { ticked: ['J.8.5-1-a'] }).missing.map((i) => i.clause)
 */
export function checkRequiredItems<T extends RequiredItem>(version: string, items: readonly T[], input: RequiredItemsInput): RequiredItemsResult<T> {
  const ticked = new Set(input.ticked);
  const text = input.text ? normalizeForScan(input.text) : '';
  const result: RequiredItemsResult<T> = { version, missing: [], present: [], notApplicable: [] };
  for (const item of items) {
    if (item.appliesWhen && input.conditions?.[item.appliesWhen] === false) {
      result.notApplicable.push(item);
      continue;
    }
    if (ticked.has(item.code)) {
      result.present.push({ item, by: 'ticked' });
      continue;
    }
    const keyword = text ? item.keywords.find((k) => text.includes(normalizeForScan(k))) : undefined;
    if (keyword) result.present.push({ item, by: 'text', keyword });
    else result.missing.push(item);
  }
  return result;
}

/** The Japanese line a screen or an error shows for a missing item: 「J.8.5 1 c) 利用目的」. */
export function missingItemLabel(item: RequiredItem): string {
  return `${item.clause} ${item.text}`;
}
