import { z } from 'zod';
import type { SafetyMeasureFamily } from '../../rules/data/typicalRisks.ts';
import { reviewDiffBaseResponse } from '../../platform/reviews/reviews.responses.ts';
import { recordStatuses } from '../../platform/reviews/reviews.schema.ts';
import { riskStatusCodeLabels } from '../inventory/inventory.labels.ts';
import { findingResponse } from '../inventory/inventory.responses.ts';
import { riskTaskSourceTypes } from './risk.labels.ts';

// Response shapes of the リスク分析対策表 API (SPEC M2): what each presenter returns
// (risk.presenters.ts). Pure (zod only): the contract and the web import them. Dates are
// YYYY-MM-DD (z.iso.date), instants ISO 8601 (z.iso.datetime). Phase and threat ids are strings:
// each criteria version defines its own (rules/data/riskCriteria.ts), and a row keeps the
// version it was scored under.

/** リスク分析の状態 of a 台帳 entry (the codes of the 台帳's labels; riskStatusOfEntry). */
const entryRiskStatuses = Object.keys(riskStatusCodeLabels) as [keyof typeof riskStatusCodeLabels, ...(keyof typeof riskStatusCodeLabels)[]];

/** 安全管理措置の分類 of a typical countermeasure. */
const safetyMeasureFamilies = ['organizational', 'human', 'physical', 'technical'] as const satisfies readonly SafetyMeasureFamily[];

const clauseQuote = z.object({ clause: z.string(), quote: z.string() });
const scale = z.object({
  label: z.string(),
  levels: z.array(z.object({ value: z.number().int(), label: z.string(), description: z.string() })),
});

/** The risk criteria as the form needs them (J.3.1.3 1 a)・b)): scales, threshold, phases, threats. */
export const criteriaResponse = z.object({
  id: z.string(),
  title: z.string(),
  /** Score at or above which a 残存リスク対応策 is required (世田谷区 自己点検 No.2). */
  threshold: z.number().int(),
  thresholdBasis: clauseQuote,
  improperHandlingBasis: clauseQuote,
  likelihood: scale,
  impact: scale,
  phases: z.array(z.object({ id: z.string(), label: z.string() })),
  /** improperHandling: can never be left as 残留リスク (J.3.1.4 留意事項). */
  threats: z.array(z.object({ id: z.string(), label: z.string(), improperHandling: z.boolean() })),
});

/**
 * A finding of validateRiskRecord on a row, with the form's field path and the clause: the same
 * shape as a 台帳 finding (code, severity, path, clause, quote, message).
 */
export const violationResponse = findingResponse;

/** The heat map (発生可能性 × 影響度) of one criteria version. */
export const heatMapResponse = z.object({
  criteriaVersion: z.string(),
  cells: z.array(z.object({ likelihood: z.number().int(), impact: z.number().int(), score: z.number().int(), atOrAboveThreshold: z.boolean(), count: z.number().int() })),
  total: z.number().int(),
  /** Rows not counted: another criteria version (not comparable, J.3.1.3 1 b)) or off the scale. */
  excluded: z.object({ otherVersion: z.number().int(), outOfScale: z.number().int() }),
});

/** A countermeasure with the related regulation clauses (PA01 J.3.1.3 g)・h)). */
export const countermeasureResponse = z.object({ text: z.string(), refs: z.array(z.string()) });

/** One row of the 対策表: phase × threat, owner, scores, countermeasures, residual risk, findings. */
export const riskRecordResponse = z.object({
  id: z.uuid(),
  phase: z.string(),
  phaseLabel: z.string(),
  threat: z.string(),
  threatLabel: z.string(),
  risk: z.string(),
  ownerPersonId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  atOrAboveThreshold: z.boolean(),
  countermeasures: z.array(countermeasureResponse),
  residualDescription: z.string().nullable(),
  residualMeasure: z.string().nullable(),
  residualMonitoringDate: z.iso.date().nullable(),
  typicalRiskId: z.string().nullable(),
  violations: z.array(violationResponse),
});

/** A 台帳 entry the 類型 covers, with the revision analysed; `stale` once the entry changed since. */
export const assessmentEntryResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  revision: z.number().int(),
  coveredRevision: z.number().int(),
  riskStatus: z.enum(entryRiskStatuses),
  riskStatusLabel: z.string(),
  stale: z.boolean(),
});

/**
 * What the caller may do with the 対策表 now (risk.abilities.ts `AssessmentAbilities`): the SPA
 * shows 保存・典型リスクの追加・申請 and the approval buttons from these.
 */
export const assessmentAbilitiesResponse = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  withdraw: z.boolean(),
});

/** One リスク分析対策表 (presentAssessmentDetail). */
export const assessmentDetailResponse = z.object({
  id: z.uuid(),
  category: z.string(),
  description: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  status: z.enum(recordStatuses),
  statusLabel: z.string(),
  criteriaVersion: z.string(),
  typicalRisksVersion: z.string().nullable(),
  criteria: criteriaResponse,
  entries: z.array(assessmentEntryResponse),
  records: z.array(riskRecordResponse),
  heatMap: heatMapResponse,
  approvalRequestId: z.uuid().nullable(),
  abilities: assessmentAbilitiesResponse,
  /** Same as abilities.edit (kept for the screens that read it). */
  canEdit: z.boolean(),
  /** Same as abilities.submit (kept for the screens that read it). */
  canSubmit: z.boolean(),
  approvedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

/** One 対策表 in the list, with its counts (presentAssessmentListRow). */
export const assessmentListItemResponse = z.object({
  id: z.uuid(),
  category: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  status: z.enum(recordStatuses),
  statusLabel: z.string(),
  criteriaVersion: z.string(),
  entryCount: z.number().int(),
  recordCount: z.number().int(),
  maxScore: z.number().int().nullable(),
  residualCount: z.number().int(),
  approvedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

/** A typical risk proposed for the 類型 (SPEC M2), merged over its entries. */
export const proposalResponse = z.object({
  typicalRiskId: z.string(),
  phase: z.string(),
  phaseLabel: z.string(),
  threat: z.string(),
  threatLabel: z.string(),
  improperHandling: z.boolean(),
  risk: z.string(),
  countermeasures: z.array(
    z.object({
      text: z.string(),
      family: z.enum(safetyMeasureFamilies),
      refs: z.array(z.object({ source: z.enum(['PA01', 'Setagaya']), clause: z.string() })),
    }),
  ),
  /** Why it applies, e.g. 「媒体: 紙」「委託あり」. */
  matchedBecause: z.array(z.string()),
  entryNames: z.array(z.string()),
});

/** The typical-risk proposals of a 類型, under the versions the analysis records. */
export const proposalsResponse = z.object({
  typicalRisksVersion: z.string(),
  criteriaVersion: z.string(),
  proposals: z.array(proposalResponse),
  notes: z.array(z.string()),
});

/** A risk among the highest, in treatment order (J.3.1.3 1 d) 2)). */
export const topRiskResponse = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  category: z.string(),
  departmentName: z.string(),
  phaseLabel: z.string(),
  threatLabel: z.string(),
  risk: z.string(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  hasResidualMeasure: z.boolean(),
});

/** The heat map of the current criteria over the live analyses, and the highest risks. */
export const heatMapPageResponse = z.object({ heatMap: heatMapResponse, criteria: criteriaResponse, top: z.array(topRiskResponse) });

/** One monitoring of a residual risk (J.3.1.4 留意事項). */
export const monitoringLogResponse = z.object({
  id: z.uuid(),
  reviewedOn: z.iso.date(),
  note: z.string(),
  nextMonitoringDate: z.iso.date().nullable(),
  byName: z.string().nullable(),
});

/** One residual risk of the 残留リスク管理表, with whether the caller may record its monitoring. */
export const registerItemResponse = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  assessmentStatus: z.enum(recordStatuses),
  category: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  phaseLabel: z.string(),
  threatLabel: z.string(),
  risk: z.string(),
  score: z.number().int(),
  ownerName: z.string().nullable(),
  residualDescription: z.string().nullable(),
  residualMeasure: z.string().nullable(),
  nextMonitoringDate: z.iso.date().nullable(),
  overdue: z.boolean(),
  lastMonitoring: monitoringLogResponse.pick({ reviewedOn: true, note: true, byName: true }).nullable(),
  logs: z.array(monitoringLogResponse),
  abilities: z.object({ monitor: z.boolean() }),
});

/** An open task of the リスク分析 screen, with whether the caller may start its 対策表. */
export const riskTaskResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  dueOn: z.iso.date(),
  sourceType: z.enum(riskTaskSourceTypes),
  sourceId: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  /** The 台帳 entry an analysis task is about. */
  entryName: z.string().nullable(),
  /** The 対策表 not yet approved that already covers the entry (a draft, or one imported with the 台帳): open it rather than start another. */
  assessmentId: z.uuid().nullable(),
  abilities: z.object({ start: z.boolean() }),
});

// ---- 毎年12月の見直し ----

/** One row as the review compares it (risk.review.ts `ReviewedRisk`). */
export const reviewedRiskResponse = z.object({
  phase: z.string(),
  threat: z.string(),
  risk: z.string(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  residualMeasure: z.string().nullable(),
});

const analysisRef = z.object({ id: z.string(), category: z.string() });

/** The 対策表 against last year's (risk.review.ts `RiskReviewDiff`, J.3.1.3 j)・k)). */
export const riskReviewDiffResponse = z.object({
  added: z.array(analysisRef),
  removed: z.array(analysisRef),
  changed: z.array(
    analysisRef.extend({
      addedRisks: z.array(reviewedRiskResponse),
      removedRisks: z.array(reviewedRiskResponse),
      changedRisks: z.array(z.object({ before: reviewedRiskResponse, after: reviewedRiskResponse })),
    }),
  ),
  unchangedIds: z.array(z.string()),
});

/** The diff a リスク分析 review keeps (reviews.tables.ts `StoredReviewDiff`, subject `risk`). */
export const riskStoredReviewDiffResponse = reviewDiffBaseResponse.extend({ risk: riskReviewDiffResponse.optional() });
