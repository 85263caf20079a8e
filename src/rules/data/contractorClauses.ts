/**
 * Clause data of the contract clause check (委託契約の必須事項, SPEC M7, issue 13), in the seeds'
 * wording:
 * - PA01 J.9.4 3 a)〜h) (seeds/003): what every 委託契約 must contain, and i)〜r) which the
 *   contract must add when 特定個人情報 is entrusted (「特定個人情報の適正な取扱いに関するガイドライン
 *   （事業者編）」が示す事項);
 * - 豊島区「業務の委託に係る個人情報の安全確保のために守るべき事項」(令和5年3月2日 全部改正,
 *   seeds/002) 2.「契約書に次の事項を明記すること。」(1)〜(8).
 *
 * Each item has keywords: a pasted contract text counts as covering the item when it contains one
 * of them (a hint, shown as such; a ticked clause is the person's own statement). Frozen under
 * {@link contractClausesVersion}; a new edition adds a version instead of editing this one.
 */

/** Version of the clause lists: PA01 第4版 and 豊島区 守るべき事項 (令和5年3月2日). */
export const contractClausesVersion = 'contract-clauses-2023-03';

/** Where an item comes from. */
export type ContractClauseSource = 'jisq' | 'jisq_specific' | 'toshima';

/** One required item of a 委託契約. */
export type ContractClauseItem = {
  /** Stable code, e.g. `J.9.4-3-a`, `toshima-2-1`. */
  code: string;
  source: ContractClauseSource;
  /** The clause reference as shown (「J.9.4 3 a)」「豊島区 守るべき事項 2.(1)」). */
  clause: string;
  /** The item's text as the seed writes it. */
  text: string;
  /** Words whose presence in a pasted contract suggests the item is covered. */
  keywords: readonly string[];
};

const jisq = (letter: string, text: string, keywords: readonly string[], specific = false): ContractClauseItem =>
  Object.freeze({ code: `J.9.4-3-${letter}`, source: specific ? 'jisq_specific' : 'jisq', clause: `J.9.4 3 ${letter})`, text, keywords: Object.freeze(keywords) });

/** J.9.4 3 a)〜h): 次に示す事項が盛り込まれた契約を締結する。 */
export const jisqContractItems: readonly ContractClauseItem[] = Object.freeze([
  jisq('a', '委託者及び受託者の責任の明確化', ['責任', '責務']),
  jisq('b', '個人データの安全管理に関する事項', ['安全管理', '安全確保']),
  jisq('c', '再委託に関する事項', ['再委託']),
  jisq('d', '個人データの取扱状況に関する委託者への報告の内容及び頻度', ['取扱状況', '報告']),
  jisq('e', '契約内容が遵守されていることを委託者が、定期的に、及び適宜に確認できる事項', ['遵守状況', '確認', '監査', '立入検査', '検査']),
  jisq('f', '契約内容が遵守されなかった場合の措置', ['契約の解除', '契約解除', '損害賠償']),
  jisq('g', '事件・事故が発生した場合の報告・連絡に関する事項', ['事故', '事件', '漏えい']),
  jisq('h', '契約終了後の措置', ['返還', '返却', '廃棄', '消去']),
]);

/**
 * J.9.4 3 ただし書 i)〜r): when 特定個人情報 is entrusted, 「特定個人情報の適正な取扱いに関する
 * ガイドライン（事業者編）」が示す以下の事項を契約によって規定し…
 */
export const jisqSpecificContractItems: readonly ContractClauseItem[] = Object.freeze([
  jisq('i', '秘密保持義務', ['秘密保持', '守秘'], true),
  jisq('j', '委託する業務の遂行に必要な範囲を超える事業所内からの特定個人情報の持ち出しの禁止', ['持ち出し', '持出し', '持出'], true),
  jisq('k', '特定個人情報の目的外利用の禁止', ['目的外利用', '目的外'], true),
  jisq('l', '再委託における条件', ['再委託'], true),
  jisq('m', '漏えい等事案が発生した場合の委託先の責任', ['漏えい等', '漏えい'], true),
  jisq('n', '委託終了後の特定個人情報の返却又は廃棄', ['返却', '返還', '廃棄'], true),
  jisq('o', '従業者に対する監督・教育', ['教育', '研修', '監督'], true),
  jisq('p', '契約内容の遵守状況についての報告', ['遵守状況', '報告'], true),
  jisq('q', '特定個人情報を取扱う従業者の明確化', ['従業者の明確化', '作業従事者', '従事者名簿', '従業者を特定', '従事者を特定'], true),
  jisq('r', '委託者が委託先に対して実地の調査を行うことの明確化', ['実地', '立入検査', '立入調査'], true),
]);

const toshima = (n: number, text: string, keywords: readonly string[]): ContractClauseItem =>
  Object.freeze({ code: `toshima-2-${n}`, source: 'toshima', clause: `豊島区 守るべき事項 2.(${n})`, text, keywords: Object.freeze(keywords) });

/** 豊島区 守るべき事項 2. 契約書に次の事項を明記すること。(1)〜(8). */
export const toshimaContractItems: readonly ContractClauseItem[] = Object.freeze([
  toshima(1, '個人情報に関する秘密保持、利用目的以外の目的のための利用の禁止等の義務', ['秘密保持', '目的外利用', '目的以外']),
  toshima(2, '再委託の制限又は事前承認等再委託に係る条件に関する事項（再委託先が委託先の子会社である場合も含む。）', ['再委託']),
  toshima(3, '個人情報の複製等の制限に関する事項', ['複製', '複写']),
  toshima(4, '個人情報の安全管理に関する事項', ['安全管理', '安全確保']),
  toshima(5, '個人情報の漏えい等の事案の発生時における対応に関する事項', ['漏えい', '事故']),
  toshima(6, '委託終了時における個人情報の消去及び媒体の返却に関する事項', ['消去', '返却', '返還', '廃棄']),
  toshima(7, '法令及び契約に違反した場合における契約解除、損害賠償責任その他必要な事項', ['契約解除', '契約の解除', '損害賠償']),
  toshima(
    8,
    '契約内容の順守状況についての定期的報告に関する事項及び委託先における委託された個人情報の取扱状況を把握するための監督等に関する事項（再委託の監督等に関する事項を含む。）',
    ['遵守状況', '順守状況', '定期的報告', '監督'],
  ),
]);

/** Every item by code. */
export const contractClauseItems: readonly ContractClauseItem[] = Object.freeze([...jisqContractItems, ...jisqSpecificContractItems, ...toshimaContractItems]);

/** Labels of the item sources, as the checklist groups them. */
export const contractClauseSourceLabels: Readonly<Record<ContractClauseSource, string>> = Object.freeze({
  jisq: 'JIS Q 15001 J.9.4 3 a)〜h)',
  jisq_specific: 'J.9.4 3 i)〜r)（特定個人情報を委託する場合）',
  toshima: '豊島区 守るべき事項 2.（契約書に明記すること）',
});
