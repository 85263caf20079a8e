import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';
import { departments } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { entrySummaries } from '../inventory/inventory.exports.ts';
import { contractorFieldLabels as L } from './contractors.labels.ts';
import { canManageContractor } from './contractors.policy.ts';
import { type ContractorRow, findContractor } from './contractors.queries.ts';
import type { createContractorBody, updateContractorBody } from './contractors.schema.ts';
import { assertWorkStartAllowed } from './subcontracting.ts';
import { contractors } from './contractors.tables.ts';

// Writes of M7 委託先管理 (J.9.4 4: the register of every contractor). Each runs in the request's
// tenant transaction; the audit triggers record the change with the actor.

export type CreateContractorInput = z.output<typeof createContractorBody>;
export type UpdateContractorInput = z.output<typeof updateContractorBody>;

async function assertDepartment(tx: Tx, organizationId: string, departmentId: string): Promise<void> {
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
  if (!row) throw invalid('departmentId', `指定された${L.departmentId}が見つかりません`);
}

/** Every linked 台帳 entry must be the organization's (through the inventory module's public reads). */
async function assertEntries(tx: Tx, organizationId: string, ids: readonly string[]): Promise<void> {
  const found = await entrySummaries(tx, organizationId, ids);
  if (found.length !== new Set(ids).size) throw invalid('entryIds', `${L.entryIds}に、台帳にない項目が含まれています`);
}

/** One register row per corporation (J.9.4 4): a second row for the same 法人番号 is refused, naming the first. */
async function assertCorporateNumberFree(tx: Tx, organizationId: string, corporateNumber: string | null, exceptId?: string): Promise<void> {
  if (!corporateNumber) return;
  const filters = [eq(contractors.organizationId, organizationId), eq(contractors.corporateNumber, corporateNumber)];
  if (exceptId) filters.push(ne(contractors.id, exceptId));
  const [other] = await tx
    .select({ name: contractors.name })
    .from(contractors)
    .where(and(...filters));
  if (other) throw invalid('corporateNumber', `この${L.corporateNumber}の委託先は登録済みです（${other.name}）`);
}

/**
 * 委託先の登録 (J.9.4 4). The department defaults to the registrant's own; a 所属長 registers for
 * their own department only.
 */
export async function createContractor(tx: Tx, actor: Actor, input: CreateContractorInput, now: Date): Promise<ContractorRow> {
  const departmentId = input.departmentId ?? actor.departmentId;
  if (!canManageContractor(actor, { departmentId })) throw forbidden('この所属の委託先を登録する権限がありません');
  if (departmentId) await assertDepartment(tx, actor.organizationId, departmentId);
  await assertEntries(tx, actor.organizationId, input.entryIds);
  await assertCorporateNumberFree(tx, actor.organizationId, input.corporateNumber);
  const [row] = await tx
    .insert(contractors)
    .values({ ...input, departmentId, organizationId: actor.organizationId, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('contractor insert returned nothing');
  return row;
}

/** 委託先の変更: only the fields sent change; the contract period is checked against the stored dates. */
export async function updateContractor(tx: Tx, actor: Actor, id: string, input: UpdateContractorInput, now: Date): Promise<ContractorRow> {
  const current = await findContractor(tx, actor.organizationId, id, true);
  if (!canManageContractor(actor, current)) throw forbidden('この委託先を変更する権限がありません');
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ContractorRow>;
  if (changes.departmentId !== undefined && changes.departmentId !== current.departmentId) {
    if (!canManageContractor(actor, { departmentId: changes.departmentId })) throw forbidden('その所属の委託先にする権限がありません');
    if (changes.departmentId) await assertDepartment(tx, actor.organizationId, changes.departmentId);
  }
  if (changes.entryIds) await assertEntries(tx, actor.organizationId, changes.entryIds);
  if (changes.corporateNumber !== undefined) await assertCorporateNumberFree(tx, actor.organizationId, changes.corporateNumber, id);
  const startsOn = changes.contractStartsOn !== undefined ? changes.contractStartsOn : current.contractStartsOn;
  const endsOn = changes.contractEndsOn !== undefined ? changes.contractEndsOn : current.contractEndsOn;
  if (startsOn && endsOn && endsOn < startsOn) throw invalid('contractEndsOn', `${L.contractEndsOn}が${L.contractStartsOn}より前になっています`);
  // 再委託先: the work does not start before the 委託元 approved the 再委託 (個人情報特記事項 第6条第2項).
  if (changes.contractStartsOn && changes.contractStartsOn !== current.contractStartsOn) await assertWorkStartAllowed(tx, current, changes.contractStartsOn);
  const [row] = await tx
    .update(contractors)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(contractors.organizationId, actor.organizationId), eq(contractors.id, id)))
    .returning();
  if (!row) throw new Error('contractor update returned nothing');
  return row;
}
