import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { supervisionMethodLabels } from './contractors.labels.ts';
import { canManageContractor } from './contractors.policy.ts';
import { findContractor } from './contractors.queries.ts';
import type { supervisionResponse } from './contractors.responses.ts';
import { subcontractSupervisions } from './contractors.tables.ts';
import type { supervisionBody } from './subcontracting.schema.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 監督の記録 per link of the 再委託 chain: 特記事項 第6条第5項 「乙は、再委託先に対して本委託業務を委託
// した場合は、その履行状況を監督するとともに、甲の求めに応じて、監督の状況を甲に対して適宜報告しなければ
// ならない。」 A record belongs to a sub-contractor (the link to its parent).

type SupervisionRow = typeof subcontractSupervisions.$inferSelect;

export function presentSupervision(row: SupervisionRow): z.output<typeof supervisionResponse> {
  return {
    id: row.id,
    contractorId: row.contractorId,
    supervisedOn: row.supervisedOn,
    method: row.method,
    methodLabel: supervisionMethodLabels[row.method],
    findings: row.findings,
    supervisor: row.supervisor,
  };
}

/** 監督の記録を残す: only on a 再委託先 (a row with a parent); not dated in the future. */
export async function recordSupervision(tx: Tx, actor: Actor, contractorId: string, input: z.output<typeof supervisionBody>, clock: Clock) {
  const sub = await findContractor(tx, actor.organizationId, contractorId);
  if (!sub.parentContractorId) throw invalid('contractorId', `「${sub.name}」は再委託先ではないため、再委託の監督の記録は残せません`);
  const parent = await findContractor(tx, actor.organizationId, sub.parentContractorId);
  if (!canManageContractor(actor, parent) && !canManageContractor(actor, sub)) throw forbidden('この再委託先の監督の記録を残す権限がありません');
  if (input.supervisedOn > clock.today) throw invalid('supervisedOn', `監督の日（${displayDate(input.supervisedOn)}）が今日より後です`);
  const [row] = await tx
    .insert(subcontractSupervisions)
    .values({ ...input, organizationId: actor.organizationId, contractorId: sub.id, recordedByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  if (!row) throw new Error('supervision insert returned nothing');
  return presentSupervision(row);
}

/** 監督の記録 of the given links, newest first. */
export async function supervisionsOf(tx: Tx, organizationId: string, contractorIds: readonly string[]) {
  if (contractorIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(subcontractSupervisions)
    .where(and(eq(subcontractSupervisions.organizationId, organizationId), inArray(subcontractSupervisions.contractorId, [...contractorIds])))
    .orderBy(desc(subcontractSupervisions.supervisedOn));
  return rows.map(presentSupervision);
}
