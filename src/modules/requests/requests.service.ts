import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { checkDecision } from '../../rules/requestDecisions/check.ts';
import { computeDeadline } from './request-deadline.ts';
import { type AgentKind, closedRequestStatuses, requestFieldLabels as L, type ReplyTo, type RequestStatus, resolveReplyTo } from './requests.labels.ts';
import { canManageRequests } from './requests.policy.ts';
import { correctionsOf, deadlineSettingsOf, detailOf, findRequest, profileOf, type RequestRow } from './requests.queries.ts';
import type { addCorrectionBody, completeCorrectionBody, createRequestBody, decisionBody, updateRequestBody } from './requests.schema.ts';
import { requestCorrections, requests } from './requests.tables.ts';

// Writes of M5 開示等の請求・苦情相談 (J.10.4–J.10.7, J.11.1). Each runs in the request's tenant
// transaction; the audit triggers record the change with the actor. Every write that touches 補正,
// 延長 or 特例 recomputes the deadline from the engine.

/** Key space of the advisory lock that serializes 受付番号 allocation per organization. */
const NUMBER_LOCK = 727281;

/** `REQ-2026-0001`: the next 受付番号 of the organization for the year of 受付日. */
export async function nextRequestNumber(tx: Tx, organizationId: string, receivedOn: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${`${organizationId}:REQ`}))`);
  const head = `REQ-${receivedOn.slice(0, 4)}-`;
  const taken = await tx
    .select({ number: requests.number })
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), sql`${requests.number} like ${`${head}%`}`));
  const last = Math.max(0, ...taken.map((r) => Number(r.number.slice(head.length)) || 0));
  return `${head}${String(last + 1).padStart(4, '0')}`;
}

function assertManage(actor: Actor): void {
  if (!canManageRequests(actor)) throw forbidden('開示等の請求・苦情を記録する権限がありません');
}

function assertOpen(row: RequestRow): void {
  if (closedRequestStatuses.includes(row.status)) throw conflict('回答済み・取下げの請求は変更できません');
}

/** The engine's deadline for the row as it will be, written with it. */
async function deadlineFields(tx: Tx, actor: Actor, row: Pick<RequestRow, 'id' | 'kind' | 'receivedOn' | 'extended' | 'specialProvision'>, clock: Clock) {
  const settings = await deadlineSettingsOf(tx, actor.organizationId);
  const corrections = row.id ? await correctionsOf(tx, actor.organizationId, row.id) : [];
  try {
    const { result, dueOn } = computeDeadline({
      ...settings,
      kind: row.kind,
      receivedOn: row.receivedOn,
      corrections,
      extended: row.extended,
      specialProvision: row.specialProvision,
      today: clock.today,
    });
    return { deadline: result, dueOn };
  } catch (error) {
    // The engine refuses facts it cannot reckon (延長 for a private organization, 特例 with 延長 …).
    if (error instanceof Error && 'issues' in error)
      throw invalid('extended', `${L.extended}・${L.specialProvision}をこの請求には指定できません（組織の区分・請求の種類を確認してください）`);
    throw error;
  }
}

/** The agent's address and contact, and a reply sent to the agent, only for a request by an agent (J.10.2 h)). */
function assertAgentFields(input: { agentKind: AgentKind; agentAddress?: string | null; agentContact?: string | null; replyTo?: ReplyTo | undefined }) {
  if (input.agentKind !== 'none') return;
  if (input.agentAddress) throw invalid('agentAddress', `${L.agentAddress}は代理人による請求のときだけ入力してください`);
  if (input.agentContact) throw invalid('agentContact', `${L.agentContact}は代理人による請求のときだけ入力してください`);
  if (input.replyTo === 'agent') throw invalid('replyTo', '代理人による請求でないときは、回答は本人に送ります');
}

export async function createRequest(tx: Tx, actor: Actor, input: z.output<typeof createRequestBody>, clock: Clock): Promise<RequestRow> {
  assertManage(actor);
  if (input.receivedOn > clock.today) throw invalid('receivedOn', `${L.receivedOn}が未来の日付になっています`);
  if (input.agentKind === 'none' && input.agentName) throw invalid('agentName', `${L.agentName}は代理人による請求のときだけ入力してください`);
  assertAgentFields(input);
  const number = await nextRequestNumber(tx, actor.organizationId, input.receivedOn);
  const { deadline, dueOn } = await deadlineFields(tx, actor, { id: '', kind: input.kind, receivedOn: input.receivedOn, extended: false, specialProvision: false }, clock);
  const [row] = await tx
    .insert(requests)
    .values({
      ...input,
      replyTo: resolveReplyTo(input.agentKind, input.replyTo),
      number,
      organizationId: actor.organizationId,
      deadline,
      dueOn,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('request insert returned nothing');
  return row;
}

async function save(tx: Tx, actor: Actor, current: RequestRow, changes: Partial<RequestRow>, clock: Clock): Promise<RequestRow> {
  const next = { ...current, ...changes };
  const { deadline, dueOn } = await deadlineFields(tx, actor, next, clock);
  const [row] = await tx
    .update(requests)
    .set({ ...changes, deadline, dueOn, updatedAt: clock.now })
    .where(and(eq(requests.organizationId, actor.organizationId), eq(requests.id, current.id)))
    .returning();
  if (!row) throw new Error('request update returned nothing');
  return row;
}

/** 本人確認・延長・特例・取下げ・原因と対応. */
export async function updateRequest(tx: Tx, actor: Actor, id: string, input: z.output<typeof updateRequestBody>, clock: Clock): Promise<RequestRow> {
  assertManage(actor);
  const current = await findRequest(tx, actor.organizationId, id, true);
  assertOpen(current);
  const changes: Partial<RequestRow> = {};
  if (input.identityCheck) {
    changes.identityCheck = input.identityCheck;
    if (current.status === 'received') changes.status = 'identity_verified';
  }
  if (input.extended !== undefined) changes.extended = input.extended;
  if (input.specialProvision !== undefined) changes.specialProvision = input.specialProvision;
  if (input.causeAndAction !== undefined) {
    if (current.kind !== 'complaint') throw invalid('causeAndAction', `${L.causeAndAction}は苦情・相談のときだけ記録できます`);
    changes.causeAndAction = input.causeAndAction;
  }
  if (input.recordSubject !== undefined) {
    // 法第33条第5項: the person as the 第三者提供記録 name them (request-provision-records.ts looks them up by it).
    // J.8.8.1 3 l): the 外国にある第三者 provisions are looked up the same way (request-overseas-records.ts).
    if (current.kind !== 'provision_record_disclosure' && current.kind !== 'overseas_info')
      throw invalid('recordSubject', `${L.recordSubject}は第三者提供記録の開示の請求と外国にある第三者への提供に係る情報提供の求めのときだけ記録できます`);
    changes.recordSubject = input.recordSubject;
  }
  if (input.withdrawn) changes.status = 'withdrawn';
  return save(tx, actor, current, changes, clock);
}

/** 補正を求める: the request waits for the requester (補正中); the days do not count (法第83条第1項). */
export async function addCorrection(tx: Tx, actor: Actor, id: string, input: z.output<typeof addCorrectionBody>, clock: Clock): Promise<RequestRow> {
  assertManage(actor);
  const current = await findRequest(tx, actor.organizationId, id, true);
  assertOpen(current);
  if (current.kind === 'complaint') throw invalid('askedOn', '苦情・相談には補正を求められません');
  if (input.askedOn < current.receivedOn) throw invalid('askedOn', `${L.askedOn}が${L.receivedOn}より前になっています`);
  if (input.askedOn > clock.today) throw invalid('askedOn', `${L.askedOn}が未来の日付になっています`);
  await tx.insert(requestCorrections).values({ organizationId: actor.organizationId, requestId: id, askedOn: input.askedOn, what: input.what, createdAt: clock.now });
  return save(tx, actor, current, { status: 'correcting' }, clock);
}

export async function completeCorrection(tx: Tx, actor: Actor, correctionId: string, input: z.output<typeof completeCorrectionBody>, clock: Clock): Promise<RequestRow> {
  assertManage(actor);
  const [correction] = await tx
    .select()
    .from(requestCorrections)
    .where(and(eq(requestCorrections.organizationId, actor.organizationId), eq(requestCorrections.id, correctionId)));
  if (!correction) throw notFound('補正');
  const current = await findRequest(tx, actor.organizationId, correction.requestId, true);
  assertOpen(current);
  if (correction.completedOn) throw conflict('この補正は完了済みです');
  if (input.completedOn < correction.askedOn) throw invalid('completedOn', `${L.completedOn}が${L.askedOn}より前になっています`);
  if (input.completedOn > clock.today) throw invalid('completedOn', `${L.completedOn}が未来の日付になっています`);
  await tx
    .update(requestCorrections)
    .set({ completedOn: input.completedOn })
    .where(and(eq(requestCorrections.organizationId, actor.organizationId), eq(requestCorrections.id, correctionId)));
  const all = await correctionsOf(tx, actor.organizationId, current.id);
  const stillOpen = all.some((c) => c.id !== correctionId && !c.completedOn);
  const status: RequestStatus = stillOpen ? 'correcting' : current.identityCheck ? 'identity_verified' : 'received';
  return save(tx, actor, current, { status }, clock);
}

/**
 * 決定の記録: 全部・一部・拒否; 一部・拒否 cite statutory grounds from the kind's list for the profile
 * (J.10.4–J.10.7 / 法第78条等, rules/requestDecisions). The request then waits for the 個人情報保護
 * 管理者's approval before 回答 (決定待ち → 承認待ち happens on submission).
 */
export async function recordDecision(tx: Tx, actor: Actor, id: string, input: z.output<typeof decisionBody>, clock: Clock): Promise<RequestRow> {
  assertManage(actor);
  const current = await findRequest(tx, actor.organizationId, id, true);
  assertOpen(current);
  if (current.status === 'correcting') throw conflict('補正中の請求には決定を記録できません。補正の完了を記録してください');
  // 承認待ちの決定は変えられない（申請を取り下げてから）; a change after approval needs a new approval (status → 決定待ち).
  if (current.status === 'awaiting_approval') throw conflict('決定は個人情報保護管理者の承認待ちです。変更するには承認の申請を取り下げてください');
  const profile = await profileOf(tx, actor.organizationId);
  const [issue] = checkDecision({
    kind: current.kind,
    profile,
    scope: input.scope,
    groundCodes: input.groundCodes,
    note: input.note,
    withheldItems: [...new Set(input.withheldItems)],
  });
  if (issue) throw invalid(issue.field, issue.message);
  if (input.repliedOn && input.repliedOn < current.receivedOn) throw invalid('repliedOn', `${L.repliedOn}が${L.receivedOn}より前になっています`);
  return save(
    tx,
    actor,
    current,
    {
      decisionScope: input.scope,
      decisionGroundCodes: input.groundCodes,
      decisionNote: input.note,
      decisionWithheldItems: [...new Set(input.withheldItems)].sort(),
      replyMethod: input.replyMethod ?? null,
      repliedOn: input.repliedOn,
      feeYen: input.feeYen ?? null,
      status: 'awaiting_decision',
    },
    clock,
  );
}

/** The audited detail read (SPEC §3: reads of personal data are logged, Toshima 4-8-6 (3)). */
export async function readRequestDetail(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const row = await findRequest(tx, actor.organizationId, id);
  await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'requests', entityId: id, rowCount: 1 }, clock.now);
  return detailOf(tx, actor, row, clock.today);
}
