import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { ApprovalRecordType, SnapshotField } from '../../platform/approvals/registry.ts';
import { submitForApproval } from '../../platform/approvals/submit-for-approval.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { diffCriteria } from '../../rules/contractors/criteriaDiff.ts';
import { type ContractorCriteriaSet, type ContractorCriterion, defaultContractorCriteria } from '../../rules/data/contractorCriteria.ts';
import { criteriaNoticeCounts, publishCriteriaRevision } from '../contractorPortal/criteriaNotices.api.ts';
import { CONTRACTOR_CRITERIA, type CriteriaStatus, criteriaStatusLabels, criteriaVersionKey, criteriaVersionLabel } from './contractor-criteria.labels.ts';
import type { criteriaListResponse, criteriaVersionResponse } from './contractor-criteria.responses.ts';
import type { saveCriteriaDraftBody } from './contractor-criteria.schema.ts';
import { contractorCriteriaSets } from './contractor-criteria.tables.ts';

// 委託先の選定・評価基準 (J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、
// 「委託先審査表」に定める」). The organization's own versions; the built-in 世田谷区 個人情報管理状況
// 調査票 is the criteria until the first version is approved. Editing opens a draft started from the
// criteria in force; トップマネジメント approves it through the approvals engine; from then on new
// evaluations (J.9.4 t)) and new 調査票 use it, and the version it replaces is 過去の版. Evaluations
// keep the version they were scored against and are scored with it again (criteriaResolver).

type CriteriaRow = typeof contractorCriteriaSets.$inferSelect;

/** A criteria set as evaluations use it, with the number of its version (null: the built-in 調査票). */
export type ResolvedCriteria = ContractorCriteriaSet & { versionNo: number | null; versionLabel: string };

const builtIn: ResolvedCriteria = { ...defaultContractorCriteria, versionNo: null, versionLabel: criteriaVersionLabel(null) };

const asSet = (row: CriteriaRow): ResolvedCriteria => ({
  version: row.version,
  name: row.name,
  source: row.source,
  items: row.items,
  versionNo: row.versionNo,
  versionLabel: criteriaVersionLabel(row.versionNo),
});

async function versionsOf(tx: Tx, organizationId: string): Promise<CriteriaRow[]> {
  return tx.select().from(contractorCriteriaSets).where(eq(contractorCriteriaSets.organizationId, organizationId)).orderBy(desc(contractorCriteriaSets.versionNo));
}

/** The criteria new evaluations and new 調査票 use: the approved version, else the built-in 調査票. */
export async function currentCriteria(tx: Tx, organizationId: string): Promise<ResolvedCriteria> {
  const [row] = await tx
    .select()
    .from(contractorCriteriaSets)
    .where(and(eq(contractorCriteriaSets.organizationId, organizationId), eq(contractorCriteriaSets.status, 'approved')));
  return row ? asSet(row) : builtIn;
}

/**
 * Resolves the version keys evaluations recorded (`criteriaVersion`) to their criteria sets, in one
 * query. The built-in key (and a key no version of the organization has) resolves to the built-in 調査票.
 */
export async function criteriaResolver(tx: Tx, organizationId: string, versions: readonly string[]): Promise<(version: string) => ResolvedCriteria> {
  const wanted = [...new Set(versions)].filter((v) => v !== defaultContractorCriteria.version);
  const rows =
    wanted.length === 0
      ? []
      : await tx
          .select()
          .from(contractorCriteriaSets)
          .where(and(eq(contractorCriteriaSets.organizationId, organizationId), inArray(contractorCriteriaSets.version, wanted)));
  const sets = new Map(rows.map((r) => [r.version, asSet(r)]));
  return (version) => sets.get(version) ?? builtIn;
}

/** The criteria set of one recorded version key (see criteriaResolver). */
export async function criteriaOf(tx: Tx, organizationId: string, version: string): Promise<ResolvedCriteria> {
  return (await criteriaResolver(tx, organizationId, [version]))(version);
}

type VersionView = z.output<typeof criteriaVersionResponse>;

const itemsView = (items: readonly ContractorCriterion[]) => items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true }));

function presentVersion(
  set: ResolvedCriteria,
  status: CriteriaStatus,
  row: CriteriaRow | null,
  previous: ResolvedCriteria | null,
  noticeCounts: ReadonlyMap<string, number> = new Map(),
): VersionView {
  return {
    id: row?.id ?? null,
    version: set.version,
    versionNo: set.versionNo,
    versionLabel: set.versionLabel,
    name: set.name,
    source: set.source,
    items: itemsView(set.items),
    status,
    statusLabel: criteriaStatusLabels[status],
    basedOn: row?.basedOn ?? null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    changes: previous ? diffCriteria(previous, set) : [],
    changesFrom: previous?.versionLabel ?? null,
    // 評価基準の改定のお知らせ (issue #13): only an approved own version was ever published.
    publishedTo: row?.approvedAt ? (noticeCounts.get(set.version) ?? 0) : null,
  };
}

/**
 * 委託先の選定・評価基準: the version in force, the open draft (or the one waiting for approval),
 * and every version newest first, each with its changes from the version before it (J.9.4 s) 見直し).
 */
export async function listCriteria(tx: Tx, actor: Actor): Promise<z.output<typeof criteriaListResponse>> {
  const rows = await versionsOf(tx, actor.organizationId);
  const current = await currentCriteria(tx, actor.organizationId);
  const resolve = await criteriaResolver(
    tx,
    actor.organizationId,
    rows.map((r) => r.basedOn),
  );
  const published = await criteriaNoticeCounts(tx, actor.organizationId);
  const versions = rows.map((row) => presentVersion(asSet(row), row.status, row, resolve(row.basedOn), published));
  const open = rows.find((r) => r.status === 'draft' || r.status === 'pending');
  // The built-in 調査票 is the first version of every organization: 適用中 until one of its own is approved.
  const builtInView = presentVersion(builtIn, current.versionNo === null ? 'approved' : 'superseded', null, null);
  return {
    current: current.versionNo === null ? builtInView : (versions.find((v) => v.version === current.version) ?? builtInView),
    open: open ? (versions.find((v) => v.id === open.id) ?? null) : null,
    versions: [...versions, builtInView],
    abilities: { edit: can(actor, 'contractors.criteria') },
  };
}

async function openVersion(tx: Tx, organizationId: string): Promise<CriteriaRow | undefined> {
  const [row] = await tx
    .select()
    .from(contractorCriteriaSets)
    .where(and(eq(contractorCriteriaSets.organizationId, organizationId), inArray(contractorCriteriaSets.status, ['draft', 'pending'])))
    .for('update');
  return row;
}

/**
 * 評価基準の下書きの保存 (J.9.4 s)): changes the open draft, or opens the next version's draft started
 * from the criteria in force. An approved (or past) version never changes. Refused while a version
 * waits for approval.
 */
export async function saveCriteriaDraft(tx: Tx, actor: Actor, input: z.output<typeof saveCriteriaDraftBody>, now: Date): Promise<VersionView> {
  const open = await openVersion(tx, actor.organizationId);
  if (open?.status === 'pending') throw conflict(`評価基準の${criteriaVersionLabel(open.versionNo)}が承認待ちです。承認又は差戻しの後に編集してください`, 'approval_pending');
  const content = {
    name: input.name,
    source: input.source ?? '',
    items: input.items.map((i) => (i.coversOthers ? { code: i.code, text: i.text, coversOthers: true } : { code: i.code, text: i.text })),
    updatedAt: now,
  };
  let row: CriteriaRow | undefined;
  if (open) [row] = await tx.update(contractorCriteriaSets).set(content).where(eq(contractorCriteriaSets.id, open.id)).returning();
  else {
    const [latest] = await versionsOf(tx, actor.organizationId);
    const current = await currentCriteria(tx, actor.organizationId);
    const versionNo = (latest?.versionNo ?? 0) + 1;
    [row] = await tx
      .insert(contractorCriteriaSets)
      .values({
        organizationId: actor.organizationId,
        versionNo,
        version: criteriaVersionKey(versionNo),
        basedOn: current.version,
        createdByPersonId: actor.personId,
        ...content,
        createdAt: now,
      })
      .returning();
  }
  if (!row) throw new Error('criteria draft write returned nothing');
  return presentVersion(asSet(row), row.status, row, await criteriaOf(tx, actor.organizationId, row.basedOn));
}

/** 下書きの破棄: the open draft is deleted (the audit trail keeps what it held); the criteria in force stay. */
export async function discardCriteriaDraft(tx: Tx, actor: Actor): Promise<void> {
  const open = await openVersion(tx, actor.organizationId);
  if (!open) throw notFound('評価基準の下書き');
  if (open.status !== 'draft')
    throw conflict(`評価基準の${criteriaVersionLabel(open.versionNo)}は承認待ちのため破棄できません。申請を取り下げてから破棄してください`, 'approval_pending');
  await tx.delete(contractorCriteriaSets).where(eq(contractorCriteriaSets.id, open.id));
}

/** 承認申請 (J.9.4 s)): the open draft goes to トップマネジメント (the organization may change the chain). */
export async function submitCriteriaDraft(tx: Tx, actor: Actor, clock: Clock) {
  const open = await openVersion(tx, actor.organizationId);
  if (!open) throw notFound('評価基準の下書き');
  if (open.status !== 'draft') throw conflict(`評価基準の${criteriaVersionLabel(open.versionNo)}は承認待ちです`, 'approval_pending');
  const request = await submitForApproval(tx, { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId }, CONTRACTOR_CRITERIA, open.id, clock);
  const [row] = await tx.select().from(contractorCriteriaSets).where(eq(contractorCriteriaSets.id, open.id));
  if (!row) throw notFound('評価基準の版');
  return { ...presentVersion(asSet(row), row.status, row, await criteriaOf(tx, actor.organizationId, row.basedOn)), approvalRequestId: request.id };
}

/**
 * 承認: the version becomes the criteria in force; the one it replaces becomes 過去の版. Its name,
 * number and items are published to the 委託先 connected through the 委託先ポータル (評価基準の改定のお知らせ,
 * issue #13), so they can prepare their answers before the next 調査票.
 */
async function applyApprovedVersion(tx: Tx, organizationId: string, id: string, now: Date): Promise<void> {
  await tx
    .update(contractorCriteriaSets)
    .set({ status: 'superseded', updatedAt: now })
    .where(and(eq(contractorCriteriaSets.organizationId, organizationId), eq(contractorCriteriaSets.status, 'approved')));
  const [approved] = await tx
    .update(contractorCriteriaSets)
    .set({ status: 'approved', approvedAt: now, updatedAt: now })
    .where(and(eq(contractorCriteriaSets.organizationId, organizationId), eq(contractorCriteriaSets.id, id)))
    .returning();
  if (approved) await publishCriteriaRevision(tx, organizationId, { version: approved.version, versionNo: approved.versionNo, name: approved.name, items: approved.items }, now);
}

const snapshotItems = (v: unknown): ContractorCriterion[] =>
  Array.isArray(v) ? v.filter((i): i is ContractorCriterion => typeof i === 'object' && i !== null && typeof i.code === 'string' && typeof i.text === 'string') : [];

/** The version on the approval screen: its name, each item, and what changed from the criteria it replaces. */
export function describeCriteriaSnapshot(data: Record<string, unknown>): SnapshotField[] {
  const items = snapshotItems(data.items);
  const previous = snapshotItems(data.previousItems);
  const changes = diffCriteria({ items: previous }, { items });
  return [
    { key: 'version', label: '版', value: typeof data.versionNo === 'number' ? criteriaVersionLabel(data.versionNo) : null },
    { key: 'name', label: '評価基準の名称', value: typeof data.name === 'string' ? data.name : null },
    { key: 'source', label: '出典', value: typeof data.source === 'string' && data.source ? data.source : null },
    ...items.map((item, index) => ({
      key: `item${index + 1}`,
      label: `評価項目 ${item.code}`,
      value: item.coversOthers ? `${item.text}（該当すれば他の項目を代替）` : item.text,
    })),
    {
      key: 'changes',
      label: `${typeof data.previousLabel === 'string' ? data.previousLabel : '前の版'}からの変更`,
      value: changes.length === 0 ? '変更なし' : changes.map((c) => `${c.label}: ${c.code} ${c.currentText ?? c.previousText ?? ''}`).join('\n'),
    },
  ];
}

/** Approval record type 委託先の選定・評価基準 (J.9.4 s)). Listed in the module manifest (index.ts). */
export const contractorCriteriaApprovalType: ApprovalRecordType = {
  type: CONTRACTOR_CRITERIA,
  label: '委託先の選定・評価基準',
  // J.9.4 s): the 個人情報保護管理者 reviews the criteria; the organization's default puts the new
  // version before トップマネジメント (J.2.3.1 c) PMS の最高責任者). The chain is the organization's to change.
  defaultSteps: [{ role: 'top_management' }],
  async snapshot(tx, organizationId, recordId) {
    const [row] = await tx
      .select()
      .from(contractorCriteriaSets)
      .where(and(eq(contractorCriteriaSets.organizationId, organizationId), eq(contractorCriteriaSets.id, recordId)));
    if (!row) return null;
    const previous = await criteriaOf(tx, organizationId, row.basedOn);
    return {
      title: `委託先の選定・評価基準 ${criteriaVersionLabel(row.versionNo)}`,
      departmentId: null,
      data: {
        versionNo: row.versionNo,
        name: row.name,
        source: row.source,
        items: row.items,
        previousLabel: previous.versionLabel,
        previousItems: previous.items,
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    if (status === 'approved') return applyApprovedVersion(tx, organizationId, recordId, now);
    const next = status === 'pending' ? 'pending' : status === 'returned' || status === 'withdrawn' ? 'draft' : null;
    if (!next) return;
    await tx
      .update(contractorCriteriaSets)
      .set({ status: next, updatedAt: now })
      .where(and(eq(contractorCriteriaSets.organizationId, organizationId), eq(contractorCriteriaSets.id, recordId)));
  },
  link: () => '/contractors/criteria',
  describeSnapshot: describeCriteriaSnapshot,
};
