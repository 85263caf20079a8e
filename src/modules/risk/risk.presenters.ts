import type { RiskCriteria } from '../../rules/data/riskCriteria.ts';
import { phaseLabel, threatLabel } from '../../rules/data/riskCriteria.ts';
import { recordStatusLabels, riskStatusCodeLabels } from '../inventory/inventory.labels.ts';
import type { getAssessmentDetail, listAssessments, RecordViolation } from './risk.service.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The criteria as the form needs them: scales with wording, phases, threats (improper handling marked), threshold. */
export function presentCriteria(c: RiskCriteria) {
  return {
    id: c.id,
    title: c.title,
    threshold: c.threshold,
    thresholdBasis: c.thresholdBasis,
    improperHandlingBasis: c.improperHandlingBasis,
    likelihood: c.likelihood,
    impact: c.impact,
    phases: c.phases,
    threats: c.threats.map((t) => ({ id: t.id, label: t.label, improperHandling: t.improperHandling })),
  };
}

export function presentViolation(v: RecordViolation) {
  return { code: v.code, severity: v.severity, path: v.path, clause: v.clause, quote: v.quote, message: v.text };
}

export function presentAssessmentListRow(r: Awaited<ReturnType<typeof listAssessments>>[number]) {
  const a = r.assessment;
  return {
    id: a.id,
    category: a.category,
    departmentId: a.departmentId,
    departmentName: r.departmentName,
    status: a.status,
    statusLabel: recordStatusLabels[a.status] ?? a.status,
    criteriaVersion: a.criteriaVersion,
    entryCount: r.entryCount,
    recordCount: r.recordCount,
    maxScore: r.maxScore,
    residualCount: r.residualCount,
    approvedAt: iso(a.approvedAt),
    updatedAt: iso(a.updatedAt),
  };
}

export function presentAssessmentDetail(d: Awaited<ReturnType<typeof getAssessmentDetail>>) {
  const a = d.row;
  return {
    id: a.id,
    category: a.category,
    description: a.description,
    departmentId: a.departmentId,
    departmentName: d.departmentName,
    status: a.status,
    statusLabel: recordStatusLabels[a.status] ?? a.status,
    criteriaVersion: a.criteriaVersion,
    typicalRisksVersion: a.typicalRisksVersion,
    criteria: presentCriteria(d.criteria),
    entries: d.entries.map((e) => ({
      id: e.id,
      name: e.name,
      revision: e.revision,
      coveredRevision: e.coveredRevision,
      riskStatus: e.riskStatus,
      riskStatusLabel: riskStatusCodeLabels[e.riskStatus],
      stale: e.revision > e.coveredRevision,
    })),
    records: d.records.map(({ row: r, ownerName, violations }) => ({
      id: r.id,
      phase: r.phase,
      phaseLabel: phaseLabel(d.criteria, r.phase),
      threat: r.threat,
      threatLabel: threatLabel(d.criteria, r.threat),
      risk: r.risk,
      ownerPersonId: r.ownerPersonId,
      ownerName,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      atOrAboveThreshold: r.score >= d.criteria.threshold,
      countermeasures: r.countermeasures,
      residualDescription: r.residualDescription,
      residualMeasure: r.residualMeasure,
      residualMonitoringDate: r.residualMonitoringDate,
      typicalRiskId: r.typicalRiskId,
      violations: violations.map(presentViolation),
    })),
    heatMap: d.heatMap,
    approvalRequestId: d.approvalRequestId,
    canEdit: d.canEdit,
    canSubmit: d.canSubmit,
    approvedAt: iso(a.approvedAt),
    updatedAt: iso(a.updatedAt),
  };
}
