import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import { needsReapproval } from '../../rules/approvalChains.ts';
import { ruleAudience } from '../../rules/data/seedSources.ts';
import { decisionAbilitiesOn, submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import type { ApprovalHookContext, ApprovalRecordType } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { markReviewItemChanged } from '../../platform/reviews/reviews.service.ts';
import { assertNoRuleErrors, assertReferences, namesFor } from './entry-references.ts';
import { contentChanges, entryDuties, entryFindings } from './inventory.content.shared.ts';
import { approvalActorOf, assertKeeps, keepsDepartment } from './inventory.keepers.ts';
import { describeInventoryRequestSnapshot, previousInventoryVersion } from './inventory.snapshot.ts';
import { INVENTORY_ACQUISITION, INVENTORY_CHANGE } from './inventory.labels.ts';
import { getEntryRow } from './inventory.queries.ts';
import { type EntryContent, type RequestBody, type RequestKind, requestKindLabels, type requestsQuery, type requestUpdateBody } from './inventory.schema.ts';
import { inventoryRequests } from './inventory.tables.ts';
import { changeEntry, createEntry } from './write-entry.ts';

// 新規個人情報取得申請書 and 個人情報取扱変更等申請書 (J.3.1.1 c)–d), J.8.5, J.8.6): records with
// their own approval chain (所属長 → 個人情報保護管理者, rules/data/approvalChains.ts). The 台帳
// changes only in `applyApprovedRequest`, inside the transaction of the final approval.

export type RequestRow = typeof inventoryRequests.$inferSelect;

const recordTypeOf = (kind: RequestKind) => (kind === 'acquisition' ? INVENTORY_ACQUISITION : INVENTORY_CHANGE);

async function readRequest(tx: Tx, organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<RequestRow | null> {
  const query = tx
    .select()
    .from(inventoryRequests)
    .where(and(eq(inventoryRequests.organizationId, organizationId), eq(inventoryRequests.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** What the approvers approve: exactly this JSON (a later edit asks for re-approval). */
function snapshotData(row: RequestRow) {
  return { kind: row.kind, entryId: row.entryId, baseRevision: row.baseRevision, proposed: row.proposed, reason: row.reason, noticeDraft: row.noticeDraft };
}

function titleOf(row: Pick<RequestRow, 'kind' | 'proposed'>): string {
  return `${requestKindLabels[row.kind]}: ${row.proposed.name}`;
}

/**
 * The final approval: a new acquisition creates the entry; a change updates it — but only if
 * nobody changed the entry since the request was written (otherwise the approval is refused and
 * nothing is written: the requester files again on the current version).
 */
async function applyApprovedRequest(tx: Tx, context: ApprovalHookContext): Promise<void> {
  const row = await readRequest(tx, context.organizationId, context.recordId, { forUpdate: true });
  if (!row) throw notFound('申請書');
  const write = {
    organizationId: context.organizationId,
    actorPersonId: context.actor.personId,
    requestedByPersonId: row.requestedByPersonId,
    requestId: row.id,
    today: context.today,
    now: context.now,
  };
  if (row.kind === 'acquisition') {
    const names = await namesFor(tx, context.organizationId, [row.proposed]);
    const entry = await createEntry(tx, row.proposed, names.of(row.proposed), { ...write, kind: 'created', summary: `${requestKindLabels.acquisition}により登録` });
    await tx.update(inventoryRequests).set({ entryId: entry.id }).where(eq(inventoryRequests.id, row.id));
    return;
  }
  if (!row.entryId) throw invalid('entryId', '変更する台帳の項目がありません');
  const entry = await getEntryRow(tx, context.organizationId, row.entryId, { forUpdate: true });
  if (row.baseRevision !== null && entry.revision !== row.baseRevision) {
    throw conflict(
      `この申請の後に台帳の「${entry.name}」が変更されています（申請時の版 ${row.baseRevision}、現在の版 ${entry.revision}）。申請を差し戻し、最新の内容で申請し直してください`,
      'stale_request',
    );
  }
  await changeEntry(tx, entry, row.proposed, { ...write, summary: `${requestKindLabels.change}により変更: ${row.reason}` });
}

async function syncStatus(tx: Tx, context: ApprovalHookContext): Promise<void> {
  await tx
    .update(inventoryRequests)
    .set({ status: context.status, updatedAt: context.now, decidedAt: context.status === 'pending' ? null : context.now })
    .where(and(eq(inventoryRequests.organizationId, context.organizationId), eq(inventoryRequests.id, context.recordId)));
}

/** Who may see a request and its stamps: 台帳の閲覧権限 (inventory.read) or the requester. */
async function canViewRequest(tx: Tx, actor: Actor, recordId: string): Promise<boolean> {
  if (can(actor, 'inventory.read')) return true;
  const row = await readRequest(tx, actor.organizationId, recordId);
  return !!row && row.requestedByPersonId === actor.personId;
}

/** The approval record types of 新規取得申請 and 変更申請 (PA01 J.8.6). Listed in the module manifest (index.ts). */
export const inventoryRequestApprovalTypes: ApprovalRecordType[] = (['acquisition', 'change'] as const).map((kind) => ({
  type: recordTypeOf(kind),
  label: requestKindLabels[kind],
  // PA01 J.8.6, J.3.1.1 c)–d): the 申請書 goes 「所属長を経由して」; a 所属長 who files it has passed their step.
  submissionPassesAuthorSteps: true,
  async snapshot(tx, organizationId, recordId) {
    const row = await readRequest(tx, organizationId, recordId);
    if (!row || row.kind !== kind) return null;
    return { title: titleOf(row), departmentId: row.departmentId, data: snapshotData(row) };
  },
  onApproved: applyApprovedRequest,
  onStatusChange: syncStatus,
  canView: canViewRequest,
  link: (recordId: string) => `/inventory/requests/${recordId}`,
  describeSnapshot: describeInventoryRequestSnapshot,
  previousVersion: previousInventoryVersion,
}));

// ---- filing ----

async function assertNoOtherOpenChange(tx: Tx, organizationId: string, entryId: string, exceptId?: string): Promise<void> {
  const open = await tx
    .select({ id: inventoryRequests.id })
    .from(inventoryRequests)
    .where(and(eq(inventoryRequests.organizationId, organizationId), eq(inventoryRequests.entryId, entryId), eq(inventoryRequests.status, 'pending')));
  if (open.some((r) => r.id !== exceptId)) throw conflict('この台帳の項目には承認待ちの変更申請があります。承認または差戻しを待ってください', 'request_pending');
}

/**
 * Checks a request before it is saved or submitted: the actor keeps the department(s), the
 * references exist, a change changes something, and — on submission — the content passes the
 * rules (J.3.1.1 3, J.8.3 …). Throws the refusal; writes nothing.
 */
async function checkRequest(
  tx: Tx,
  actor: Actor,
  input: { kind: RequestKind; entryId: string | null; proposed: EntryContent },
  submit: boolean,
  today: string,
): Promise<{ baseRevision: number | null }> {
  assertKeeps(actor, input.proposed.departmentId);
  await assertReferences(tx, actor.organizationId, input.proposed, today);
  let baseRevision: number | null = null;
  if (input.kind === 'change') {
    if (!input.entryId) throw invalid('entryId', '変更する台帳の項目を指定してください');
    const entry = await getEntryRow(tx, actor.organizationId, input.entryId);
    assertKeeps(actor, entry.departmentId, '移管元の所属の台帳');
    baseRevision = entry.revision;
    const names = await namesFor(tx, actor.organizationId, [entry.data, input.proposed]);
    if (contentChanges(entry.data, names.of(entry.data), input.proposed, names.of(input.proposed)).length === 0) {
      throw invalid('proposed', '現在の台帳の内容から変更がありません');
    }
  }
  if (submit) {
    const names = await namesFor(tx, actor.organizationId, [input.proposed]);
    assertNoRuleErrors(input.proposed, names.of(input.proposed));
  }
  return { baseRevision };
}

/**
 * Files a 新規個人情報取得申請書 or 個人情報取扱変更等申請書: saved as a draft, or submitted at once
 * (`submit`). A submission passes the 所属長 step when the 所属長 files it (`submissionPassesAuthorSteps`).
 */
export async function createRequest(tx: Tx, actor: Actor, input: RequestBody, clock: Clock) {
  const { baseRevision } = await checkRequest(tx, actor, input, input.submit, clock.today);
  if (input.kind === 'change' && input.entryId) await assertNoOtherOpenChange(tx, actor.organizationId, input.entryId);
  const [row] = await tx
    .insert(inventoryRequests)
    .values({
      organizationId: actor.organizationId,
      kind: input.kind,
      entryId: input.kind === 'change' ? input.entryId : null,
      departmentId: input.proposed.departmentId,
      proposed: input.proposed,
      reason: input.reason,
      noticeDraft: input.noticeDraft,
      baseRevision,
      reviewId: input.reviewId,
      status: 'draft',
      requestedByPersonId: actor.personId,
      requestedByAccountId: actor.accountId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('inventory request insert returned nothing');
  // Filed from the department's yearly review (the head chose 「変更」 for the entry).
  if (input.reviewId) await markReviewItemChanged(tx, actor, 'inventory', input.reviewId, { subjectId: row.entryId, requestId: row.id }, clock.now);
  if (input.submit) await submitForApproval(tx, approvalActorOf(actor), recordTypeOf(row.kind), row.id, clock);
  return row.id;
}

/** Edits a draft or returned request (the requester, or the PMS manager). */
export async function updateRequest(tx: Tx, actor: Actor, id: string, input: z.output<typeof requestUpdateBody>, clock: Clock) {
  const row = await readRequest(tx, actor.organizationId, id, { forUpdate: true });
  if (!row || !(await canViewRequest(tx, actor, id))) throw notFound('申請書');
  if (row.requestedByPersonId !== actor.personId && !can(actor, 'inventory.manage')) throw forbidden('申請書を修正できるのは申請者本人と個人情報保護管理者です');
  if (row.status !== 'draft' && row.status !== 'returned')
    throw conflict(`この申請書は「${row.status === 'pending' ? '承認待ち' : '処理済み'}」のため修正できません`, 'request_state');
  const { baseRevision } = await checkRequest(tx, actor, { kind: row.kind, entryId: row.entryId, proposed: input.proposed }, input.submit, clock.today);
  await tx
    .update(inventoryRequests)
    .set({ proposed: input.proposed, departmentId: input.proposed.departmentId, reason: input.reason, noticeDraft: input.noticeDraft, baseRevision, updatedAt: clock.now })
    .where(eq(inventoryRequests.id, row.id));
  if (input.submit) {
    if (row.kind === 'change' && row.entryId) await assertNoOtherOpenChange(tx, actor.organizationId, row.entryId, row.id);
    await submitForApproval(tx, approvalActorOf(actor), recordTypeOf(row.kind), row.id, clock);
  }
  return row.id;
}

/** Submits a saved draft (or a returned request, again). */
export async function submitRequest(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const row = await readRequest(tx, actor.organizationId, id, { forUpdate: true });
  if (!row || !(await canViewRequest(tx, actor, id))) throw notFound('申請書');
  if (row.requestedByPersonId !== actor.personId && !can(actor, 'inventory.manage')) throw forbidden('申請できるのは申請者本人と個人情報保護管理者です');
  if (row.status !== 'draft' && row.status !== 'returned') throw conflict('この申請書は既に申請済みです', 'request_state');
  const { baseRevision } = await checkRequest(tx, actor, { kind: row.kind, entryId: row.entryId, proposed: row.proposed }, true, clock.today);
  if (row.kind === 'change' && row.entryId) await assertNoOtherOpenChange(tx, actor.organizationId, row.entryId, row.id);
  if (baseRevision !== row.baseRevision) await tx.update(inventoryRequests).set({ baseRevision }).where(eq(inventoryRequests.id, row.id));
  await submitForApproval(tx, approvalActorOf(actor), recordTypeOf(row.kind), row.id, clock);
  return row.id;
}

// ---- reading ----

/**
 * 申請書の一覧: everything for those who may read the 台帳 (inventory.read), otherwise only one's
 * own requests; `mine=1` narrows to one's own.
 */
export async function listRequests(tx: Tx, actor: Actor, query: z.output<typeof requestsQuery>) {
  const requester = alias(people, 'requester');
  const conditions: (SQL | undefined)[] = [eq(inventoryRequests.organizationId, actor.organizationId)];
  if (query.status) conditions.push(eq(inventoryRequests.status, query.status));
  if (query.kind) conditions.push(eq(inventoryRequests.kind, query.kind));
  if (query.entryId) conditions.push(eq(inventoryRequests.entryId, query.entryId));
  if (query.mine === '1' || !can(actor, 'inventory.read')) conditions.push(eq(inventoryRequests.requestedByPersonId, actor.personId));
  return tx
    .select({ request: inventoryRequests, requestedByName: requester.name, departmentName: departments.name })
    .from(inventoryRequests)
    .innerJoin(requester, eq(requester.id, inventoryRequests.requestedByPersonId))
    .innerJoin(departments, eq(departments.id, inventoryRequests.departmentId))
    .where(and(...conditions))
    .orderBy(desc(inventoryRequests.updatedAt))
    .limit(500);
}

/**
 * What the caller may do with a 申請書 now (STYLE 4: the SPA shows its buttons from these and
 * never re-derives the rules).
 */
export type RequestAbilities = {
  /** 修正: a draft or returned request, by the requester or the PMS manager. */
  edit: boolean;
  /** 申請: the same, when the caller also keeps the request's department (所属長 … J.8.6). */
  submit: boolean;
  /** 承認・差戻し: the current step of its approval, as the approvals engine decides (SPEC §3, §5.4). */
  approve: boolean;
  return: boolean;
  /** 取下げ: the submitter, while it awaits approval. */
  withdraw: boolean;
};

/** One request: content, the current entry and the diff for a change, findings, duties, approval request, the caller's abilities. */
export async function getRequestDetail(tx: Tx, actor: Actor, id: string, today: string) {
  const row = await readRequest(tx, actor.organizationId, id);
  if (!row || !(await canViewRequest(tx, actor, id))) throw notFound('申請書');
  const entry = row.entryId ? await getEntryRow(tx, actor.organizationId, row.entryId).catch(() => null) : null;
  const names = await namesFor(tx, actor.organizationId, entry ? [row.proposed, entry.data] : [row.proposed]);
  const [requester] = await tx.select({ name: people.name }).from(people).where(eq(people.id, row.requestedByPersonId));
  const [approval] = await tx
    .select({ id: approvalRequests.id, status: approvalRequests.status, recordSnapshot: approvalRequests.recordSnapshot })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.organizationId, actor.organizationId),
        eq(approvalRequests.recordId, row.id),
        inArray(approvalRequests.recordType, [INVENTORY_ACQUISITION, INVENTORY_CHANGE]),
      ),
    )
    .orderBy(desc(approvalRequests.submittedAt))
    .limit(1);
  const editable = (row.status === 'draft' || row.status === 'returned') && (row.requestedByPersonId === actor.personId || can(actor, 'inventory.manage'));
  // 岡崎市規程 第5条2 only for a public body or 指定管理者 (issue 10: a company was shown it).
  const [org] = await tx.select({ profile: organizations.profile }).from(organizations).where(eq(organizations.id, actor.organizationId));
  const audience = ruleAudience(org?.profile);
  const abilities: RequestAbilities = {
    edit: editable,
    submit: editable && keepsDepartment(actor, row.departmentId),
    ...(await decisionAbilitiesOn(tx, actor, approval, today)),
  };
  return {
    row,
    recordType: recordTypeOf(row.kind),
    requestedByName: requester?.name ?? '',
    departmentName: names.departmentNames.get(row.departmentId) ?? '',
    accessHolders: row.proposed.accessHolderIds.map((pid) => ({ id: pid, name: names.personNames.get(pid) ?? '' })),
    entry: entry ? { id: entry.id, name: entry.name, revision: entry.revision, data: entry.data } : null,
    changes: entry ? contentChanges(entry.data, names.of(entry.data), row.proposed, names.of(row.proposed)) : [],
    stale: row.kind === 'change' && entry !== null && row.baseRevision !== null && entry.revision !== row.baseRevision && row.status !== 'approved',
    findings: entryFindings(row.proposed, names.of(row.proposed), { audience }),
    duties: entryDuties(row.proposed, names.of(row.proposed)),
    approvalRequestId: approval?.id ?? null,
    changedSinceSubmission: approval ? needsReapproval(approval.recordSnapshot, snapshotData(row)) : false,
    abilities,
  };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequestDetail>>;
export type RequestListRow = Awaited<ReturnType<typeof listRequests>>[number];
