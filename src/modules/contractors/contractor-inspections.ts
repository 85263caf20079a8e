import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import { type Clock, todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { resolveSettings } from '../../platform/org/orgSettings.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { completeTasks } from '../../platform/tasks/moduleTasks.ts';
import { type InspectionDue, inspectionDue } from '../../rules/contractors/inspectionDue.ts';
import { type CorrectiveRow, correctiveForSources, presentCorrectiveLink } from '../corrective/corrective.api.ts';
import { entryContents } from '../inventory/inventory.exports.ts';
import { findingSeverityLabels, inspectionMethodLabels } from './contractor-inspections.labels.ts';
import type { inspectionResponse, inspectionsResponse } from './contractor-inspections.responses.ts';
import type { inspectionBody } from './contractor-inspections.schema.ts';
import { contractorInspectionFindings, contractorInspections } from './contractor-inspections.tables.ts';
import { canCreateContractor, canManageContractor } from './contractors.policy.ts';
import { type ContractorRow, findContractor } from './contractors.queries.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 実地検査 / 立入検査 of a 委託先 (issue 13): 豊島区 守るべき事項 5. 「少なくとも年 1 回以上、原則として実地検査
// により確認する」; 特記事項 資料B 第14条 「甲は、個人情報の保護のため必要があるときは、委託業務を処理する施設等
// の立入検査及び調査を行うことができる」; J.9.4 委託先の監督. Recorded by the 委託先's managers (its 所管の
// 所属の所属長 or the 個人情報保護管理者); its findings may open 是正処置 (open-corrective-from-finding.ts).

export type InspectionRow = typeof contractorInspections.$inferSelect;
export type FindingRow = typeof contractorInspectionFindings.$inferSelect;

/** The source type of a corrective action opened from a finding (corrective.labels.ts). */
export const FINDING_SOURCE = 'contractor_inspection';

export function presentInspection(
  row: InspectionRow,
  findings: readonly FindingRow[],
  corrective: ReadonlyMap<string, CorrectiveRow>,
  edit: boolean,
): z.output<typeof inspectionResponse> {
  return {
    id: row.id,
    contractorId: row.contractorId,
    inspectedOn: row.inspectedOn,
    inspectors: row.inspectors,
    scope: row.scope,
    method: row.method,
    methodLabel: inspectionMethodLabels[row.method],
    result: row.result,
    findings: findings.map((f) => {
      const action = corrective.get(f.id);
      return {
        id: f.id,
        severity: f.severity,
        severityLabel: findingSeverityLabels[f.severity],
        description: f.description,
        correctiveAction: action ? presentCorrectiveLink(action) : null,
      };
    }),
    abilities: { edit },
  };
}

async function findingsOf(tx: Tx, organizationId: string, inspectionIds: readonly string[], forUpdate = false): Promise<FindingRow[]> {
  if (inspectionIds.length === 0) return [];
  const query = tx
    .select()
    .from(contractorInspectionFindings)
    .where(and(eq(contractorInspectionFindings.organizationId, organizationId), inArray(contractorInspectionFindings.inspectionId, [...inspectionIds])))
    .orderBy(asc(contractorInspectionFindings.position));
  return forUpdate ? query.for('update') : query;
}

/** The records presented, each with its findings and their 是正処置. */
async function presentAll(tx: Tx, actor: Actor, contractor: ContractorRow, rows: readonly InspectionRow[]) {
  const findings = await findingsOf(
    tx,
    actor.organizationId,
    rows.map((r) => r.id),
  );
  const corrective = await correctiveForSources(
    tx,
    actor.organizationId,
    FINDING_SOURCE,
    findings.map((f) => f.id),
  );
  const edit = canManageContractor(actor, contractor);
  return rows.map((row) =>
    presentInspection(
      row,
      findings.filter((f) => f.inspectionId === row.id),
      corrective,
      edit,
    ),
  );
}

/** The day of each contractor's latest 実地検査 (contractors without one are absent). */
export async function lastInspections(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ contractorId: contractorInspections.contractorId, last: max(contractorInspections.inspectedOn) })
    .from(contractorInspections)
    .where(eq(contractorInspections.organizationId, organizationId))
    .groupBy(contractorInspections.contractorId);
  return new Map(rows.flatMap((r) => (r.last ? [[r.contractorId, r.last] as const] : [])));
}

/** The organization's policy: a 実地検査 every this many months for the other 委託先 (設定), or null (必要に応じて). */
export async function inspectionPolicyMonths(tx: Tx, organizationId: string): Promise<number | null> {
  const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, organizationId));
  return resolveSettings(org?.settings).contractorInspectionMonths;
}

/**
 * 実地検査の要否 of each 委託先 (rules/contractors/inspectionDue.ts): yearly when its linked 台帳 entries hold
 * 要配慮個人情報 or 特定個人情報 (or it is flagged as handling 特定個人情報), else by the organization's
 * policy ({@link inspectionPolicyMonths}); the first one a period after the contract starts. One read of the linked entries, the latest inspections and the
 * policy, whatever the size of the register (the home's 期限 and the daily tasks ask for every 委託先).
 */
export async function inspectionDuesOf(tx: Tx, organizationId: string, rows: readonly ContractorRow[], today: string): Promise<Map<string, InspectionDue>> {
  const entries = await entryContents(
    tx,
    organizationId,
    rows.flatMap((c) => c.entryIds),
  );
  const flags = new Map(entries.map((e) => [e.id, { sensitive: e.data.sensitive, myNumber: e.data.myNumber }]));
  const last = await lastInspections(tx, organizationId);
  const policyMonths = await inspectionPolicyMonths(tx, organizationId);
  return new Map(
    rows.map((c) => [
      c.id,
      inspectionDue({
        entries: c.entryIds.flatMap((id) => flags.get(id) ?? []),
        specificPersonalInfo: c.specificPersonalInfo,
        contractStartsOn: c.contractStartsOn,
        registeredOn: todayInJapan(c.createdAt),
        lastInspectedOn: last.get(c.id) ?? null,
        today,
        policyMonths,
      }),
    ]),
  );
}

/** 実地検査の一覧 of a 委託先 (newest first), with whether one is due. */
export async function listInspections(tx: Tx, actor: Actor, contractorId: string, today: string): Promise<z.output<typeof inspectionsResponse>> {
  const contractor = await findContractor(tx, actor.organizationId, contractorId);
  const rows = await tx
    .select()
    .from(contractorInspections)
    .where(and(eq(contractorInspections.organizationId, actor.organizationId), eq(contractorInspections.contractorId, contractor.id)))
    .orderBy(desc(contractorInspections.inspectedOn), desc(contractorInspections.createdAt));
  const due = (await inspectionDuesOf(tx, actor.organizationId, [contractor], today)).get(contractor.id);
  if (!due) throw notFound('委託先');
  return {
    items: await presentAll(tx, actor, contractor, rows),
    canAdd: canCreateContractor(actor) && canManageContractor(actor, contractor),
    due: due.required ? { required: true, reason: due.reason, dueOn: due.dueOn, overdue: due.overdue } : { required: false, reason: due.reason, dueOn: null, overdue: false },
  };
}

function refuseFuture(input: z.output<typeof inspectionBody>, today: string): void {
  if (input.inspectedOn > today) throw invalid('inspectedOn', `検査日（${displayDate(input.inspectedOn)}）が今日より後です。実施した検査を記録してください`);
}

/** 実地検査の記録を追加する (the 委託先's managers). */
export async function addInspection(tx: Tx, actor: Actor, contractorId: string, input: z.output<typeof inspectionBody>, clock: Clock) {
  const contractor = await findContractor(tx, actor.organizationId, contractorId);
  if (!canManageContractor(actor, contractor)) throw forbidden('この委託先の実地検査を記録できるのは、所管の所属の所属長又は個人情報保護管理者です');
  refuseFuture(input, clock.today);
  if (input.findings.some((f) => f.id)) throw invalid('findings', '新しい実地検査の指摘事項に既存の指摘事項は指定できません');
  const [row] = await tx
    .insert(contractorInspections)
    .values({
      organizationId: actor.organizationId,
      contractorId: contractor.id,
      inspectedOn: input.inspectedOn,
      inspectors: input.inspectors,
      scope: input.scope,
      method: input.method,
      result: input.result,
      recordedByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('inspection insert returned nothing');
  if (input.findings.length > 0) {
    await tx.insert(contractorInspectionFindings).values(
      input.findings.map((f, index) => ({
        organizationId: actor.organizationId,
        inspectionId: row.id,
        position: index + 1,
        severity: f.severity,
        description: f.description,
        createdAt: clock.now,
        updatedAt: clock.now,
      })),
    );
  }
  // The open 「委託先の実地検査」 task is done, with this record as its evidence (contractor-tasks.ts).
  await completeTasks(
    tx,
    actor.organizationId,
    { sourceType: 'contractor_inspection_due', sourceIds: [contractor.id] },
    { url: `/contractors/${contractor.id}`, note: `実地検査 ${displayDate(row.inspectedOn)} を記録しました`, now: clock.now, accountId: actor.accountId },
  );
  const [shown] = await presentAll(tx, actor, contractor, [row]);
  if (!shown) throw notFound('実地検査');
  return shown;
}

/** The record (404 when it is not the organization's). */
export async function findInspection(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<InspectionRow> {
  const query = tx
    .select()
    .from(contractorInspections)
    .where(and(eq(contractorInspections.organizationId, organizationId), eq(contractorInspections.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('実地検査');
  return row;
}

/**
 * 実地検査の記録を変更する: the whole record as sent. A finding sent with its id is kept (and changed),
 * one without an id is added, one left out is removed — unless it has opened a 是正処置 (the
 * corrective action refers to it: J.7.1 h) の記録を残す).
 */
export async function updateInspection(tx: Tx, actor: Actor, id: string, input: z.output<typeof inspectionBody>, clock: Clock) {
  const row = await findInspection(tx, actor.organizationId, id, true);
  const contractor = await findContractor(tx, actor.organizationId, row.contractorId);
  if (!canManageContractor(actor, contractor)) throw forbidden('この委託先の実地検査を変更できるのは、所管の所属の所属長又は個人情報保護管理者です');
  refuseFuture(input, clock.today);
  // Locked like openCorrectiveFromFinding locks its finding: a 是正処置 opened meanwhile is seen below.
  const existing = await findingsOf(tx, actor.organizationId, [row.id], true);
  const existingIds = new Set(existing.map((f) => f.id));
  for (const [index, f] of input.findings.entries()) {
    if (f.id && !existingIds.has(f.id)) throw invalid(`findings.${index}.id`, `指摘事項 ${index + 1} はこの実地検査の指摘事項ではありません`);
  }
  const kept = new Set(input.findings.flatMap((f) => (f.id ? [f.id] : [])));
  const removed = existing.filter((f) => !kept.has(f.id));
  const opened = await correctiveForSources(
    tx,
    actor.organizationId,
    FINDING_SOURCE,
    removed.map((f) => f.id),
  );
  const blocked = removed.find((f) => opened.has(f.id));
  if (blocked) {
    throw invalid('findings', `是正処置 ${opened.get(blocked.id)?.number ?? ''} を起こした指摘事項「${blocked.description.slice(0, 30)}」は削除できません`);
  }
  const [updated] = await tx
    .update(contractorInspections)
    .set({ inspectedOn: input.inspectedOn, inspectors: input.inspectors, scope: input.scope, method: input.method, result: input.result, updatedAt: clock.now })
    .where(eq(contractorInspections.id, row.id))
    .returning();
  if (!updated) throw notFound('実地検査');
  for (const f of removed) await tx.delete(contractorInspectionFindings).where(eq(contractorInspectionFindings.id, f.id));
  for (const [index, f] of input.findings.entries()) {
    const values = { position: index + 1, severity: f.severity, description: f.description, updatedAt: clock.now };
    if (f.id) await tx.update(contractorInspectionFindings).set(values).where(eq(contractorInspectionFindings.id, f.id));
    else await tx.insert(contractorInspectionFindings).values({ ...values, organizationId: actor.organizationId, inspectionId: row.id, createdAt: clock.now });
  }
  const [shown] = await presentAll(tx, actor, contractor, [updated]);
  if (!shown) throw notFound('実地検査');
  return shown;
}
