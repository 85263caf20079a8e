import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { entrySummaries } from '../inventory/inventory.exports.ts';
import { assertDepartment, assertNotFuture, responding } from './incident-writes.ts';
import type { IncidentNarrative, IncidentReportDetails } from './incidents.labels.ts';
import { assertEditable } from './incidents.policy.ts';
import { findVisibleIncident, type IncidentRow } from './incidents.queries.ts';
import type { updateIncidentBody } from './incidents.schema.ts';
import { incidents } from './incidents.tables.ts';

/**
 * 事案の記録の更新: title, department, 5W1H (世田谷区フロー ③調査), the report items of
 * 施行規則第8条第1項 第4〜9号, the affected 個人情報. Only the fields sent change; refused while the
 * closure waits for approval or after closure.
 */
export async function updateIncident(tx: Tx, actor: Actor, id: string, input: z.output<typeof updateIncidentBody>, clock: Clock): Promise<IncidentRow> {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  assertEditable(incident);
  if (input.departmentId !== undefined) await assertDepartment(tx, actor.organizationId, input.departmentId, 'departmentId');
  if (input.discoveredAt) assertNotFuture(new Date(input.discoveredAt), clock.now);
  if (input.affectedRecords) await assertInventoryEntries(tx, actor.organizationId, input.affectedRecords);
  // The narrative and the report items are replaced as a whole (every key present, null when empty).
  const narrative: IncidentNarrative | undefined = input.narrative;
  const details: IncidentReportDetails | undefined = input.details;
  const [row] = await tx
    .update(incidents)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
      ...(input.discoveredAt !== undefined ? { discoveredAt: new Date(input.discoveredAt) } : {}),
      ...(input.phase !== undefined ? { phase: input.phase } : {}),
      ...(input.reportSummary !== undefined ? { reportSummary: input.reportSummary } : {}),
      ...(narrative ? { narrative } : {}),
      ...(details ? { details } : {}),
      ...(input.affectedRecords !== undefined ? { affectedRecords: input.affectedRecords } : {}),
      ...responding(incident),
      updatedAt: clock.now,
    })
    .where(eq(incidents.id, incident.id))
    .returning();
  if (!row) throw notFound('事案');
  return row;
}

/**
 * An affected 個人情報 picked from the 個人情報管理台帳 names an entry of this organization: an id
 * of another organization's entry, or of none, is refused on its row (the text fields stay what
 * the person typed; the link is only the reference, SPEC M4 ↔ M1).
 */
async function assertInventoryEntries(tx: Tx, organizationId: string, rows: readonly { inventoryEntryId: string | null }[]): Promise<void> {
  const ids = [...new Set(rows.map((r) => r.inventoryEntryId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const found = new Set((await entrySummaries(tx, organizationId, ids)).map((e) => e.id));
  rows.forEach((r, index) => {
    if (r.inventoryEntryId !== null && !found.has(r.inventoryEntryId)) {
      throw invalid(`affectedRecords.${index}.inventoryEntryId`, `影響を受けた個人情報の${index + 1}行目: 個人情報管理台帳の項目が見つかりません`);
    }
  });
}
