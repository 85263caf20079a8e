// Names of the リスク分析対策表 (SPEC M2) that the server and the web share. Pure: the contract,
// the responses and the web import it.

/** Approval record type of the 対策表 (所属長 → 個人情報保護管理者 → トップマネジメント, J.3.1.3). */
export const RISK_ASSESSMENT = 'risk_assessment';

/** Approval record type of the yearly review of the 対策表 (J.3.1.3: 少なくとも年一回…見直す). */
export const RISK_REVIEW = 'risk_review';

/**
 * The tasks the リスク分析 screen lists: an entry to analyse (J.3.1.3), the entries of an Excel
 * import to analyse, a residual risk to monitor (J.3.1.4 留意事項). Declared in the manifest.
 */
export const riskTaskSourceTypes = ['risk_analysis', 'risk_analysis_import', 'risk_monitoring'] as const;
export type RiskTaskSourceType = (typeof riskTaskSourceTypes)[number];

/** Whether a task's source is one of the リスク分析's. */
export function isRiskTaskSource(sourceType: string | null): sourceType is RiskTaskSourceType {
  return (riskTaskSourceTypes as readonly (string | null)[]).includes(sourceType);
}
