import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { contractorInspectionFindings, contractorInspections } from './contractor-inspections.tables.ts';
import { contractors } from './contractors.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// The public face of M7 委託先管理 for other modules: the corrective-action module shows where a
// corrective action opened from a 実地検査's finding came from. Other modules import this file, never
// the contractor tables or business functions. It imports nothing of theirs, so no import cycle runs
// through it.

/** Whether the actor may see the 委託先 register (and so a 実地検査 and the 委託先's name). */
export function seesContractors(actor: Actor): boolean {
  return can(actor, 'contractors.read');
}

/** A 実地検査's finding as a corrective action shows its source: 「実地検査 2026-05-11 株式会社…」. */
export type InspectionFindingSummary = { contractorId: string; inspectionId: string; label: string };

/**
 * Where a finding comes from — 「実地検査 YYYY-MM-DD 委託先名」 and the 委託先 to open — when the actor
 * may see the 委託先 register, else null (the source is referenced, never copied: issue #11 finding 6).
 */
export async function inspectionFindingSummaryFor(tx: Tx, actor: Actor, findingId: string): Promise<InspectionFindingSummary | null> {
  if (!seesContractors(actor)) return null;
  const [row] = await tx
    .select({ contractorId: contractors.id, contractorName: contractors.name, inspectionId: contractorInspections.id, inspectedOn: contractorInspections.inspectedOn })
    .from(contractorInspectionFindings)
    .innerJoin(contractorInspections, eq(contractorInspections.id, contractorInspectionFindings.inspectionId))
    .innerJoin(contractors, eq(contractors.id, contractorInspections.contractorId))
    .where(and(eq(contractorInspectionFindings.organizationId, actor.organizationId), eq(contractorInspectionFindings.id, findingId)));
  return row ? { contractorId: row.contractorId, inspectionId: row.inspectionId, label: `実地検査 ${displayDate(row.inspectedOn)} ${row.contractorName}` } : null;
}
