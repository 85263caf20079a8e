import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { assertEntriesOf, coverCurrentRevisions, editableAssessment, reapproveIfChanged } from './assessment-editing.ts';
import { linkedEntries } from './risk.queries.ts';
import type { assessmentUpdateBody } from './risk.schema.ts';
import { refreshRiskStatus } from './risk.status.ts';
import { riskAssessmentEntries, riskAssessments } from './risk.tables.ts';

/**
 * Changes the 類型's name, description and entries (PA01 J.3.1.3 e)). An approved 対策表 goes
 * through approval again (原則3); the entries added and removed get their リスク分析の状態 again.
 */
export async function updateAssessment(tx: Tx, actor: Actor, id: string, input: z.output<typeof assessmentUpdateBody>, clock: Clock): Promise<void> {
  const row = await editableAssessment(tx, actor, id);
  const entries = await assertEntriesOf(tx, actor.organizationId, row.departmentId, input.entryIds);
  const before = await linkedEntries(tx, actor.organizationId, id);
  await tx
    .update(riskAssessments)
    .set({ category: input.category, description: input.description, updatedAt: clock.now })
    .where(and(eq(riskAssessments.organizationId, actor.organizationId), eq(riskAssessments.id, id)));
  const keep = new Set(entries.map((e) => e.id));
  const removed = before.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (removed.length > 0)
    await tx
      .delete(riskAssessmentEntries)
      .where(and(eq(riskAssessmentEntries.organizationId, actor.organizationId), eq(riskAssessmentEntries.assessmentId, id), inArray(riskAssessmentEntries.entryId, removed)));
  const existing = new Set(before.map((e) => e.id));
  const added = entries.filter((e) => !existing.has(e.id));
  if (added.length > 0)
    await tx.insert(riskAssessmentEntries).values(added.map((e) => ({ organizationId: actor.organizationId, assessmentId: id, entryId: e.id, entryRevision: e.revision })));
  if (row.status === 'approved') await coverCurrentRevisions(tx, actor.organizationId, id);
  await reapproveIfChanged(tx, actor, row, clock);
  await refreshRiskStatus(tx, actor.organizationId, [...removed, ...entries.map((e) => e.id)]);
}
