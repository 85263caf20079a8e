import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { requireReapprovalIfChanged } from '../../platform/approvals/approvals.service.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { approvalActorOf, assertKeeps, type EntrySummary, entrySummaries } from '../inventory/inventory.exports.ts';
import { isEditableStatus } from './risk.abilities.ts';
import { RISK_ASSESSMENT } from './risk.labels.ts';
import { type AssessmentRow, getAssessmentRow, linkedEntries } from './risk.queries.ts';
import { riskAssessmentEntries } from './risk.tables.ts';

// What every change of a 対策表 shares: who may change it, which entries a 類型 may group, the
// revisions it covers, and re-approval of an approved one (原則3).

/** The entries of a 類型: all in the 台帳, all of the department (PA01 J.3.1.3 e)). */
export async function assertEntriesOf(tx: Tx, organizationId: string, departmentId: string, entryIds: readonly string[]): Promise<EntrySummary[]> {
  const rows = await entrySummaries(tx, organizationId, entryIds);
  if (rows.length !== new Set(entryIds).size) throw invalid('entryIds', '対象の個人情報に、台帳にない項目が含まれています');
  if (rows.some((r) => r.departmentId !== departmentId)) throw invalid('entryIds', '類型には同じ所管部署の台帳の項目をまとめてください（PA01 J.3.1.3 e)）');
  return rows;
}

/** The 対策表, locked, when the actor keeps its department and it does not await approval. */
export async function editableAssessment(tx: Tx, actor: Actor, id: string): Promise<AssessmentRow> {
  const row = await getAssessmentRow(tx, actor.organizationId, id, { forUpdate: true });
  assertKeeps(actor, row.departmentId, 'この所属のリスク分析');
  if (!isEditableStatus(row.status)) throw conflict('承認待ちのリスク分析対策表は変更できません。差戻しを受けるか申請を取り下げてから修正してください', 'assessment_pending');
  return row;
}

/**
 * Principle 3: an approved 対策表 that changes goes through the chain again (re-approval), with
 * the entries' current revisions; the author's own leading step is passed as at submission
 * (the record type's `submissionPassesAuthorSteps` applies to the new request too).
 */
export async function reapproveIfChanged(tx: Tx, actor: Actor, row: AssessmentRow, clock: Clock): Promise<void> {
  if (row.status !== 'approved') return;
  await requireReapprovalIfChanged(tx, RISK_ASSESSMENT, row.id, { by: approvalActorOf(actor), now: clock.now });
}

/** The analysis now covers each entry's current revision (at submission and re-approval). */
export async function coverCurrentRevisions(tx: Tx, organizationId: string, assessmentId: string): Promise<void> {
  for (const entry of await linkedEntries(tx, organizationId, assessmentId)) {
    if (entry.coveredRevision === entry.revision) continue;
    await tx
      .update(riskAssessmentEntries)
      .set({ entryRevision: entry.revision })
      .where(and(eq(riskAssessmentEntries.organizationId, organizationId), eq(riskAssessmentEntries.assessmentId, assessmentId), eq(riskAssessmentEntries.entryId, entry.id)));
  }
}
