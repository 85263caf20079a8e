/**
 * Risk assessment engine (リスク分析対策表のルール, SPEC M2). Pure: records in, scores and
 * clause-cited violations out. No I/O, no clock.
 *
 * - {@link scoreRisk}: リスク総合評価 = 発生可能性 × 影響度 under a versioned criteria set; the
 *   same inputs and version always give the same score (J.3.1.3 1 b)).
 * - {@link validateRiskRecord}: scale, owner, countermeasures, 残存リスク対応策 at or above the
 *   threshold (世田谷区 自己点検 No.2), no 残留リスク for improper handling (J.3.1.4 留意事項),
 *   monitoring of residual risks (J.3.1.4 留意事項).
 * - {@link proposeTypicalRisks}: the starting set for an inventory entry, per phase.
 * - {@link heatMap}, {@link rankRisks}: counts per cell and the treatment order (J.3.1.3 1 d) 2)).
 * - {@link riskStatusOfEntry}: 未分析 / 分析中 / 承認済 / 要見直し.
 *
 * Criteria live in `./data/riskCriteria.ts`, typical risks in `./data/typicalRisks.ts`. The engine
 * is split under `./riskAssessment/` (scoring, sheet validation, proposals, status); this file is
 * the path importers use. See docs/rules/inventory-and-risk.md.
 */
export { type ProposedRisk, proposeTypicalRisks, type TypicalRiskProposal } from './riskAssessment/proposals.ts';
export { type HeatMap, type HeatMapCell, heatMap, RiskScaleError, type RiskScore, type RiskScoreInput, rankRisks, scoreRisk } from './riskAssessment/scoring.ts';
export { type RiskRecord, type RiskViolation, riskRecordSchema, thresholdBasisFor, validateRiskRecord } from './riskAssessment/sheet.ts';
export { type AssessmentSummary, type EntryRiskStatus, riskStatusOfEntry } from './riskAssessment/status.ts';
