// Business functions of the リスク分析対策表 (SPEC M2; J.3.1.3, J.3.1.4). Every score is computed by
// the engine (`scoreRisk`) under the criteria version the analysis records (J.3.1.3 1 b)); every
// row is checked by `validateRiskRecord` before anything is written, and a refusal names the field
// and the clause. One file per business action (STYLE: Documenso); this barrel keeps the names
// together. Inside the folder, import the files directly.

export { createAssessment } from './create-assessment.ts';
export { type AssessmentDetail, getAssessmentDetail } from './get-assessment-detail.ts';
export { type MergedProposal, proposalsFor } from './propose-typical-risks.ts';
export { ensureMonitoringTask, recordMonitoring } from './record-monitoring.ts';
export { riskAssessmentApprovalType } from './risk.approval.ts';
export { RISK_ASSESSMENT } from './risk.labels.ts';
export {
  type AssessmentRow,
  getAssessmentRow,
  heatMapOf,
  linkedEntries,
  listAssessments,
  type RecordRow,
  recordsOf,
  residualRegister,
  riskTasks,
} from './risk.queries.ts';
export { type RecordViolation, recordViolations } from './risk.violations.ts';
export { saveRecords } from './save-records.ts';
export { submitAssessment } from './submit-assessment.ts';
export { updateAssessment } from './update-assessment.ts';
