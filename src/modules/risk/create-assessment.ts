import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import { latestRiskCriteriaVersion } from '../../rules/data/riskCriteria.ts';
import { latestTypicalRisksVersion } from '../../rules/data/typicalRisks.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid } from '../../platform/http/errors.ts';
import { departments } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { assertKeeps } from '../inventory/inventory.exports.ts';
import { assertEntriesOf } from './assessment-editing.ts';
import type { assessmentBody } from './risk.schema.ts';
import { refreshRiskStatus } from './risk.status.ts';
import { riskAssessmentEntries, riskAssessments } from './risk.tables.ts';

/**
 * A new リスク分析対策表 for a 類型 of the department's entries (draft, no rows yet), under the
 * current criteria and typical-risk versions (J.3.1.3 1 b)); the entries become 分析中.
 */
export async function createAssessment(tx: Tx, actor: Actor, input: z.output<typeof assessmentBody>, clock: Clock): Promise<string> {
  assertKeeps(actor, input.departmentId, 'この所属のリスク分析');
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, input.departmentId)));
  if (!department) throw invalid('departmentId', '所管部署が見つかりません');
  const entries = await assertEntriesOf(tx, actor.organizationId, input.departmentId, input.entryIds);
  const [row] = await tx
    .insert(riskAssessments)
    .values({
      organizationId: actor.organizationId,
      departmentId: input.departmentId,
      category: input.category,
      description: input.description,
      criteriaVersion: latestRiskCriteriaVersion,
      typicalRisksVersion: latestTypicalRisksVersion,
      status: 'draft',
      createdByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('risk assessment insert returned nothing');
  await tx.insert(riskAssessmentEntries).values(entries.map((e) => ({ organizationId: actor.organizationId, assessmentId: row.id, entryId: e.id, entryRevision: e.revision })));
  await refreshRiskStatus(
    tx,
    actor.organizationId,
    entries.map((e) => e.id),
  );
  return row.id;
}
