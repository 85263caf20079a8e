import { type ContractClauseItem, contractClausesVersion, jisqContractItems, jisqSpecificContractItems, toshimaContractItems } from '../data/contractorClauses.ts';
import { checkRequiredItems, type ItemCoverage, type RequiredItemsResult } from '../requiredItems/requiredItems.ts';

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
export type ClauseCoverage = ItemCoverage;

/** The shared result shape of the required-item checkers (SPEC §5.5, `../requiredItems/`). */
export type ContractClauseResult = RequiredItemsResult<ContractClauseItem>;

/** The items a contract must contain: a)〜h), i)〜r) with 特定個人情報, and 豊島区 (1)〜(8). */
export function requiredContractItems(specificPersonalInfo: boolean): ContractClauseItem[] {
  return [...jisqContractItems, ...(specificPersonalInfo ? jisqSpecificContractItems : []), ...toshimaContractItems];
}

/**
 * Lists the missing items of a contract.
 *
 * @example
 * checkContractClauses({ ticked: ['J.9.4-3-a'], specificPersonalInfo: false }).missing.map((i) => i.clause)
 * // → ['J.9.4 3 b)', …, '豊島区 守るべき事項 2.(8)']
 */
export function checkContractClauses(input: ContractClauseInput): ContractClauseResult {
  return checkRequiredItems(contractClausesVersion, requiredContractItems(input.specificPersonalInfo), { ticked: input.ticked, text: input.text });
}

/** Whether a code names a known item (the schema refuses unknown ticks). */
export function isContractClauseCode(code: string): boolean {
  return requiredContractItems(true).some((item) => item.code === code);
}
