import type { z } from 'zod';
import type { RiskCriteria } from '../../rules/data/riskCriteria.ts';
import { phaseLabel, threatLabel } from '../../rules/data/riskCriteria.ts';
import type { ResponseOf } from '../../platform/http/contract.ts';
import { recordStatusLabels } from '../../platform/reviews/reviews.labels.ts';
import type { PresentedReview } from '../../platform/reviews/reviews.presenters.ts';
import { riskStatusCodeLabels } from '../inventory/inventory.exports.ts';
import type { AssessmentDetail } from './get-assessment-detail.ts';
import type { proposalsFor } from './propose-typical-risks.ts';
import type { riskContract } from './risk.contract.ts';
import type { heatMapOf, listAssessments, residualRegister, riskTasks } from './risk.queries.ts';
import type {
  assessmentDetailResponse,
  assessmentListItemResponse,
  criteriaResponse,
  heatMapPageResponse,
  proposalsResponse,
  registerItemResponse,
  riskTaskResponse,
  violationResponse,
} from './risk.responses.ts';
import type { RiskReviewDiff } from './risk.review.ts';
import type { RecordViolation } from './risk.violations.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). Each returns its response
// schema's output type (risk.responses.ts); the serializer encodes the body through that schema.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The criteria as the form needs them: scales with wording, phases, threats (improper handling marked), threshold. */
export function presentCriteria(c: RiskCriteria): z.output<typeof criteriaResponse> {
  const scale = (s: RiskCriteria['likelihood']) => ({ label: s.label, levels: s.levels.map((l) => ({ value: l.value, label: l.label, description: l.description })) });
  return {
    id: c.id,
    title: c.title,
    threshold: c.threshold,
    thresholdBasis: { clause: c.thresholdBasis.clause, quote: c.thresholdBasis.quote },
    improperHandlingBasis: { clause: c.improperHandlingBasis.clause, quote: c.improperHandlingBasis.quote },
    likelihood: scale(c.likelihood),
    impact: scale(c.impact),
    phases: c.phases.map((p) => ({ id: p.id, label: p.label })),
    threats: c.threats.map((t) => ({ id: t.id, label: t.label, improperHandling: t.improperHandling })),
  };
}

export function presentViolation(v: RecordViolation): z.output<typeof violationResponse> {
  return { code: v.code, severity: v.severity, path: v.path, clause: v.clause, quote: v.quote, message: v.text };
}

export function presentAssessmentListRow(r: Awaited<ReturnType<typeof listAssessments>>[number]): z.output<typeof assessmentListItemResponse> {
  const a = r.assessment;
  return {
    id: a.id,
    category: a.category,
    departmentId: a.departmentId,
    departmentName: r.departmentName,
    status: a.status,
    statusLabel: recordStatusLabels[a.status],
    criteriaVersion: a.criteriaVersion,
    entryCount: r.entryCount,
    recordCount: r.recordCount,
    maxScore: r.maxScore,
    residualCount: r.residualCount,
    approvedAt: iso(a.approvedAt),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The 対策表 list (GET /api/risk/assessments). */
export function presentAssessmentList(rows: Awaited<ReturnType<typeof listAssessments>>): { items: z.output<typeof assessmentListItemResponse>[] } {
  return { items: rows.map(presentAssessmentListRow) };
}

export function presentAssessmentDetail(d: AssessmentDetail): z.output<typeof assessmentDetailResponse> {
  const a = d.row;
  return {
    id: a.id,
    category: a.category,
    description: a.description,
    departmentId: a.departmentId,
    departmentName: d.departmentName,
    status: a.status,
    statusLabel: recordStatusLabels[a.status],
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
      countermeasures: r.countermeasures.map((c) => ({ text: c.text, refs: [...c.refs] })),
      residualDescription: r.residualDescription,
      residualMeasure: r.residualMeasure,
      residualMonitoringDate: r.residualMonitoringDate,
      typicalRiskId: r.typicalRiskId,
      violations: violations.map(presentViolation),
    })),
    heatMap: d.heatMap,
    approvalRequestId: d.approvalRequestId,
    abilities: d.abilities,
    canEdit: d.abilities.edit,
    canSubmit: d.abilities.submit,
    approvedAt: iso(a.approvedAt),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The typical-risk proposals of a 類型 (the countermeasures copied out of the frozen data set). */
export function presentProposals(p: Awaited<ReturnType<typeof proposalsFor>>): z.output<typeof proposalsResponse> {
  return {
    typicalRisksVersion: p.typicalRisksVersion,
    criteriaVersion: p.criteriaVersion,
    proposals: p.proposals.map((r) => ({
      typicalRiskId: r.typicalRiskId,
      phase: r.phase,
      phaseLabel: r.phaseLabel,
      threat: r.threat,
      threatLabel: r.threatLabel,
      improperHandling: r.improperHandling,
      risk: r.risk,
      countermeasures: r.countermeasures.map((c) => ({ text: c.text, family: c.family, refs: c.refs.map((ref) => ({ source: ref.source, clause: ref.clause })) })),
      matchedBecause: r.matchedBecause,
      entryNames: r.entryNames,
    })),
    notes: p.notes,
  };
}

/** The heat map page: the map, the current criteria, the highest risks. */
export function presentHeatMap(h: Awaited<ReturnType<typeof heatMapOf>>): z.output<typeof heatMapPageResponse> {
  return { heatMap: h.heatMap, criteria: presentCriteria(h.criteria), top: h.top };
}

/** The 残留リスク管理表. */
export function presentRegister(rows: Awaited<ReturnType<typeof residualRegister>>): { items: z.output<typeof registerItemResponse>[] } {
  return { items: rows };
}

/** The リスク分析 screen's tasks. */
export function presentRiskTasks(rows: Awaited<ReturnType<typeof riskTasks>>): { items: z.output<typeof riskTaskResponse>[] } {
  return { items: rows };
}

/**
 * A yearly review of the 対策表 (the platform's presentReview) with its diff typed: the review
 * engine stores each subject's diff as it is (`risk: unknown`), and a risk review's is what
 * risk.review.ts's `diff` wrote — `riskReviewDiff`'s output.
 */
export function presentRiskReview(review: PresentedReview): ResponseOf<typeof riskContract.review> {
  const { diff, ...rest } = review;
  return {
    ...rest,
    diff: diff ? { subject: diff.subject, baselineLabel: diff.baselineLabel, ...(diff.risk ? { risk: diff.risk as RiskReviewDiff } : {}) } : null,
  };
}
