import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import { requireReapprovalIfChanged, submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { incidentSummaryFor, notifyIncidentRecipients } from '../incidents/incidents.api.ts';
import { complaintSummaryFor } from '../requests/requests.api.ts';
import { CORRECTIVE_PLAN, CORRECTIVE_RESULT, type CorrectiveSource } from './corrective.labels.ts';
import { canManageCorrective, isPmsManager } from './corrective.policy.ts';
import { describeCorrectivePlanSnapshot, describeCorrectiveResultSnapshot } from './corrective.snapshot.ts';
import { type CorrectiveRow, findCorrective, mayReadCorrective, withSourceVisibility } from './corrective.queries.ts';
import type { updateCorrectiveBody } from './corrective.schema.ts';
import { correctiveActions } from './corrective.tables.ts';

// M10 不適合・是正処置 (J.7.1). The procedure of J.7.1 h) as Mamori runs it:
//  1) the finder records the nonconformity (anyone; the 所属長 and the PMS manager are told);
//  2) the 所属長 of the department finds the root cause and drafts the plan;
//  3) the 所属長 submits the plan → 個人情報保護管理者 → トップマネジメント approve (record type
//     `corrective_action_plan`). The 所属長's submission is their 「確認」 of h) 1): the approvals
//     engine never lets a submitter approve their own request (SPEC §5.4), so a 所属長 step after
//     a 所属長's submission could never be approved;
//  4) the 所属長 carries out the approved plan and records it;
//  5)–6) the 個人情報保護管理者 records the review of effectiveness (効果確認); the result is then
//     submitted → 個人情報保護管理者 → トップマネジメント approve (`corrective_action_result`;
//     J.7.1 3「実施結果の証拠となる文書化した情報を…トップマネジメントが承認する」).
// Both chains can be changed per organization on the approval-chain settings screen.

/** Key space of the advisory lock that serializes number allocation per organization. */
const NUMBER_LOCK = 727281;

/** The plan fields approved at h) 3); changing one after approval asks for re-approval. */
const planFields = ['title', 'content', 'correction', 'rootCause', 'similarCases', 'plan', 'dueOn', 'departmentId'] as const;
const effectivenessFields = ['effectivenessReview', 'effective', 'effectivenessReviewedOn'] as const;
const implementationFields = ['implementation', 'implementedOn'] as const;

async function assertDepartment(tx: Tx, organizationId: string, departmentId: string, field: string): Promise<void> {
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
  if (!row) throw invalid(field, '指定された所属が見つかりません');
}

function personActor(actor: Actor) {
  return { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId };
}

export type CreateCorrectiveInput = {
  sourceType: CorrectiveSource;
  sourceId: string | null;
  sourceRef: string | null;
  departmentId: string | null;
  title: string;
  content: string;
  correction: string | null;
};

/** The stored fields of a new record (the rest start empty; the status starts at draft). */
export type NewCorrectiveValues = Pick<
  CorrectiveRow,
  'organizationId' | 'sourceType' | 'sourceId' | 'sourceRef' | 'departmentId' | 'title' | 'content' | 'correction' | 'reportedByPersonId' | 'reportedByAccountId'
> &
  Partial<Pick<CorrectiveRow, 'rootCause'>> & { reportedAt?: Date };

/**
 * Inserts a record under the next 管理番号 of the organization for the year of `clock.today`
 * (`CA-2026-0001`; an advisory lock serializes the allocation). No checks and no notification:
 * {@link createCorrectiveAction} does those; the demo data calls this directly.
 */
export async function insertCorrectiveAction(tx: Tx, values: NewCorrectiveValues, clock: Clock): Promise<CorrectiveRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${values.organizationId}))`);
  const head = `CA-${clock.today.slice(0, 4)}-`;
  const taken = await tx
    .select({ number: correctiveActions.number })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, values.organizationId), sql`${correctiveActions.number} like ${`${head}%`}`));
  const last = Math.max(0, ...taken.map((r) => Number(r.number.slice(head.length)) || 0));
  const [row] = await tx
    .insert(correctiveActions)
    .values({
      ...values,
      number: `${head}${String(last + 1).padStart(4, '0')}`,
      status: 'draft',
      reportedAt: values.reportedAt ?? clock.now,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('corrective action insert returned nothing');
  return row;
}

/**
 * 不適合の記録 (J.7.1 h) 1)): anyone records a nonconformity they found, from any source
 * (J.7.1 g) 1)〜4)). The 所属長 of the department and the PMS manager are notified so the root
 * cause and plan can be drafted (h) 2)). `sourceChecked`: the source's own module opened it from
 * a record it has checked (corrective.api.ts openCorrectiveAction), so any source type may link.
 */
export async function createCorrectiveAction(
  tx: Tx,
  actor: Actor,
  input: CreateCorrectiveInput,
  clock: Clock,
  { sourceChecked = false }: { sourceChecked?: boolean } = {},
): Promise<CorrectiveRow> {
  const departmentId = input.departmentId ?? actor.departmentId;
  if (!departmentId) throw invalid('departmentId', '当該所属を指定してください（その所属長が根本原因と処置計画を立案します: J.7.1 h) 2)）');
  await assertDepartment(tx, actor.organizationId, departmentId, 'departmentId');
  let sourceRef = input.sourceRef;
  if (input.sourceId && !sourceChecked) {
    if (input.sourceType === 'complaint') {
      // J.11.1 d) → J.7.1 g) 3): a complaint is linked by its id and quoted by its 受付番号 only.
      const complaint = await complaintSummaryFor(tx, actor, input.sourceId);
      if (!complaint) throw invalid('sourceId', '契機となった苦情・相談が見つかりません');
      sourceRef = complaint.number;
    } else {
      if (input.sourceType !== 'incident') throw invalid('sourceId', 'この契機の記録へのリンクはまだ使えません。参照番号（指摘番号など）に記入してください');
      if (!(await incidentSummaryFor(tx, actor, input.sourceId))) throw invalid('sourceId', '契機となった事案が見つかりません');
    }
  }
  const row = await insertCorrectiveAction(
    tx,
    {
      organizationId: actor.organizationId,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      sourceRef,
      departmentId,
      title: input.title,
      content: input.content,
      correction: input.correction,
      reportedByPersonId: actor.personId,
      reportedByAccountId: actor.accountId,
    },
    clock,
  );
  await notifyIncidentRecipients(
    tx,
    actor.organizationId,
    clock.today,
    {
      kind: 'corrective_reported',
      title: `【不適合の記録】${row.number} ${row.title}`,
      body: `${actor.personName} さんが不適合を記録しました。当該所属長は根本原因を特定し、処置計画を立案して申請してください（J.7.1 h) 2)・3)）。`,
      link: `/corrective-actions/${row.id}`,
      dedupeKey: `corrective:${row.id}:reported`,
    },
    { departmentId },
  );
  return row;
}

/**
 * 是正処置の記録の更新. Refused while an approval is pending or after completion; the
 * implementation waits for an approved plan (h) 4) 承認された処置計画に従って処置を実施); the
 * effectiveness review is the PMS manager's (h) 6)) and follows the implementation (1 d)). A
 * change to an approved plan asks for the plan's re-approval (Principle 3).
 */
export async function updateCorrectiveAction(tx: Tx, actor: Actor, id: string, input: z.output<typeof updateCorrectiveBody>, clock: Clock): Promise<CorrectiveRow> {
  const row = await findCorrective(tx, actor.organizationId, id, true);
  if (!canManageCorrective(actor, row)) throw forbidden('この是正処置を変更できるのは、当該所属の所属長又は個人情報保護管理者です');
  if (row.status === 'plan_pending' || row.status === 'result_pending')
    throw conflict('承認待ちのため変更できません。変更が必要なときは申請を取り下げてください', 'approval_pending');
  if (row.status === 'closed') throw conflict('完了した是正処置は変更できません', 'corrective_closed');
  const sent = (key: keyof typeof input) => input[key] !== undefined;
  if (effectivenessFields.some(sent) && !isPmsManager(actor)) throw forbidden('有効性のレビュー（効果確認）は個人情報保護管理者が記入します（J.7.1 h) 6)）');
  if (input.departmentId !== undefined && input.departmentId !== row.departmentId) {
    await assertDepartment(tx, actor.organizationId, input.departmentId, 'departmentId');
    if (!canManageCorrective(actor, { departmentId: input.departmentId })) throw forbidden('他の所属へ移すことはできません（移管先の所属長又は個人情報保護管理者が行います）');
  }
  const changes = definedOnly(input);
  // The record as it will be after the change (fields not sent keep their value).
  const merged = {
    departmentId: changes.departmentId ?? row.departmentId,
    implementation: changes.implementation !== undefined ? changes.implementation : row.implementation,
    implementedOn: changes.implementedOn !== undefined ? changes.implementedOn : row.implementedOn,
    effectivenessReview: changes.effectivenessReview !== undefined ? changes.effectivenessReview : row.effectivenessReview,
    effectivenessReviewedOn: changes.effectivenessReviewedOn !== undefined ? changes.effectivenessReviewedOn : row.effectivenessReviewedOn,
  };
  if (row.status === 'draft' && implementationFields.some((k) => input[k])) {
    throw invalid(input.implementation ? 'implementation' : 'implementedOn', '処置の実施は、処置計画の承認後に記録します（J.7.1 h) 4)）');
  }
  if (merged.implementedOn && merged.implementedOn > clock.today) throw invalid('implementedOn', '実施日に未来の日付は指定できません');
  if (merged.effectivenessReview && !merged.implementation) throw invalid('effectivenessReview', '処置の実施内容を記録してから、有効性のレビューを記入してください（J.7.1 1 d)）');
  const reviewing = effectivenessFields.some(sent);
  const planChanged = row.status === 'in_progress' && planFields.some((k) => input[k] !== undefined && input[k] !== row[k]);
  const [updated] = await tx
    .update(correctiveActions)
    .set({
      ...changes,
      ...(reviewing
        ? {
            effectivenessReviewedByPersonId: merged.effectivenessReview ? actor.personId : null,
            effectivenessReviewedOn: merged.effectivenessReview ? (merged.effectivenessReviewedOn ?? clock.today) : null,
          }
        : {}),
      updatedAt: clock.now,
    })
    .where(eq(correctiveActions.id, row.id))
    .returning();
  if (!updated) throw notFound('是正処置');
  if (planChanged) await requireReapprovalIfChanged(tx, CORRECTIVE_PLAN, row.id, { by: personActor(actor), now: clock.now });
  // The caller may be the department's 所属長 without sight of the incident it came from (#11-6).
  const [shown] = await withSourceVisibility(tx, actor, [planChanged ? await findCorrective(tx, actor.organizationId, row.id) : updated]);
  return shown ?? updated;
}

/** The fields of a PATCH body that were sent (zod leaves the others undefined). */
function definedOnly<T extends object>(value: T): Partial<T> {
  // Object.entries loses the key types; the filter only drops keys, so the shape is still T's.
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function requireFields(row: CorrectiveRow, fields: { key: keyof CorrectiveRow; label: string }[], stage: string): void {
  const missing = fields.filter((f) => row[f.key] === null || row[f.key] === '');
  if (missing.length === 0) return;
  const message = `${stage}には次の記入が必要です: ${missing.map((f) => f.label).join('、')}`;
  throw new HttpError(
    422,
    message,
    'invalid',
    missing.map((f) => ({ path: String(f.key), message: `${f.label}を記入してください` })),
  );
}

/** 処置計画の申請 (J.7.1 h) 3)): content, root cause, plan and due date written → PMS manager → top management. */
export async function submitCorrectivePlan(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const row = await findCorrective(tx, actor.organizationId, id, true);
  if (!canManageCorrective(actor, row)) throw forbidden('処置計画を申請できるのは、当該所属の所属長又は個人情報保護管理者です');
  if (row.status !== 'draft') throw conflict('処置計画は申請済みです', 'approval_state');
  requireFields(
    row,
    [
      { key: 'content', label: '不適合の内容' },
      { key: 'rootCause', label: '根本原因' },
      { key: 'plan', label: '処置計画' },
      { key: 'dueOn', label: '実施期限' },
    ],
    '処置計画の申請（J.7.1 h) 3)）',
  );
  return submitForApproval(tx, personActor(actor), CORRECTIVE_PLAN, row.id, clock);
}

/** 処置結果の申請 (J.7.1 h) 5)・6), J.7.1 3): implementation and the effectiveness review recorded → PMS manager → top management. */
export async function submitCorrectiveResult(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const row = await findCorrective(tx, actor.organizationId, id, true);
  if (!canManageCorrective(actor, row)) throw forbidden('処置結果を申請できるのは、当該所属の所属長又は個人情報保護管理者です');
  if (row.status !== 'in_progress') throw conflict(row.status === 'draft' ? '処置計画が承認されていないため、結果を申請できません' : '処置結果は申請済みです', 'approval_state');
  requireFields(
    row,
    [
      { key: 'implementation', label: '処置の実施内容' },
      { key: 'implementedOn', label: '実施日' },
      { key: 'effectivenessReview', label: '有効性のレビュー（個人情報保護管理者）' },
      { key: 'effective', label: '有効性の判定' },
    ],
    '処置結果の申請（J.7.1 h) 5)・6)）',
  );
  return submitForApproval(tx, personActor(actor), CORRECTIVE_RESULT, row.id, clock);
}

// ---- approvals engine: plan and result ----

function planData(row: CorrectiveRow) {
  return {
    number: row.number,
    title: row.title,
    sourceType: row.sourceType,
    sourceRef: row.sourceRef,
    departmentId: row.departmentId,
    content: row.content,
    correction: row.correction,
    rootCause: row.rootCause,
    similarCases: row.similarCases,
    plan: row.plan,
    dueOn: row.dueOn,
  };
}

async function setStatus(tx: Tx, organizationId: string, id: string, set: Partial<Pick<CorrectiveRow, 'status' | 'closedAt'>>, now: Date) {
  await tx
    .update(correctiveActions)
    .set({ ...set, updatedAt: now })
    .where(and(eq(correctiveActions.organizationId, organizationId), eq(correctiveActions.id, id)));
}

/** The approvals of a record are seen by those who may read the record (mayReadCorrective). */
async function canView(tx: Tx, actor: Actor, recordId: string): Promise<boolean> {
  if (can(actor, 'corrective.read')) return true;
  const [row] = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, actor.organizationId), eq(correctiveActions.id, recordId)));
  return row ? mayReadCorrective(tx, actor, row) : false;
}

/** Approval record type. Listed in the module manifest (index.ts). */
export const correctivePlanApprovalType: ApprovalRecordType = {
  type: CORRECTIVE_PLAN,
  label: '是正処置実施記録（処置計画）',
  describeSnapshot: describeCorrectivePlanSnapshot,
  // J.7.1 h) 3): 当該所属長は…「是正処置実施記録」を提出し、個人情報保護管理者およびトップマネジメントの承認を受ける.
  defaultSteps: [{ role: 'pms_manager' }, { role: 'top_management' }],
  async snapshot(tx, organizationId, recordId) {
    const [row] = await tx
      .select()
      .from(correctiveActions)
      .where(and(eq(correctiveActions.organizationId, organizationId), eq(correctiveActions.id, recordId)));
    if (!row) return null;
    return { title: `${row.number} ${row.title}（処置計画）`, departmentId: row.departmentId, data: planData(row) };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    if (status === 'pending') await setStatus(tx, organizationId, recordId, { status: 'plan_pending' }, now);
    else if (status === 'approved') await setStatus(tx, organizationId, recordId, { status: 'in_progress' }, now);
    else if (status === 'returned' || status === 'withdrawn') await setStatus(tx, organizationId, recordId, { status: 'draft' }, now);
  },
  canView,
  link: (recordId) => `/corrective-actions/${recordId}`,
};

/** Approval record type. Listed in the module manifest (index.ts). */
export const correctiveResultApprovalType: ApprovalRecordType = {
  type: CORRECTIVE_RESULT,
  label: '是正処置実施記録（処置結果・有効性）',
  describeSnapshot: describeCorrectiveResultSnapshot,
  // J.7.1 h) 5) 処置結果を…個人情報保護管理者に提出し、承認を得る; h) 6) 有効性のレビュー…トップマネジメントに報告;
  // J.7.1 3 実施結果の証拠となる文書化した情報を…トップマネジメントが承認する.
  defaultSteps: [{ role: 'pms_manager' }, { role: 'top_management' }],
  async snapshot(tx, organizationId, recordId) {
    const [row] = await tx
      .select()
      .from(correctiveActions)
      .where(and(eq(correctiveActions.organizationId, organizationId), eq(correctiveActions.id, recordId)));
    if (!row) return null;
    return {
      title: `${row.number} ${row.title}（処置結果）`,
      departmentId: row.departmentId,
      data: {
        ...planData(row),
        implementation: row.implementation,
        implementedOn: row.implementedOn,
        effectivenessReview: row.effectivenessReview,
        effective: row.effective,
        effectivenessReviewedOn: row.effectivenessReviewedOn,
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    if (status === 'pending') await setStatus(tx, organizationId, recordId, { status: 'result_pending' }, now);
    else if (status === 'approved') await setStatus(tx, organizationId, recordId, { status: 'closed', closedAt: now }, now);
    else if (status === 'returned' || status === 'withdrawn') await setStatus(tx, organizationId, recordId, { status: 'in_progress' }, now);
  },
  canView,
  link: (recordId) => `/corrective-actions/${recordId}`,
};
