// Labels of the 法令規範一覧 (J.1.3) shown on screens, in messages, exports and the audit trail.

/** 種別 of a 法令等 (J.1.3 a): 法律, 各省庁が示す基準・ガイドライン, 業界が示す指針, 自治体の条例等, and 契約上の義務 (J.1.2 留意事項). */
export const lawKinds = ['act', 'order', 'notice', 'guideline', 'municipal', 'industry', 'contract', 'other'] as const;
export type LawKind = (typeof lawKinds)[number];

export const lawKindLabels: Readonly<Record<LawKind, string>> = Object.freeze({
  act: '法律',
  order: '政令・規則',
  notice: '告示',
  guideline: 'ガイドライン・指針',
  municipal: '条例・規則（自治体）',
  industry: '業界の指針・自主規制',
  contract: '契約上の義務',
  other: 'その他',
});

/** 状態: 有効 or 廃止 (a repealed entry stays in the list, marked). */
export const lawStatuses = ['active', 'repealed'] as const;
export type LawStatus = (typeof lawStatuses)[number];

export const lawStatusLabels: Readonly<Record<LawStatus, string>> = Object.freeze({ active: '有効', repealed: '廃止' });

/** 見直しの結果 (J.1.3 c): 確認済み (no change), 改訂あり (amended: what changed is noted), 廃止. */
export const lawReviewOutcomes = ['confirmed', 'revised', 'repealed'] as const;
export type LawReviewOutcome = (typeof lawReviewOutcomes)[number];

export const lawReviewOutcomeLabels: Readonly<Record<LawReviewOutcome, string>> = Object.freeze({ confirmed: '確認済み', revised: '改訂あり', repealed: '廃止' });

/** The Japanese name of each field: form labels, error messages, export headings and the audit trail. */
export const lawFieldLabels = Object.freeze({
  name: '名称',
  kind: '種別',
  issuer: '制定・所管',
  number: '番号',
  lastAmendedOn: '最終改正日',
  url: '参照先URL',
  application: '当組織への適用（関係する業務・台帳）',
  status: '状態',
  identifiedOn: '特定日',
  note: '備考',
  approval: '承認',
  approvedAt: '承認日時',
  approvedBy: '承認者',
  lastReviewedOn: '最終見直し日',
});
