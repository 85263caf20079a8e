import { and, eq, inArray } from 'drizzle-orm';
import { type AssessmentSummary, type EntryRiskStatus, riskStatusOfEntry } from '../../rules/riskAssessment.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { entrySummaries, type RiskStatusCode, storeRiskStatuses } from '../inventory/inventory.exports.ts';
import { riskAssessmentEntries, riskAssessments } from './risk.tables.ts';

/** The engine's status labels ↔ the codes stored on the entry. */
export const riskStatusCodes: Readonly<Record<EntryRiskStatus, RiskStatusCode>> = Object.freeze({
  未分析: 'unanalysed',
  分析中: 'in_progress',
  承認済: 'approved',
  要見直し: 'needs_review',
});
export const riskStatusLabels: Readonly<Record<RiskStatusCode, EntryRiskStatus>> = Object.freeze({
  unanalysed: '未分析',
  in_progress: '分析中',
  approved: '承認済',
  needs_review: '要見直し',
});

/**
 * The analyses of each entry as the engine reads them: the assessment's state and the entry
 * revision it covered.
 */
export async function assessmentSummaries(tx: Tx, organizationId: string, entryIds: readonly string[]): Promise<AssessmentSummary[]> {
  if (entryIds.length === 0) return [];
  const rows = await tx
    .select({ entryId: riskAssessmentEntries.entryId, entryRevision: riskAssessmentEntries.entryRevision, status: riskAssessments.status })
    .from(riskAssessmentEntries)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskAssessmentEntries.assessmentId))
    .where(and(eq(riskAssessmentEntries.organizationId, organizationId), inArray(riskAssessmentEntries.entryId, [...entryIds])));
  return rows.map((r) => ({ inventoryEntryId: r.entryId, status: r.status, entryRevision: r.entryRevision }));
}

/**
 * Recomputes リスク分析の状態 (未分析 / 分析中 / 承認済 / 要見直し, `riskStatusOfEntry`) of the
 * given entries and stores it on them, so the 台帳 list can filter on it. Called whenever an
 * entry changes (its revision moves) or an analysis covering it changes state or coverage.
 */
export async function refreshRiskStatus(tx: Tx, organizationId: string, entryIds: readonly string[]): Promise<void> {
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) return;
  const entries = await entrySummaries(tx, organizationId, ids);
  const summaries = await assessmentSummaries(tx, organizationId, ids);
  const changes = entries.flatMap((entry) => {
    const code = riskStatusCodes[riskStatusOfEntry(entry, summaries)];
    return code === entry.riskStatus ? [] : [{ id: entry.id, riskStatus: code }];
  });
  await storeRiskStatuses(tx, organizationId, changes);
}
