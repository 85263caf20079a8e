import { and, eq, getTableColumns, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { updateMany } from '../../platform/db/updateMany.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { ImportExtra } from '../../platform/imports/extras.ts';
import { departments } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { entrySummaries } from '../inventory/inventory.exports.ts';
import { contractorFieldLabels as L } from './contractors.labels.ts';
import { canManageContractor } from './contractors.policy.ts';
import type { ContractorRow } from './contractors.queries.ts';
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

/** Every 所属 the organization's (one query for many 委託先). */
async function assertDepartments(tx: Tx, organizationId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), inArray(departments.id, [...ids])));
  if (found.length !== ids.length) throw invalid('departmentId', `指定された${L.departmentId}が見つかりません`);
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
  const [row] = await updateContractors(tx, actor, [{ id, input }], now);
  if (!row) throw new Error('contractor update returned nothing');
  return row;
}

/** A change of one 委託先: the form's input and, from an import, its 備考 and 取込時の追加情報 (absent: kept). */
export type ContractorChange = { id: string; input: UpdateContractorInput; imported?: { note?: string | null; importExtras?: ImportExtra[] | null } };

/**
 * 委託先の変更 of many at once (the form's one, and the 委託先一覧 re-imported, issue #12 Scale), each
 * by the form's rules: only the fields sent change; a 所属長 changes only their own department's
 * 委託先 (contractors.policy.ts); the 所属, the 台帳 entries and the 法人番号 (one register row per
 * corporation, J.9.4 4) checked by one query each for all of them; the contract period in order; a
 * 再委託先's work not started before the 再委託 was approved (個人情報特記事項 第6条第2項). The
 * 委託先 are locked by one statement and changed by one UPDATE per set of columns (`updateMany`).
 */
export async function updateContractors(tx: Tx, actor: Actor, changes: readonly ContractorChange[], now: Date): Promise<ContractorRow[]> {
  if (changes.length === 0) return [];
  const ids = [...new Set(changes.map((c) => c.id))];
  const locked = await tx
    .select()
    .from(contractors)
    .where(and(eq(contractors.organizationId, actor.organizationId), inArray(contractors.id, ids)))
    .for('update');
  if (locked.length !== ids.length) throw notFound('委託先');
  const currentOf = new Map(locked.map((c) => [c.id, c]));
  const departmentIds = new Set<string>();
  const entryIds = new Set<string>();
  const numbers = new Map<string, string>();
  const sets: { id: string; set: Partial<ContractorRow> }[] = [];
  for (const change of changes) {
    const current = currentOf.get(change.id) as ContractorRow;
    if (!canManageContractor(actor, current)) throw forbidden('この委託先を変更する権限がありません');
    const set = Object.fromEntries(Object.entries(change.input).filter(([, v]) => v !== undefined)) as Partial<ContractorRow>;
    if (set.departmentId !== undefined && set.departmentId !== current.departmentId) {
      if (!canManageContractor(actor, { departmentId: set.departmentId })) throw forbidden('その所属の委託先にする権限がありません');
      if (set.departmentId) departmentIds.add(set.departmentId);
    }
    for (const entryId of set.entryIds ?? []) entryIds.add(entryId);
    if (set.corporateNumber) numbers.set(set.corporateNumber, change.id);
    const startsOn = set.contractStartsOn !== undefined ? set.contractStartsOn : current.contractStartsOn;
    const endsOn = set.contractEndsOn !== undefined ? set.contractEndsOn : current.contractEndsOn;
    if (startsOn && endsOn && endsOn < startsOn) throw invalid('contractEndsOn', `${L.contractEndsOn}が${L.contractStartsOn}より前になっています`);
    // 再委託先: the work does not start before the 委託元 approved the 再委託 (個人情報特記事項 第6条第2項).
    if (set.contractStartsOn && set.contractStartsOn !== current.contractStartsOn) await assertWorkStartAllowed(tx, current, set.contractStartsOn);
    sets.push({ id: change.id, set: { ...set, ...change.imported } });
  }
  await assertDepartments(tx, actor.organizationId, [...departmentIds]);
  if (entryIds.size > 0) await assertEntries(tx, actor.organizationId, [...entryIds]);
  if (numbers.size > 0) {
    const holders = await tx
      .select({ id: contractors.id, name: contractors.name, corporateNumber: contractors.corporateNumber })
      .from(contractors)
      .where(and(eq(contractors.organizationId, actor.organizationId), inArray(contractors.corporateNumber, [...numbers.keys()])));
    const other = holders.find((h) => h.corporateNumber && numbers.get(h.corporateNumber) !== h.id);
    if (other) throw invalid('corporateNumber', `この${L.corporateNumber}の委託先は登録済みです（${other.name}）`);
  }
  return (await updateMany(tx, contractors, actor.organizationId, sets, { common: { updatedAt: now }, returning: getTableColumns(contractors) })) as ContractorRow[];
}
