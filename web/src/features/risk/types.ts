/**
 * Request and response types of the リスク分析 API, taken from the risk contract (the schemas the
 * server encodes its responses with), so the screens and the API cannot drift apart.
 */
import type { riskContract } from '../../../../src/modules/risk/risk.contract.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../../../src/platform/http/contract.ts';

/** One リスク分析対策表 (GET/PUT /api/risk/assessments/:id …). */
export type AssessmentDetail = ResponseOf<typeof riskContract.assessment>;
/** What the signed-in person may do with the 対策表 (edit, submit, approve, return, withdraw), decided by the server. */
export type AssessmentAbilities = AssessmentDetail['abilities'];
/** The risk criteria of the analysis: scales, threshold, phases, threats. */
export type Criteria = AssessmentDetail['criteria'];
/** One row of the 対策表 as stored, with the engine's findings. */
export type RiskRecordView = AssessmentDetail['records'][number];
export type Violation = RiskRecordView['violations'][number];
export type HeatMapView = AssessmentDetail['heatMap'];
export type AssessmentListItem = ResponseOf<typeof riskContract.assessments>['items'][number];
/** A typical risk proposed for the 類型. */
export type Proposal = ResponseOf<typeof riskContract.proposals>['proposals'][number];
export type ProposalList = ResponseOf<typeof riskContract.proposals>;
/** The heat map page: the map, the current criteria, the highest risks. */
export type HeatMapPage = ResponseOf<typeof riskContract.heatmap>;
export type RiskTask = ResponseOf<typeof riskContract.tasks>['items'][number];
/** One residual risk of the 残留リスク管理表. */
export type RegisterItem = ResponseOf<typeof riskContract.register>['items'][number];

export type AssessmentBody = BodyOf<typeof riskContract.createAssessment>;
export type RecordsBody = BodyOf<typeof riskContract.saveRecords>;
export type MonitoringBody = BodyOf<typeof riskContract.recordMonitoring>;
export type AssessmentsQuery = QueryOf<typeof riskContract.assessments>;
