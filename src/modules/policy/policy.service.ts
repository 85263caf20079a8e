import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Clock, todayInJapan } from '../../domain/time.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { checkPolicy, type PolicyKind, policyKindLabels, policyMissingErrors } from '../../rules/policy/policyChecker.ts';
import { publishedPortal } from '../portal/portal.api.ts';
import { cancelAcknowledgementTasks, openAcknowledgementTasks, ownAcknowledgements, seesAllPolicyVersions } from './policy.acknowledgements.ts';
import { POLICY_VERSION, policyStatusLabels } from './policy.labels.ts';
import type { policyListResponse, policyVersionResponse, publicPolicyResponse } from './policy.responses.ts';
import type { savePolicyDraftBody } from './policy.schema.ts';
import { policyVersions } from './policy.tables.ts';

// 個人情報保護方針 (J.2.2): drafts, the submission to トップマネジメント, the public 外部向け text.
// Each function runs in the request's tenant transaction; the audit triggers record the change.

type VersionRow = typeof policyVersions.$inferSelect;
type VersionView = z.output<typeof policyVersionResponse>;

export function checkOfVersion(v: VersionRow) {
  return checkPolicy({
    kind: v.kind,
    ticked: v.ticked,
    text: v.body,
    topManagementName: v.topManagementName,
    establishedOn: v.establishedOn,
    lastRevisedOn: v.lastRevisedOn,
    versionNo: v.versionNo,
  });
}

export function presentVersion(v: VersionRow, acknowledgedAt: Date | null = null): VersionView {
  const result = checkOfVersion(v);
  const item = (i: { code: string; clause: string; text: string }) => ({ code: i.code, clause: i.clause, text: i.text });
  return {
    id: v.id,
    kind: v.kind,
    kindLabel: policyKindLabels[v.kind],
    versionNo: v.versionNo,
    status: v.status,
    statusLabel: policyStatusLabels[v.status],
    body: v.body,
    ticked: v.ticked,
    topManagementName: v.topManagementName,
    establishedOn: v.establishedOn,
    lastRevisedOn: v.lastRevisedOn,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    check: { version: result.version, missing: result.missing.map(item), present: result.present.map((p) => ({ ...item(p.item), by: p.by, keyword: p.keyword ?? null })) },
    acknowledgedAt: acknowledgedAt?.toISOString() ?? null,
  };
}

async function versionsOfKind(tx: Tx, organizationId: string, kind: PolicyKind): Promise<VersionRow[]> {
  return tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.kind, kind)))
    .orderBy(desc(policyVersions.versionNo));
}

export async function findPolicyVersion(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<VersionRow> {
  const query = tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('個人情報保護方針の版');
  return row;
}

/**
 * 個人情報保護方針の一覧: every version of both kinds, newest first, each with its J.2.2 2 check and
 * the caller's own 「内容を確認しました」. A 従業者 without policy.manage or policy.acknowledgements reads
 * the published versions only (J.2.2 3 周知: the current text), never the drafts.
 */
export async function listPolicies(tx: Tx, actor: Actor): Promise<z.output<typeof policyListResponse>> {
  const all = seesAllPolicyVersions(actor);
  const rows = await tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organizationId, actor.organizationId), all ? undefined : eq(policyVersions.status, 'published')))
    .orderBy(policyVersions.kind, desc(policyVersions.versionNo));
  const own = await ownAcknowledgements(tx, actor);
  return {
    items: rows.map((v) => presentVersion(v, own.get(v.id) ?? null)),
    abilities: { edit: can(actor, 'policy.manage'), viewAcknowledgements: can(actor, 'policy.acknowledgements') },
  };
}

/** One version for its PDF: the published one for everyone, any version for whoever sees them all. */
export async function readablePolicyVersion(tx: Tx, actor: Actor, id: string): Promise<VersionRow> {
  const version = await findPolicyVersion(tx, actor.organizationId, id);
  if (version.status !== 'published' && !seesAllPolicyVersions(actor)) throw notFound('個人情報保護方針の版');
  return version;
}

/**
 * 下書きの保存: the open draft of the kind changes; a published (or superseded) version never does —
 * the edit opens the next version's draft. Refused while a version waits for トップマネジメント.
 */
export async function savePolicyDraft(tx: Tx, actor: Actor, kind: PolicyKind, input: z.output<typeof savePolicyDraftBody>, now: Date): Promise<VersionRow> {
  const [latest] = await versionsOfKind(tx, actor.organizationId, kind);
  if (latest?.status === 'pending')
    throw conflict(`${policyKindLabels[kind]}の第${latest.versionNo}版がトップマネジメントの承認待ちです。承認又は差戻しの後に編集してください`, 'approval_pending');
  const content = {
    body: input.body ?? '',
    ticked: input.ticked,
    topManagementName: input.topManagementName,
    establishedOn: input.establishedOn,
    lastRevisedOn: input.lastRevisedOn,
    updatedAt: now,
  };
  if (latest?.status === 'draft') {
    const [row] = await tx.update(policyVersions).set(content).where(eq(policyVersions.id, latest.id)).returning();
    if (!row) throw new Error('policy draft update returned nothing');
    return row;
  }
  const [row] = await tx
    .insert(policyVersions)
    .values({ organizationId: actor.organizationId, kind, versionNo: (latest?.versionNo ?? 0) + 1, ...content, createdAt: now })
    .returning();
  if (!row) throw new Error('policy draft insert returned nothing');
  return row;
}

/**
 * 承認申請 (J.2.2 1 トップマネジメントが策定する): the latest draft goes to トップマネジメント; refused
 * with 422 and a Japanese error per missing J.2.2 2 item (naming its field) while anything is missing.
 */
export async function submitPolicyVersion(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const version = await findPolicyVersion(tx, actor.organizationId, id, true);
  if (version.status !== 'draft') throw conflict(`第${version.versionNo}版は${policyStatusLabels[version.status]}のため申請できません`, 'not_draft');
  const errors = policyMissingErrors(checkOfVersion(version));
  if (errors.length > 0) throw new HttpError(422, `J.2.2 2 の記載事項が欠けているため申請できません: ${errors.map((e) => e.message).join('、')}`, 'policy_incomplete', errors);
  const request = await submitForApproval(tx, actor, POLICY_VERSION, version.id, clock);
  return { version: await findPolicyVersion(tx, actor.organizationId, id), approvalRequestId: request.id };
}

/**
 * 承認された版の公開: the previous published version of the kind becomes 改訂済み (never 公開 again),
 * and the 周知 restarts (J.2.2 3): the old version's open confirmation tasks are cancelled and every
 * account holder gets one for the new version.
 */
export async function publishApprovedVersion(tx: Tx, organizationId: string, id: string, now: Date): Promise<void> {
  const version = await findPolicyVersion(tx, organizationId, id, true);
  const replaced = await tx
    .update(policyVersions)
    .set({ status: 'superseded', updatedAt: now })
    .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.kind, version.kind), eq(policyVersions.status, 'published')))
    .returning({ id: policyVersions.id });
  const [published] = await tx.update(policyVersions).set({ status: 'published', publishedAt: now, updatedAt: now }).where(eq(policyVersions.id, id)).returning();
  if (!published) throw new Error('policy publish returned nothing');
  await cancelAcknowledgementTasks(
    tx,
    organizationId,
    replaced.map((r) => r.id),
    published,
    now,
  );
  await openAcknowledgementTasks(tx, organizationId, published, todayInJapan(now));
}

/** 公開中の外部向け方針 (J.2.2 3 一般の人が入手可能な措置), found by the portal slug; 404 when none is published. */
export async function publicPolicy(database: Database, slug: string): Promise<z.output<typeof publicPolicyResponse>> {
  const portal = await publishedPortal(database, slug);
  const [row] = await inOrg(database, { organizationId: portal.organizationId, actorAccountId: null, ip: null }, (tx) =>
    tx
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.organizationId, portal.organizationId), eq(policyVersions.kind, 'external'), eq(policyVersions.status, 'published'))),
  );
  if (!row?.topManagementName || !row.establishedOn) throw notFound('個人情報保護方針');
  return {
    organizationName: portal.name,
    title: '個人情報保護方針',
    versionNo: row.versionNo,
    body: row.body,
    topManagementName: row.topManagementName,
    establishedOn: row.establishedOn,
    lastRevisedOn: row.lastRevisedOn,
  };
}
