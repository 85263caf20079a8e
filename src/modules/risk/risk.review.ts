import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { reviewApprovalType } from '../../platform/reviews/reviews.service.ts';
import { RISK_ASSESSMENT, RISK_REVIEW } from './risk.labels.ts';
import { linkedEntries } from './risk.queries.ts';
import { riskAssessments, riskRecords } from './risk.tables.ts';

// The リスク分析's part of the yearly review (J.3.1.3: 「定めた手順及び実施した内容については、少なく
// とも年一回、及び必要に応じて適宜に見直す。」; PA01: 各部門の責任者が見直しを行い、個人情報保護
// 管理者の承認を経てトップマネジメントの承認を受ける). An analysis is confirmed 「変更なし」 only when
// it is approved and its entries have not changed since; otherwise it is revised and re-approved.

/** One row as the review compares it. */
export type ReviewedRisk = { phase: string; threat: string; risk: string; likelihood: number; impact: number; score: number; residualMeasure: string | null };
/** One analysis as the review keeps it. */
export type ReviewedAssessment = { id: string; category: string; records: ReviewedRisk[] };

export type RiskReviewDiff = {
  added: { id: string; category: string }[];
  removed: { id: string; category: string }[];
  changed: {
    id: string;
    category: string;
    addedRisks: ReviewedRisk[];
    removedRisks: ReviewedRisk[];
    changedRisks: { before: ReviewedRisk; after: ReviewedRisk }[];
  }[];
  unchangedIds: string[];
};

const keyOf = (r: ReviewedRisk) => `${r.phase}\u0000${r.threat}\u0000${r.risk.trim()}`;
const same = (a: ReviewedRisk, b: ReviewedRisk) => a.likelihood === b.likelihood && a.impact === b.impact && (a.residualMeasure ?? '') === (b.residualMeasure ?? '');

/**
 * Last year's analyses against this year's: analyses added and removed (J.3.1.3 j)・k)), and per
 * analysis the risks added, removed, or re-scored / given another 残存リスク対応策. Risks are
 * matched by phase, threat and wording. Pure.
 */
export function riskReviewDiff(lastYear: readonly ReviewedAssessment[], thisYear: readonly ReviewedAssessment[]): RiskReviewDiff {
  const before = new Map(lastYear.map((a) => [a.id, a]));
  const after = new Map(thisYear.map((a) => [a.id, a]));
  const diff: RiskReviewDiff = { added: [], removed: [], changed: [], unchangedIds: [] };
  for (const [id, now] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push({ id, category: now.category });
      continue;
    }
    const oldByKey = new Map(old.records.map((r) => [keyOf(r), r]));
    const newByKey = new Map(now.records.map((r) => [keyOf(r), r]));
    const addedRisks = now.records.filter((r) => !oldByKey.has(keyOf(r)));
    const removedRisks = old.records.filter((r) => !newByKey.has(keyOf(r)));
    const changedRisks = now.records.flatMap((r) => {
      const prior = oldByKey.get(keyOf(r));
      return prior && !same(prior, r) ? [{ before: prior, after: r }] : [];
    });
    if (addedRisks.length + removedRisks.length + changedRisks.length === 0 && old.category === now.category) diff.unchangedIds.push(id);
    else diff.changed.push({ id, category: now.category, addedRisks, removedRisks, changedRisks });
  }
  for (const [id, old] of before) if (!after.has(id)) diff.removed.push({ id, category: old.category });
  return diff;
}

type SnapshotData = {
  category?: string;
  records?: { phase: string; threat: string; risk: string; likelihood: number; impact: number; score: number; residualMeasure?: string | null }[];
};

function fromApprovalSnapshot(id: string, data: SnapshotData): ReviewedAssessment {
  return {
    id,
    category: data.category ?? '',
    records: (data.records ?? []).map((r) => ({
      phase: r.phase,
      threat: r.threat,
      risk: r.risk,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      residualMeasure: r.residualMeasure ?? null,
    })),
  };
}

async function currentAnalyses(tx: Tx, organizationId: string, departmentId: string): Promise<ReviewedAssessment[]> {
  const rows = await tx
    .select()
    .from(riskAssessments)
    .where(
      and(
        eq(riskAssessments.organizationId, organizationId),
        eq(riskAssessments.departmentId, departmentId),
        inArray(riskAssessments.status, ['approved', 'pending', 'draft', 'returned']),
      ),
    )
    .orderBy(asc(riskAssessments.category));
  if (rows.length === 0) return [];
  const records = await tx
    .select()
    .from(riskRecords)
    .where(
      and(
        eq(riskRecords.organizationId, organizationId),
        inArray(
          riskRecords.assessmentId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(riskRecords.sortOrder));
  return rows.map((a) => ({
    id: a.id,
    category: a.category,
    records: records
      .filter((r) => r.assessmentId === a.id)
      .map((r) => ({ phase: r.phase, threat: r.threat, risk: r.risk, likelihood: r.likelihood, impact: r.impact, score: r.score, residualMeasure: r.residualMeasure })),
  }));
}

/** Whether any entry an analysis covers changed after the revision it analysed. */
async function coversStaleEntries(tx: Tx, organizationId: string, assessmentId: string): Promise<boolean> {
  return (await linkedEntries(tx, organizationId, assessmentId)).some((e) => e.revision > e.coveredRevision);
}

/** The yearly review of this subject as an approval record type. Listed in the module manifest (index.ts). */
export const riskReviewApprovalType = reviewApprovalType({
  subject: 'risk',
  recordType: RISK_REVIEW,
  label: 'リスク分析対策表の見直し',
  defaultSteps: [{ role: 'pms_manager' }, { role: 'top_management' }],
  calendarCode: 'risk_review',
  async items(tx, organizationId, departmentId) {
    const rows = await tx
      .select({ id: riskAssessments.id, category: riskAssessments.category })
      .from(riskAssessments)
      .where(
        and(
          eq(riskAssessments.organizationId, organizationId),
          eq(riskAssessments.departmentId, departmentId),
          inArray(riskAssessments.status, ['approved', 'pending', 'draft', 'returned']),
        ),
      )
      .orderBy(asc(riskAssessments.category));
    return rows.map((r) => ({ subjectId: r.id, label: r.category }));
  },
  async confirmable(tx, organizationId, subjectId) {
    const [row] = await tx
      .select()
      .from(riskAssessments)
      .where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, subjectId)));
    if (!row) return 'リスク分析対策表が見つかりません';
    if (row.status !== 'approved') return `「${row.category}」は承認済みではないため、「変更なし」で確認できません。承認を受けてください`;
    if (await coversStaleEntries(tx, organizationId, subjectId))
      return `「${row.category}」の対象の台帳が分析の後に変更されています。分析を見直して再承認を受けてください（J.3.1.3「取り扱い方法に変更が生じた場合には、随時見直しを行う」）`;
    return null;
  },
  async beforeSubmit(tx, review) {
    const ids = review.items.map((i) => i.subjectId);
    const rows =
      ids.length === 0
        ? []
        : await tx
            .select()
            .from(riskAssessments)
            .where(and(eq(riskAssessments.organizationId, review.organizationId), inArray(riskAssessments.id, ids)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: string[] = [];
    const items = review.items.map((item) => {
      const a = byId.get(item.subjectId);
      if (!a) return item;
      // An analysis revised and re-approved during the review counts as 変更.
      if (item.decision === 'pending' && a.status === 'approved' && a.approvedAt && a.approvedAt >= review.createdAt) {
        return { ...item, decision: 'changed' as const, decidedAt: a.approvedAt.toISOString() };
      }
      if (item.decision !== 'pending' && a.status !== 'approved')
        problems.push(`「${a.category}」は承認済みではありません（${a.status === 'pending' ? '承認待ち' : '修正中'}）。承認されてから見直しを申請してください`);
      return item;
    });
    return { items, problems };
  },
  async snapshot(tx, organizationId, departmentId) {
    return currentAnalyses(tx, organizationId, departmentId);
  },
  async baseline(tx, organizationId, departmentId, year, previous) {
    if (previous?.snapshot) return { data: previous.snapshot, label: `${previous.year}年の見直し（承認済み）` };
    // No approved review last year: each analysis as its latest approval by the end of last year
    // approved it (the approval request keeps exactly what was approved).
    const cutoff = new Date(`${year - 1}-12-31T23:59:59.999+09:00`);
    const rows = await tx
      .select()
      .from(approvalRequests)
      .where(
        and(
          eq(approvalRequests.organizationId, organizationId),
          eq(approvalRequests.recordType, RISK_ASSESSMENT),
          eq(approvalRequests.departmentId, departmentId),
          inArray(approvalRequests.status, ['approved', 'superseded']),
          lte(approvalRequests.decidedAt, cutoff),
        ),
      )
      .orderBy(asc(approvalRequests.decidedAt));
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) latest.set(r.recordId, r);
    return {
      data: [...latest.values()].map((r) => fromApprovalSnapshot(r.recordId, r.recordSnapshot as SnapshotData)),
      label: `${year - 1}年12月31日時点で承認済みの対策表`,
    };
  },
  diff(baseline, snapshot, baselineLabel) {
    return { subject: 'risk', baselineLabel, risk: riskReviewDiff(baseline as ReviewedAssessment[], snapshot as ReviewedAssessment[]) };
  },
});
