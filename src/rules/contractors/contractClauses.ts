import { type ContractClauseItem, contractClausesVersion, jisqContractItems, jisqSpecificContractItems, toshimaContractItems } from '../data/contractorClauses.ts';

/**
 * 委託契約の必須事項チェック (SPEC M7 「Contract clause check」, issue 13): which of the J.9.4 3
 * a)〜h) items (and i)〜r) when 特定個人情報 is entrusted) and of the 豊島区 守るべき事項 2.(1)〜(8)
 * a contract lacks. Pure: the server stores the ticked clauses, the web previews the same result.
 */

/** A contract as the check sees it. */
export type ContractClauseInput = {
  /** Codes of the items the person ticked as present in the contract (see `../data/contractorClauses.ts`). */
  ticked: readonly string[];
  /** The contract text (or its 特記事項) pasted in; scanned for each item's keywords. */
  text?: string | null;
  /** 特定個人情報を委託する: adds J.9.4 3 i)〜r). */
  specificPersonalInfo: boolean;
};

/** How an item was found present. */
export type ClauseCoverage = 'ticked' | 'text';

export type ContractClauseResult = {
  version: string;
  /** Items the contract lacks, in the order of the lists, each with its clause and text. */
  missing: ContractClauseItem[];
  /** Items found present and how (ticked by the person, or a keyword found in the pasted text). */
  present: { item: ContractClauseItem; by: ClauseCoverage; keyword?: string }[];
};

/** The items a contract must contain: a)〜h), i)〜r) with 特定個人情報, and 豊島区 (1)〜(8). */
export function requiredContractItems(specificPersonalInfo: boolean): ContractClauseItem[] {
  return [...jisqContractItems, ...(specificPersonalInfo ? jisqSpecificContractItems : []), ...toshimaContractItems];
}

/** Folds the width of digits, letters and spaces, so 「再委託」 is found in text pasted from any source. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Lists the missing items of a contract.
 *
 * @example
 * checkContractClauses({ ticked: ['J.9.4-3-a'], specificPersonalInfo: false }).missing.map((i) => i.clause)
 * // → ['J.9.4 3 b)', …, '豊島区 守るべき事項 2.(8)']
 */
export function checkContractClauses(input: ContractClauseInput): ContractClauseResult {
  const ticked = new Set(input.ticked);
  const text = input.text ? normalize(input.text) : '';
  const result: ContractClauseResult = { version: contractClausesVersion, missing: [], present: [] };
  for (const item of requiredContractItems(input.specificPersonalInfo)) {
    if (ticked.has(item.code)) {
      result.present.push({ item, by: 'ticked' });
      continue;
    }
    const keyword = text ? item.keywords.find((k) => text.includes(normalize(k))) : undefined;
    if (keyword) result.present.push({ item, by: 'text', keyword });
    else result.missing.push(item);
  }
  return result;
}

/** Whether a code names a known item (the schema refuses unknown ticks). */
export function isContractClauseCode(code: string): boolean {
  return requiredContractItems(true).some((item) => item.code === code);
}
