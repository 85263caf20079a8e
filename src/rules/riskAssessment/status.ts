/**
 * The risk-analysis status of an inventory entry (未分析 / 分析中 / 承認済 / 要見直し), from the
 * assessments that cover it. Re-exported by `../riskAssessment.ts`.
 */
import type { ApprovalStatus } from '../approvalChains.ts';
import type { InventoryEntry } from '../inventoryRules.ts';

/** リスク分析の状態 of an inventory entry. */
export type EntryRiskStatus = '未分析' | '分析中' | '承認済' | '要見直し';

/** The part of an assessment (リスク分析対策表 for one entry) the status needs. */
export type AssessmentSummary = {
  inventoryEntryId: string;
  /** Approval state; `draft` before submission (approvals engine statuses otherwise). */
  status: 'draft' | ApprovalStatus;
  /** The entry revision the assessment covered. */
  entryRevision: number;
};

/**
 * The risk-analysis status of an inventory entry:
 * - **承認済**: an approved assessment covers the entry's current revision.
 * - **分析中**: otherwise, an assessment is being drafted, awaits approval or was returned.
 * - **要見直し**: otherwise, an assessment was approved (or superseded) for an older revision —
 *   the entry changed after approval (J.3.1.3: 「取り扱い方法に変更が生じた場合には、随時見直し
 *   を行う」; J.3.1.3 j) 新規取得・利用目的変更・取扱い方法変更の場合).
 * - **未分析**: no assessment (withdrawn ones do not count).
 *
 * The yearly December review is a calendar task (pmsCalendar `risk_review`), not a status here.
 */
export function riskStatusOfEntry(entry: Pick<InventoryEntry, 'id' | 'revision'>, assessments: readonly AssessmentSummary[]): EntryRiskStatus {
  const revision = entry.revision ?? 1;
  const own = assessments.filter((assessment) => assessment.inventoryEntryId === entry.id && assessment.status !== 'withdrawn');
  if (own.some((assessment) => assessment.status === 'approved' && assessment.entryRevision >= revision)) return '承認済';
  if (own.some((assessment) => assessment.status === 'draft' || assessment.status === 'pending' || assessment.status === 'returned')) return '分析中';
  if (own.some((assessment) => assessment.status === 'approved' || assessment.status === 'superseded')) return '要見直し';
  return '未分析';
}
