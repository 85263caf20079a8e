import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { ApprovalRecordType, SnapshotField } from '../../platform/approvals/registry.ts';
import { displayDate, snapshotNumber, snapshotRows, snapshotText } from '../../platform/approvals/snapshot-fields.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { decisionGrounds, staffCitation } from '../../rules/requestDecisions/grounds.ts';
import { decisionScopeLabels, type OverseasInfoItemNo, overseasInfoItemLabels } from '../../rules/requestDecisions/kinds.ts';
import { requestFieldLabels as L, type ReplyMethod, replyMethodLabels, requestKindLabels, type RequestStatus } from './requests.labels.ts';
import { canManageRequests } from './requests.policy.ts';
import { findRequest, profileOf, type RequestRow } from './requests.queries.ts';
import { requests } from './requests.tables.ts';

// 回答の承認 (J.10.4 c)・J.10.2: the 個人情報保護管理者 approves the decision before the reply goes
// out): the approval record type `request_reply`, its submission, and 回答済みの記録 — refused
// until the decision is approved.

export const REQUEST_REPLY = 'request_reply';

/** 回答の承認を申請: a decision must be recorded (決定待ち); 承認待ち while the engine runs the chain. */
export async function submitReplyForApproval(tx: Tx, actor: Actor, id: string, clock: Clock) {
  if (!canManageRequests(actor)) throw forbidden('開示等の請求・苦情を記録する権限がありません');
  const current = await findRequest(tx, actor.organizationId, id, true);
  if (current.kind === 'complaint') throw conflict('苦情・相談は回答の承認を申請できません。原因・対応を記録して完了してください');
  if (current.status === 'awaiting_approval') throw conflict('回答の承認は既に申請されています（承認待ち）', 'approval_pending');
  if (current.status === 'approved') throw conflict('回答は既に承認されています');
  if (current.status === 'answered' || current.status === 'withdrawn') throw conflict('回答済み・取下げの請求は変更できません');
  if (current.status !== 'awaiting_decision' || !current.decisionScope) throw invalid('scope', '決定を記録してから回答の承認を申請してください');
  return submitForApproval(tx, actor, REQUEST_REPLY, id, clock);
}

/** 回答済みの記録 (回答日・回答方法): only once the 個人情報保護管理者 has approved the decision. */
export async function markReplySent(tx: Tx, actor: Actor, id: string, input: { repliedOn: string; replyMethod: ReplyMethod }, clock: Clock): Promise<RequestRow> {
  if (!canManageRequests(actor)) throw forbidden('開示等の請求・苦情を記録する権限がありません');
  const current = await findRequest(tx, actor.organizationId, id, true);
  if (current.status === 'answered') throw conflict('この請求は既に回答済みです');
  if (current.status !== 'approved') throw conflict('個人情報保護管理者が決定を承認するまで、回答済みにはできません');
  if (input.repliedOn < current.receivedOn) throw invalid('repliedOn', `${L.repliedOn}が${L.receivedOn}より前になっています`);
  const [row] = await tx
    .update(requests)
    .set({ status: 'answered', repliedOn: input.repliedOn, replyMethod: input.replyMethod, updatedAt: clock.now })
    .where(and(eq(requests.organizationId, actor.organizationId), eq(requests.id, id)))
    .returning();
  if (!row) throw new Error('request update returned nothing');
  return row;
}

async function setStatus(tx: Tx, organizationId: string, id: string, status: RequestStatus, now: Date) {
  await tx
    .update(requests)
    .set({ status, updatedAt: now })
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, id)));
}

/** The approval screen's lines: the decision as the 決定通知書 will state it (no requester data). */
function describeReplySnapshot(data: Record<string, unknown>): SnapshotField[] {
  // The law's article with the internal clause beside it (a snapshot taken before `law` was kept shows the clause).
  const grounds = snapshotRows(data, 'grounds').map(
    (g) => `${'law' in g ? staffCitation({ clause: String(g.clause), law: typeof g.law === 'string' ? g.law : null }) : String(g.clause)} ${String(g.label)}`,
  );
  const fee = snapshotNumber(data, 'feeYen');
  const withheld = Array.isArray(data.withheldItems) ? data.withheldItems.filter((no): no is OverseasInfoItemNo => typeof no === 'string' && no in overseasInfoItemLabels) : [];
  const lines = withheld.map((no) => overseasInfoItemLabels[no]);
  return [
    { key: 'number', label: '受付番号', value: snapshotText(data, 'number') },
    { key: 'kind', label: L.kind, value: snapshotText(data, 'kindLabel') },
    { key: 'receivedOn', label: L.receivedOn, value: displayDate(snapshotText(data, 'receivedOn')) },
    { key: 'scope', label: L.decisionScope, value: snapshotText(data, 'scopeLabel') },
    { key: 'grounds', label: L.decisionGrounds, value: grounds.length > 0 ? grounds.join('\n') : null },
    // J.8.8.1 3 l): what a 一部不提供 withholds of items 1)〜7).
    ...(withheld.length > 0 ? [{ key: 'withheldItems', label: L.withheldItems, value: lines.join('\n') }] : []),
    { key: 'replyMethod', label: L.replyMethod, value: snapshotText(data, 'replyMethodLabel') },
    { key: 'feeYen', label: L.feeYen, value: fee === null ? null : `${fee.toLocaleString('ja-JP')}円` },
  ];
}

/** Approval record type 回答（決定）の承認. Listed in the module manifest (index.ts). */
export const requestReplyApprovalType: ApprovalRecordType = {
  type: REQUEST_REPLY,
  label: '開示等の請求への回答（決定）',
  // J.10.4 c): the 個人情報保護管理者 approves the reply.
  defaultSteps: [{ role: 'pms_manager' }],
  describeSnapshot: describeReplySnapshot,
  async snapshot(tx, organizationId, recordId) {
    const [row] = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.organizationId, organizationId), eq(requests.id, recordId)));
    if (!row || row.kind === 'complaint' || !row.decisionScope) return null;
    const profile = await profileOf(tx, organizationId);
    const byCode = new Map(decisionGrounds(row.kind, profile).map((g) => [g.code, g]));
    // The decision only — kind, scope, grounds, reply method, fee. Not 決定の内容 (encrypted at rest: it may
    // name the requester's data); the approver reads it on the request's own screen (link).
    return {
      title: `${row.number} ${requestKindLabels[row.kind]}${row.kind === 'overseas_info' ? '' : 'の請求'}への回答`,
      departmentId: null,
      data: {
        number: row.number,
        kind: row.kind,
        kindLabel: requestKindLabels[row.kind],
        receivedOn: row.receivedOn,
        scope: row.decisionScope,
        scopeLabel: decisionScopeLabels[row.kind][row.decisionScope],
        grounds: row.decisionGroundCodes.map((code) => ({
          code,
          clause: byCode.get(code)?.clause ?? code,
          law: byCode.get(code)?.law ?? null,
          label: byCode.get(code)?.label ?? '',
        })),
        replyMethod: row.replyMethod ?? null,
        replyMethodLabel: row.replyMethod ? replyMethodLabels[row.replyMethod] : null,
        feeYen: row.feeYen ?? null,
        withheldItems: row.decisionWithheldItems,
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    const next: RequestStatus | null =
      status === 'pending' ? 'awaiting_approval' : status === 'approved' ? 'approved' : status === 'returned' || status === 'withdrawn' ? 'awaiting_decision' : null;
    if (next) await setStatus(tx, organizationId, recordId, next, now);
  },
  async canView(_tx, actor) {
    return can(actor, 'requests.read');
  },
  link: (recordId) => `/requests/${recordId}`,
};
