// Vocabulary of 委託先の選定・評価基準 (J.9.4 s)). Pure: the server, the contract and the web share it.

/** 評価基準の版の状態: 下書き → 承認待ち → 承認済み（適用中）; the approved one a newer version replaces is 過去の版. */
export const criteriaStatuses = ['draft', 'pending', 'approved', 'superseded'] as const;
export type CriteriaStatus = (typeof criteriaStatuses)[number];
export const criteriaStatusLabels: Readonly<Record<CriteriaStatus, string>> = Object.freeze({
  draft: '下書き',
  pending: '承認待ち',
  approved: '承認済み（適用中）',
  superseded: '過去の版',
});

/** Record type of a criteria version in the approvals engine (default step: トップマネジメント). */
export const CONTRACTOR_CRITERIA = 'contractor_criteria';

/** The version key of an organization's own criteria set, as evaluations and 調査票 record it. */
export const criteriaVersionKey = (versionNo: number) => `org-criteria-${versionNo}`;

/** How a version is named on screens: 「第2版」, or 「既定」 for the built-in 調査票. */
export const criteriaVersionLabel = (versionNo: number | null) => (versionNo === null ? '既定' : `第${versionNo}版`);

/** Japanese names of the criteria fields (form labels, audit trail, errors). */
export const criteriaFieldLabels = Object.freeze({
  name: '評価基準の名称',
  source: '出典',
  items: '評価項目',
  code: '番号',
  text: '文言',
  coversOthers: '他の項目を代替する項目',
});

/** Limits of an item (the editor shows them; the server refuses beyond them). */
export const CRITERIA_LIMITS = Object.freeze({ items: 50, code: 10, text: 500, name: 100, source: 300 });
