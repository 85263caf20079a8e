/** Shapes of the リスク分析 API responses (JSON renderings of src/modules/risk/risk.presenters.ts). */

export type Criteria = {
  id: string;
  title: string;
  threshold: number;
  thresholdBasis: { clause: string; quote: string };
  improperHandlingBasis: { clause: string; quote: string };
  likelihood: { label: string; levels: { value: number; label: string; description: string }[] };
  impact: { label: string; levels: { value: number; label: string; description: string }[] };
  phases: { id: string; label: string }[];
  threats: { id: string; label: string; improperHandling: boolean }[];
};

export type Violation = { code: string; severity: 'error' | 'warning'; path: string; clause: string; quote: string; message: string };

export type RiskRecordView = {
  id: string;
  phase: string;
  phaseLabel: string;
  threat: string;
  threatLabel: string;
  risk: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  likelihood: number;
  impact: number;
  score: number;
  atOrAboveThreshold: boolean;
  countermeasures: { text: string; refs: string[] }[];
  residualDescription: string | null;
  residualMeasure: string | null;
  residualMonitoringDate: string | null;
  typicalRiskId: string | null;
  violations: Violation[];
};

export type HeatMapView = {
  criteriaVersion: string;
  cells: { likelihood: number; impact: number; score: number; atOrAboveThreshold: boolean; count: number }[];
  total: number;
  excluded: { otherVersion: number; outOfScale: number };
};

export type AssessmentDetail = {
  id: string;
  category: string;
  description: string | null;
  departmentId: string;
  departmentName: string;
  status: string;
  statusLabel: string;
  criteriaVersion: string;
  typicalRisksVersion: string | null;
  criteria: Criteria;
  entries: { id: string; name: string; revision: number; coveredRevision: number; riskStatus: string; riskStatusLabel: string; stale: boolean }[];
  records: RiskRecordView[];
  heatMap: HeatMapView;
  approvalRequestId: string | null;
  canEdit: boolean;
  canSubmit: boolean;
  approvedAt: string | null;
  updatedAt: string;
};

export type AssessmentListItem = {
  id: string;
  category: string;
  departmentId: string;
  departmentName: string;
  status: string;
  statusLabel: string;
  criteriaVersion: string;
  entryCount: number;
  recordCount: number;
  maxScore: number | null;
  residualCount: number;
  approvedAt: string | null;
  updatedAt: string;
};

export type Proposal = {
  typicalRiskId: string;
  phase: string;
  phaseLabel: string;
  threat: string;
  threatLabel: string;
  improperHandling: boolean;
  risk: string;
  countermeasures: { text: string; family: string; refs: { source: string; clause: string }[] }[];
  matchedBecause: string[];
  entryNames: string[];
};

export type RiskTask = {
  id: string;
  title: string;
  description: string;
  dueOn: string;
  sourceType: string;
  sourceId: string | null;
  departmentId: string | null;
  departmentName: string | null;
  entryName: string | null;
};

export type RegisterItem = {
  id: string;
  assessmentId: string;
  category: string;
  departmentName: string;
  phaseLabel: string;
  threatLabel: string;
  risk: string;
  score: number;
  ownerName: string | null;
  residualDescription: string | null;
  residualMeasure: string | null;
  nextMonitoringDate: string | null;
  overdue: boolean;
  lastMonitoring: { reviewedOn: string; note: string; byName: string | null } | null;
};
