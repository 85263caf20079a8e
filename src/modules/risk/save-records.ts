import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { scoreRisk } from '../../rules/riskAssessment.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { HttpError, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { coverCurrentRevisions, editableAssessment, reapproveIfChanged } from './assessment-editing.ts';
import { audienceOf, personNames, type RecordRow, recordsOf } from './risk.queries.ts';
import type { RiskRecordInput } from './risk.schema.ts';
import { riskAssessments, riskRecords } from './risk.tables.ts';
import { rowErrors } from './risk.violations.ts';

/**
 * Saves the whole 対策表 as a draft (every row, all or nothing). Each row is scored by the engine
 * under the assessment's criteria version; a level off the scale or an unknown phase or threat
 * refuses the save with 422 and nothing is written. The rest of `validateRiskRecord`'s findings
 * (no owner or countermeasure, score ≥ 4 without a 残存リスク対応策: 世田谷区 自己点検 No.2, a 残留リスク
 * for improper handling: J.3.1.4 留意事項) do not stop a draft: the saved rows carry them, and
 * submission refuses them all at once (issue 10: it took four saves to learn them one by one).
 */
export async function saveRecords(tx: Tx, actor: Actor, id: string, records: readonly RiskRecordInput[], clock: Clock): Promise<void> {
  const row = await editableAssessment(tx, actor, id);
  const audience = await audienceOf(tx, actor.organizationId);
  const owners = await personNames(
    tx,
    actor.organizationId,
    records.map((r) => r.ownerPersonId),
  );
  const fields = records.flatMap((r, index) => [
    // J.3.1.3 1 c) 3): the リスク所有者 is a person of the organization.
    ...(r.ownerPersonId && !owners.has(r.ownerPersonId) ? [{ path: `records.${index}.ownerPersonId`, message: 'リスク所有者はこの組織の従業者から選んでください' }] : []),
    // An approved 対策表 goes back to its approvers on save (reapproveIfChanged): only a complete one.
    ...rowErrors(r, index, row.criteriaVersion, owners, { for: row.status === 'approved' ? 'submit' : 'save', audience }),
  ]);
  if (fields.length > 0) {
    throw new HttpError(422, `リスク分析対策表を保存できません（${fields.length}件）: ${fields.map((f) => f.message).join(' / ')}`, 'risk_rules', fields);
  }
  const existing = await recordsOf(tx, actor.organizationId, id);
  const existingIds = new Set(existing.map((r) => r.id));
  for (const r of records) if (r.id && !existingIds.has(r.id)) throw invalid('records', 'この対策表にないリスクの行が含まれています');
  const kept = new Set(records.flatMap((r) => (r.id ? [r.id] : [])));
  const removed = existing.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (removed.length > 0)
    await tx.delete(riskRecords).where(and(eq(riskRecords.organizationId, actor.organizationId), eq(riskRecords.assessmentId, id), inArray(riskRecords.id, removed)));
  for (const [index, r] of records.entries()) {
    const values = {
      phase: r.phase as RecordRow['phase'],
      threat: r.threat as RecordRow['threat'],
      risk: r.risk,
      ownerPersonId: r.ownerPersonId,
      likelihood: r.likelihood,
      impact: r.impact,
      // J.3.1.3 1 b): the same inputs under the same criteria version always give the same score.
      score: scoreRisk({ likelihood: r.likelihood, impact: r.impact }, row.criteriaVersion).score,
      criteriaVersion: row.criteriaVersion,
      countermeasures: r.countermeasures.filter((c) => c.text.trim() !== '').map((c) => ({ text: c.text, refs: c.refs })),
      residualDescription: r.residualDescription,
      residualMeasure: r.residualMeasure,
      residualMonitoringDate: r.residualMonitoringDate,
      typicalRiskId: r.typicalRiskId,
      sortOrder: index,
      updatedAt: clock.now,
    };
    if (r.id)
      await tx
        .update(riskRecords)
        .set(values)
        .where(and(eq(riskRecords.organizationId, actor.organizationId), eq(riskRecords.id, r.id)));
    else await tx.insert(riskRecords).values({ ...values, organizationId: actor.organizationId, assessmentId: id, createdAt: clock.now });
  }
  await tx
    .update(riskAssessments)
    .set({ updatedAt: clock.now })
    .where(and(eq(riskAssessments.organizationId, actor.organizationId), eq(riskAssessments.id, id)));
  if (row.status === 'approved') await coverCurrentRevisions(tx, actor.organizationId, id);
  await reapproveIfChanged(tx, actor, row, clock);
}
