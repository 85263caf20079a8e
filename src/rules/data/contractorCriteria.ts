/**
 * 委託先の評価基準 (委託先審査表, J.9.4 1・s)・t)) — the default versioned criteria set: 世田谷区
 * の指定管理者が用いる「個人情報管理状況調査票」の評価項目 1〜9 (seeds/000), in the seed's
 * wording. An organization's own criteria set (J.9.4 s) 「毎年 12 月に委託先の選定基準を見直し」)
 * is a new version of the same shape; answers record the version they were scored against.
 */

/** One item of a criteria set (評価項目). */
export type ContractorCriterion = {
  /** Stable code within the set, e.g. `1`. */
  code: string;
  text: string;
  /**
   * An item that, when met, stands for the rest (調査票 1: 「プライバシーマークを取得しているか
   * （取得していない場合は、以下項目に該当しているか）」): its 不適 is not a failure in itself,
   * it only means every other item must be answered.
   */
  coversOthers?: boolean;
};

/** A versioned criteria set (委託先審査表の評価基準). */
export type ContractorCriteriaSet = {
  version: string;
  name: string;
  /** Where the wording comes from. */
  source: string;
  items: readonly ContractorCriterion[];
};

/** 個人情報管理状況調査票 (世田谷区, seeds/000): the 9 評価項目, Mamori's default criteria. */
export const setagayaQuestionnaire: ContractorCriteriaSet = Object.freeze({
  version: 'setagaya-questionnaire-1',
  name: '個人情報管理状況調査票',
  source: '世田谷区 指定管理者 提案書「個人情報管理状況調査票」',
  items: Object.freeze([
    { code: '1', text: 'プライバシーマークを取得しているか（取得していない場合は、以下項目に該当しているか）', coversOthers: true },
    { code: '2', text: '継続的な取引があるか' },
    { code: '3', text: '個人情報の漏えい防止策の実施有無' },
    { code: '4', text: '過去に個人情報の漏えいまたは紛失が無いこと' },
    { code: '5', text: '個人情報に関する事故発生時の担当窓口と責任者の設置' },
    { code: '6', text: '個人情報にアクセス（利用）できる従業員の限定' },
    { code: '7', text: '個人情報の保管場所、保管方法及び取扱い方法の明定' },
    { code: '8', text: '個人情報に関する事故発生時の当社への速やかな連絡体制の整備' },
    { code: '9', text: '個人情報の私有、複製、目的外利用の禁止徹底' },
  ] satisfies ContractorCriterion[]),
});

/** The criteria set a new evaluation uses unless the organization has its own. */
export const defaultContractorCriteria = setagayaQuestionnaire;

/** 評価 of one item. */
export const criterionAnswers = ['suitable', 'unsuitable', 'not_applicable'] as const;
export type CriterionAnswer = (typeof criterionAnswers)[number];
export const criterionAnswerLabels: Readonly<Record<CriterionAnswer, string>> = Object.freeze({
  suitable: '適',
  unsuitable: '不適',
  not_applicable: '該当なし',
});
