import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import { todayInJapan } from '../../domain/time.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { Deps } from '../../platform/http/types.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { completeTasks, ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { policyKindLabels } from '../../rules/policy/policyChecker.ts';
import { policyStatusLabels } from './policy.labels.ts';
import type { policyAcknowledgementsResponse, policyAcknowledgeResponse } from './policy.responses.ts';
import type { acknowledgementQuery } from './policy.schema.ts';
import { policyAcknowledgements, policyVersions } from './policy.tables.ts';

// 周知 of the 個人情報保護方針 (J.2.2 3 「トップマネジメントは、個人情報保護方針を文書化した情報を、財団内に
// 周知するとともに、一般の人が入手可能な措置を講じる。」): a published version opens a task
// 「…個人情報保護方針（第N版）の確認」 for every active 従業者 who has an account; the person reads the
// version and presses 「内容を確認しました」 (a row per person and version, audited by the trigger); the
// 個人情報保護管理者 and トップマネジメント see the 周知状況 and export it as the 運用記録.

/** Task source of the confirmation tasks (sourceId: the version). */
export const POLICY_ACKNOWLEDGEMENT_TASK = 'policy_acknowledgement';
/** Days an employee is given to confirm a published version (the task's due date). */
export const ACKNOWLEDGEMENT_DAYS = 30;

type VersionRow = typeof policyVersions.$inferSelect;
type Query = z.output<typeof acknowledgementQuery>;

const generationKey = (versionId: string, personId: string) => `policy-ack:${versionId}:${personId}`;

/** Who may see everyone's 周知状況 and every version (drafts included): the 個人情報保護管理者, トップマネジメント. */
export function seesAllPolicyVersions(actor: Actor): boolean {
  return can(actor, 'policy.manage') || can(actor, 'policy.acknowledgements');
}

/** The 従業者 to whom the policy is made known: in the organization today (joined, not left) and holding an enabled account. */
async function accountHolders(tx: Tx, organizationId: string, today: string) {
  return tx
    .selectDistinct({ personId: people.id, name: people.name, nameKana: people.nameKana, employeeNumber: people.employeeNumber, departmentId: people.departmentId })
    .from(people)
    .innerJoin(accounts, and(eq(accounts.personId, people.id), isNull(accounts.disabledAt)))
    .where(and(eq(people.organizationId, organizationId), or(isNull(people.joinedOn), lte(people.joinedOn, today)), or(isNull(people.leftOn), gt(people.leftOn, today))));
}

/**
 * J.2.2 3 周知: a task 「<方針>（第N版）の確認」 for every account holder who has not confirmed the
 * published version yet, notified in-app. Idempotent (one generation key per version and person):
 * the publication and the daily job (new account holders) call it alike. Returns how many were made.
 */
export async function openAcknowledgementTasks(tx: Tx, organizationId: string, version: VersionRow, today: string): Promise<number> {
  if (version.status !== 'published') return 0;
  const confirmed = new Set(
    (
      await tx
        .select({ personId: policyAcknowledgements.personId })
        .from(policyAcknowledgements)
        .where(and(eq(policyAcknowledgements.organizationId, organizationId), eq(policyAcknowledgements.versionId, version.id)))
    ).map((r) => r.personId),
  );
  const title = `${policyKindLabels[version.kind]}（第${version.versionNo}版）の確認`;
  let created = 0;
  for (const person of await accountHolders(tx, organizationId, today)) {
    if (confirmed.has(person.personId)) continue;
    const id = await ensureTask(
      tx,
      organizationId,
      {
        generationKey: generationKey(version.id, person.personId),
        title,
        description: `${policyKindLabels[version.kind]}の第${version.versionNo}版が公開されました。本文を読み、「内容を確認しました」を押してください（JIS Q 15001 J.2.2 3 組織内に周知）。`,
        ownerPersonId: person.personId,
        departmentId: person.departmentId,
        dueOn: addCalendarDays(today, ACKNOWLEDGEMENT_DAYS),
        sourceType: POLICY_ACKNOWLEDGEMENT_TASK,
        sourceId: version.id,
      },
      today,
    );
    if (id) created += 1;
  }
  return created;
}

/**
 * A new version restarts the confirmation: the open confirmation tasks of the versions it replaces
 * are cancelled (取消, with the reason), so nobody is asked to confirm a 改訂済み text.
 */
export async function cancelAcknowledgementTasks(tx: Tx, organizationId: string, replacedVersionIds: readonly string[], next: VersionRow, now: Date): Promise<number> {
  if (replacedVersionIds.length === 0) return 0;
  const rows = await tx
    .update(tasks)
    .set({ status: 'cancelled', evidenceNote: `第${next.versionNo}版の公開により、確認の対象は新しい版になりました`, updatedAt: now })
    .where(
      and(eq(tasks.organizationId, organizationId), eq(tasks.sourceType, POLICY_ACKNOWLEDGEMENT_TASK), inArray(tasks.sourceId, [...replacedVersionIds]), eq(tasks.status, 'open')),
    )
    .returning({ id: tasks.id });
  return rows.length;
}

/**
 * 「内容を確認しました」 (J.2.2 3): records who confirmed which published version, and when, and closes
 * their task. Pressing it again keeps the first record. Only the version now 公開 can be confirmed;
 * a draft is not found for whoever may not see it.
 */
export async function acknowledgePolicy(tx: Tx, actor: Actor, versionId: string, now: Date): Promise<z.output<typeof policyAcknowledgeResponse>> {
  const [version] = await tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organizationId, actor.organizationId), eq(policyVersions.id, versionId)));
  if (!version || (version.status !== 'published' && !seesAllPolicyVersions(actor))) throw notFound('個人情報保護方針の版');
  if (version.status === 'superseded') throw conflict(`第${version.versionNo}版は改訂済みです。公開中の最新の版を確認してください`, 'superseded');
  if (version.status !== 'published') throw conflict(`第${version.versionNo}版は${policyStatusLabels[version.status]}のため、まだ確認できません`, 'not_published');
  await tx
    .insert(policyAcknowledgements)
    .values({ organizationId: actor.organizationId, versionId, personId: actor.personId, accountId: actor.accountId, acknowledgedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ acknowledgedAt: policyAcknowledgements.acknowledgedAt })
    .from(policyAcknowledgements)
    .where(and(eq(policyAcknowledgements.versionId, versionId), eq(policyAcknowledgements.personId, actor.personId)));
  if (!row) throw new Error('policy acknowledgement insert returned nothing');
  const open = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.organizationId, actor.organizationId), eq(tasks.generationKey, generationKey(versionId, actor.personId))));
  await completeTasks(
    tx,
    actor.organizationId,
    { taskIds: open.map((t) => t.id) },
    { url: '/policy', note: `「内容を確認しました」（${actor.personName}）`, now, accountId: actor.accountId },
  );
  return { versionId, acknowledgedAt: row.acknowledgedAt.toISOString() };
}

/** The caller's own confirmations: version id → when. */
export async function ownAcknowledgements(tx: Tx, actor: Actor): Promise<Map<string, Date>> {
  const rows = await tx
    .select({ versionId: policyAcknowledgements.versionId, acknowledgedAt: policyAcknowledgements.acknowledgedAt })
    .from(policyAcknowledgements)
    .where(and(eq(policyAcknowledgements.organizationId, actor.organizationId), eq(policyAcknowledgements.personId, actor.personId)));
  return new Map(rows.map((r) => [r.versionId, r.acknowledgedAt]));
}

const statusLabels = { confirmed: '確認済み', pending: '未確認' } as const;

export type AcknowledgementStatus = z.output<typeof policyAcknowledgementsResponse>;

/**
 * 周知状況 of a published (or 改訂済み) version: everyone to whom it is made known today — the active
 * account holders — and everyone who confirmed it (also those who have left since), each 確認済み
 * with the time or 未確認; filtered by 確認状況, 所属 and 氏名・従業者番号. The counts are the version's
 * whole.
 */
export async function acknowledgementStatus(tx: Tx, actor: Actor, versionId: string, query: Query, today: string): Promise<AcknowledgementStatus> {
  const [version] = await tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.organizationId, actor.organizationId), eq(policyVersions.id, versionId)));
  if (!version) throw notFound('個人情報保護方針の版');
  if (version.status !== 'published' && version.status !== 'superseded')
    throw conflict(`第${version.versionNo}版は${policyStatusLabels[version.status]}のため、周知状況はまだありません`, 'not_published');
  const holders = await accountHolders(tx, actor.organizationId, today);
  const confirmed = await tx
    .select({
      personId: people.id,
      name: people.name,
      nameKana: people.nameKana,
      employeeNumber: people.employeeNumber,
      departmentId: people.departmentId,
      acknowledgedAt: policyAcknowledgements.acknowledgedAt,
    })
    .from(policyAcknowledgements)
    .innerJoin(people, eq(people.id, policyAcknowledgements.personId))
    .where(and(eq(policyAcknowledgements.organizationId, actor.organizationId), eq(policyAcknowledgements.versionId, versionId)));
  const depts = await tx
    .select({ id: departments.id, name: departments.name, sortOrder: departments.sortOrder })
    .from(departments)
    .where(eq(departments.organizationId, actor.organizationId))
    .orderBy(departments.sortOrder, departments.name);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const byPerson = new Map<string, (typeof confirmed)[number] | ((typeof holders)[number] & { acknowledgedAt: null })>();
  for (const h of holders) byPerson.set(h.personId, { ...h, acknowledgedAt: null });
  for (const c of confirmed) byPerson.set(c.personId, c);
  const all = [...byPerson.values()].map((p) => {
    const status = p.acknowledgedAt ? ('confirmed' as const) : ('pending' as const);
    return {
      personId: p.personId,
      name: p.name,
      nameKana: p.nameKana,
      employeeNumber: p.employeeNumber,
      departmentId: p.departmentId,
      departmentName: p.departmentId ? (deptName.get(p.departmentId) ?? null) : null,
      status,
      statusLabel: statusLabels[status],
      acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
    };
  });
  const order = new Map(depts.map((d, i) => [d.id, i]));
  all.sort(
    (a, b) =>
      (a.departmentId ? (order.get(a.departmentId) ?? 0) : Number.MAX_SAFE_INTEGER) - (b.departmentId ? (order.get(b.departmentId) ?? 0) : Number.MAX_SAFE_INTEGER) ||
      (a.nameKana ?? a.name).localeCompare(b.nameKana ?? b.name, 'ja'),
  );
  const q = query.q?.toLowerCase();
  const items = all.filter(
    (p) =>
      (!query.status || p.status === query.status) &&
      (!query.departmentId || p.departmentId === query.departmentId) &&
      (!q || [p.name, p.nameKana, p.employeeNumber].some((v) => v?.toLowerCase().includes(q))),
  );
  const confirmedCount = all.filter((p) => p.status === 'confirmed').length;
  return {
    version: {
      id: version.id,
      kind: version.kind,
      kindLabel: policyKindLabels[version.kind],
      versionNo: version.versionNo,
      statusLabel: policyStatusLabels[version.status],
      publishedAt: version.publishedAt?.toISOString() ?? null,
    },
    counts: { total: all.length, confirmed: confirmedCount, pending: all.length - confirmedCount },
    items: items.map(({ nameKana: _kana, ...rest }) => rest),
    departments: depts.map(({ id, name }) => ({ id, name })),
  };
}

/** Job: confirmation tasks for account holders added since a version was published, every organization (idempotent). */
export async function runPolicyAcknowledgementTasks(deps: Pick<Deps, 'database' | 'now'>): Promise<{ created: number }> {
  const today = todayInJapan(deps.now());
  const orgs = await asSystem(deps.database, (tx) => tx.select({ id: organizations.id }).from(organizations));
  let created = 0;
  for (const org of orgs)
    created += await inOrg(deps.database, { organizationId: org.id }, async (tx) => {
      const published = await tx
        .select()
        .from(policyVersions)
        .where(and(eq(policyVersions.organizationId, org.id), eq(policyVersions.status, 'published')));
      let n = 0;
      for (const v of published) n += await openAcknowledgementTasks(tx, org.id, v, today);
      return n;
    });
  return { created };
}
