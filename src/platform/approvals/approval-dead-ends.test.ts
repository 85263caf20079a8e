import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { todayInJapan } from '../../domain/time.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { accounts } from '../auth/auth.tables.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { notifications } from '../notifications/notifications.tables.ts';
import { HttpError } from '../http/errors.ts';
import { departments, people, roleAssignments } from '../org/org.tables.ts';
import { approvalsContract } from './approvals.contract.ts';
import { submitForApproval } from './approvals.service.ts';
import { approvalDelegations, approvalRequests } from './approvals.tables.ts';
import { registerApprovalRecordType, registeredApprovalRecordTypes } from './registry.ts';

// Approvals that never dead-end (issue 10; SPEC §5.4 「an approver never approves their own
// submission」): a step only the submitter holds goes to its 代行者 or to the next step; the
// settings refuse a chain that strands a possible submitter; stuck requests are listed; and one
// person never holds two steps of one chain through a delegation.

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
let staff: Client;
const person: Record<string, string> = {};
const dept: Record<string, string> = {};
const account: Record<string, string> = {};

const today = () => todayInJapan(t.clock.now());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const P = (name: string) => {
  const id = person[name];
  if (!id) throw new Error(`no person ${name}`);
  return id;
};
const D = (name: string) => {
  const id = dept[name];
  if (!id) throw new Error(`no department ${name}`);
  return id;
};

// Test record types: a department of the demo organization is the record, filed for itself.
const PLAIN = 'test_dead_end_plain'; // 所属長 → 個人情報保護管理者, no 申請をもって経由
const TOP_ONLY = 'test_dead_end_top_only'; // トップマネジメント only
const TWO = 'test_dead_end_two'; // 個人情報保護管理者 → トップマネジメント
for (const [type, defaultSteps] of [
  [PLAIN, [{ role: 'department_head' }, { role: 'pms_manager' }]],
  [TOP_ONLY, [{ role: 'top_management' }]],
  [TWO, [{ role: 'pms_manager' }, { role: 'top_management' }]],
] as const) {
  registerApprovalRecordType({
    type,
    label: '行き止まりの試験記録',
    defaultSteps,
    async snapshot(tx, organizationId, recordId) {
      const [d] = await tx
        .select()
        .from(departments)
        .where(and(eq(departments.organizationId, organizationId), eq(departments.id, recordId)));
      return d ? { title: `${d.name}の試験記録（${type}）`, departmentId: d.id, data: { name: d.name } } : null;
    },
    link: () => null,
    describeSnapshot: (data) => [{ key: 'name', label: '所属', value: typeof data.name === 'string' ? data.name : null }],
  });
}

const submitAs = (loginId: string, personName: string, type: string, departmentName: string) => {
  const accountId = account[loginId];
  if (!accountId) throw new Error(`no account ${loginId}`);
  return inOrg(t.database, { organizationId: t.demoOrganizationId, actorAccountId: accountId }, (tx) =>
    submitForApproval(tx, { organizationId: t.demoOrganizationId, accountId, personId: P(personName) }, type, D(departmentName), { today: today(), now: t.clock.now() }),
  );
};

/** A complete 新規取得申請 of 総務部 (every J.3.1.1 3 item filled). */
function generalAffairsEntry() {
  return {
    name: '来客受付簿',
    departmentId: D('総務部'),
    items: ['氏名', '会社名', '来訪日時'],
    purpose: '来客の受付と入館管理のため',
    storageLocation: '総務部の施錠キャビネット',
    storageMethod: { media: 'paper', description: '受付簿の綴り' },
    accessHolderIds: [P('佐藤 花子'), P('伊藤 直樹')],
    useUntil: { description: '来訪後1年' },
    retainUntil: { date: addDays(today(), 365) },
    recordCount: { value: 500, approximate: true },
    acquisitionMethods: ['direct_written'],
  };
}

async function loginAll() {
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
}

beforeAll(async () => {
  t = await buildTestApp();
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const p of await tx.select().from(people)) person[p.name] = p.id;
    for (const d of await tx.select().from(departments)) dept[d.name] = d.id;
    for (const a of await tx.select().from(accounts)) account[a.loginId] = a.id;
  });
  await loginAll();
});
afterAll(() => t.close());

let strandedId: string;

describe('申請者本人しか持たない段は、代行者か次の段の承認者へ（SPEC §5.4）', () => {
  it('個人情報保護管理者（佐藤 花子、総務部の所属長）の新規取得申請: 個人情報保護管理者の段はトップマネジメント（山田 太郎）が代行して承認する', async () => {
    const filed = await pms.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: generalAffairsEntry(),
      reason: '来客受付を記録するため',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const approvalId: string = filed.body.approvalRequestId!;

    // The submitter's screen says who will approve and why, instead of waiting forever.
    const own = await pms.call(approvalsContract.detail, { params: { id: approvalId } });
    expect(own.status).toBe(200);
    expect(own.body.request).toMatchObject({ status: 'pending', stepLabel: '個人情報保護管理者', abilities: { approve: false, withdraw: true } });
    expect(own.body.request.currentApprovers).toEqual({
      kind: 'alternate',
      names: ['山田 太郎'],
      note: '申請者本人が個人情報保護管理者のため、この段はトップマネジメント（山田 太郎）が承認します',
    });

    // Top management is asked, sees it in the inbox, and may approve it.
    const asked = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(eq(notifications.dedupeKey, `approval:${approvalId}:step:1`)),
    );
    expect(asked.map((n) => n.accountId)).toContain(account['top@demo.mamori.local']);
    expect(asked.map((n) => n.accountId)).not.toContain(account['pms@demo.mamori.local']);
    expect((await top.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).toContain(approvalId);
    const topView = await top.call(approvalsContract.detail, { params: { id: approvalId } });
    expect(topView.body.request.abilities).toMatchObject({ approve: true, return: true });

    const approved = await top.request('POST', `/api/approvals/${approvalId}/approve`, { comment: '内容を確認しました' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.request.status).toBe('approved');
    const stamp = approved.body.stamps.find((s: { step: number }) => s.step === 1);
    expect(stamp).toMatchObject({ actorName: '山田 太郎', stepLabel: '個人情報保護管理者' });
    expect(stamp!.comment).toContain('代行');
    expect(stamp!.comment).toContain('内容を確認しました');
    expect((await pms.get(`/api/inventory/requests/${filed.body.id}`)).body.status).toBe('approved');
  });

  it('代行者が後の段も持つときは次の段へ: 所属長（田中）が申請すると、所属長の段は個人情報保護管理者の承認に含める', async () => {
    const request = await submitAs('sales-head@demo.mamori.local', '田中 美咲', PLAIN, '営業部');
    expect(request).toMatchObject({ status: 'pending', currentStep: 1 });
    const detail = await pms.call(approvalsContract.detail, { params: { id: request.id } });
    expect(detail.body.steps.map((s) => s.state)).toEqual(['passed', 'current']);
    expect(detail.body.steps[0]?.note).toBe('申請者本人が所属長のため、この段は次の段（個人情報保護管理者）の承認に含めました');
    expect(detail.body.stamps).toEqual([]);
    expect(detail.body.request.currentApprovers).toMatchObject({ kind: 'holders', names: ['佐藤 花子'] });
    const passed = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'approval_requests'), eq(auditLog.entityId, request.id))),
    );
    expect(passed.filter((e) => e.meta?.passedBecauseOnlySubmitterHolds === true).map((e) => e.meta?.step)).toEqual([0]);
    // The submitter still cannot approve it; the next step's holder approves the record once.
    expect((await sales.request('POST', `/api/approvals/${request.id}/approve`, {})).status).toBe(403);
    const approved = await pms.request('POST', `/api/approvals/${request.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.request.status).toBe('approved');
  });

  it('代行者も次の段もない申請（トップマネジメントだけの経路を山田が申請）は、段と申請すべき人を示して 422、何も書かない', async () => {
    const before = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select({ id: approvalRequests.id }).from(approvalRequests));
    const refused = await submitAs('top@demo.mamori.local', '山田 太郎', TOP_ONLY, '経営企画室').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(HttpError);
    const error = refused as HttpError;
    expect(error.statusCode).toBe(422);
    expect(error.fields?.[0]?.path).toBe('approval');
    expect(error.message).toContain('最後の段「トップマネジメント」');
    expect(error.message).toContain('山田 太郎さん');
    expect(error.message).toContain('代行者');
    expect(error.message).toContain('山田 太郎さん以外の人）が申請');
    const after = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select({ id: approvalRequests.id }).from(approvalRequests));
    expect(after.length).toBe(before.length);
  });

  it('申請後に行き止まりになった申請（もう一人のトップマネジメントが退いた）は止まり、理由を示す', async () => {
    // 伊藤 直樹 is トップマネジメント for a while: 山田's submission has an approver then.
    const [temporary] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .insert(roleAssignments)
        .values({ organizationId: t.demoOrganizationId, personId: P('伊藤 直樹'), role: 'top_management', startsOn: addDays(today(), -30) })
        .returning(),
    );
    const request = await submitAs('top@demo.mamori.local', '山田 太郎', TOP_ONLY, '経営企画室');
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.delete(roleAssignments).where(eq(roleAssignments.id, temporary?.id ?? '')));
    strandedId = request.id;
    expect(request).toMatchObject({ status: 'pending', currentStep: 0 });
    const detail = await top.call(approvalsContract.detail, { params: { id: request.id } });
    expect(detail.body.request.currentApprovers?.kind).toBe('stranded');
    expect(detail.body.request.currentApprovers?.names).toEqual([]);
    expect(detail.body.request.currentApprovers?.note).toContain('申請者本人がトップマネジメントのため');
    expect(detail.body.request.currentApprovers?.note).toContain('代行者');
  });
});

describe('承認経路の設定: 承認する人がいなくなる申請者を残す経路は 422', () => {
  it('トップマネジメントだけの経路は、山田 太郎さんの申請を承認する人がいないため保存できない', async () => {
    const r = await pms.request('PUT', '/api/approval-chains/role_request', { steps: [{ role: 'top_management' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error.fields?.[0]?.path).toBe('steps');
    expect(r.body.error.message).toContain('山田 太郎');
    expect(r.body.error.message).toContain('トップマネジメント');
    expect(r.body.error.message).toContain('代行者');
  });

  it('所属長だけの経路: 総務部では所属長も代行者（個人情報保護管理者）も佐藤 花子さんなので保存できない', async () => {
    const r = await pms.request('PUT', '/api/approval-chains/role_request', { steps: [{ role: 'department_head' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error.message).toContain('総務部');
    expect(r.body.error.message).toContain('佐藤 花子');
    expect(r.body.error.message).not.toContain('田中 美咲');
  });

  it('代行者を設定すれば保存でき、一覧にも代行者が出る。既定の経路で取り残される人は一覧の problems に出る', async () => {
    const r = await pms.request('PUT', '/api/approval-chains/role_request', { steps: [{ role: 'top_management', alternateRole: 'pms_manager' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.steps[0]).toMatchObject({ role: 'top_management', alternateSetting: 'role', alternateRole: 'pms_manager', alternateLabel: '個人情報保護管理者' });
    expect(r.body.problems).toEqual([]);
    const chains = await pms.call(approvalsContract.chains);
    const risk = chains.body.items.find((c) => c.recordType === 'risk_assessment');
    expect(risk?.problems.join('\n')).toContain('山田 太郎');
    const inventory = chains.body.items.find((c) => c.recordType === 'inventory_acquisition');
    expect(inventory?.steps[1]).toMatchObject({ role: 'pms_manager', alternateSetting: 'default', alternateRole: 'top_management' });
    expect(inventory?.problems).toEqual([]);
    const back = await pms.request('PUT', '/api/approval-chains/role_request', { steps: [{ role: 'pms_manager' }] });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
  });
});

describe('承認経路の設定はアプリにある記録の種類だけ（issue 10）', () => {
  it('導入済みモジュールが登録した種類だけが並び、まだない種類（年間教育計画など）は出ず、保存も 404', async () => {
    const chains = await pms.call(approvalsContract.chains);
    const types = chains.body.items.map((c) => c.recordType).sort();
    expect(types).toEqual(
      registeredApprovalRecordTypes()
        .map((t) => t.type)
        .sort(),
    );
    for (const absent of ['training_plan', 'operation_check', 'audit_plan', 'corrective_action']) expect(types).not.toContain(absent);
    expect(types).toEqual(expect.arrayContaining(['role_request', 'inventory_acquisition', 'risk_assessment', 'incident_closure', 'corrective_action_plan']));
    const r = await pms.request('PUT', '/api/approval-chains/training_plan', { steps: [{ role: 'top_management' }] });
    expect(r.status).toBe(404);
  });
});

describe('滞留している承認（GET /api/approvals/stuck）', () => {
  it('承認できる人がいない申請が理由つきで出る。個人情報保護管理者とトップマネジメントが見られ、従業者は 403', async () => {
    for (const client of [pms, top]) {
      const r = await client.call(approvalsContract.stuck);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const item = r.body.items.find((i) => i.id === strandedId);
      expect(item).toMatchObject({ reasons: ['no_approver'], stepLabel: 'トップマネジメント', submittedByName: '山田 太郎', link: `/approvals/${strandedId}` });
      expect(item?.note).toContain('代行者');
      // The demo's role request waits for the 個人情報保護管理者, who can approve it: not stuck (yet).
      expect(r.body.items.some((i) => i.recordType === 'role_request')).toBe(false);
      expect(r.body.olderThanDays).toBe(7);
    }
    expect((await staff.call(approvalsContract.stuck)).status).toBe(403);
  });

  it('7日を超えて待っている申請も出る（olderThanDays で変えられる）', async () => {
    // The demo request was submitted at 09:00 (JST) of the day the app was built.
    t.clock.set(new Date(Date.now() + 9 * 86_400_000));
    await loginAll();
    try {
      const r = await pms.call(approvalsContract.stuck);
      const demo = r.body.items.find((i) => i.recordType === 'role_request');
      expect(demo).toMatchObject({ reasons: ['overdue'], stepLabel: '個人情報保護管理者', approverNames: ['佐藤 花子'] });
      expect(demo?.waitingDays).toBeGreaterThanOrEqual(8);
      expect(r.body.items.find((i) => i.id === strandedId)?.reasons).toEqual(['no_approver', 'overdue']);
      const later = await pms.call(approvalsContract.stuck, { query: { olderThanDays: 30 } });
      expect(later.body.items.some((i) => i.recordType === 'role_request')).toBe(false);
      expect((await pms.call(approvalsContract.stuck, { query: { olderThanDays: 0 } })).status).toBe(400);
    } finally {
      t.clock.set(new Date());
      await loginAll();
    }
  });
});

describe('代理承認の職務の分離: 一人が同じ承認経路の二つの段を持たない', () => {
  it('個人情報保護管理者をトップマネジメントの代理にはできない（本人が設定しても、管理者が設定しても 422）', async () => {
    const byPms = await pms.request('POST', '/api/approval-delegations', {
      fromPersonId: P('山田 太郎'),
      toPersonId: P('佐藤 花子'),
      startsOn: today(),
      endsOn: addDays(today(), 3),
    });
    expect(byPms.status, JSON.stringify(byPms.body)).toBe(422);
    expect(byPms.body.error.fields?.[0]?.path).toBe('toPersonId');
    expect(byPms.body.error.message).toContain('佐藤 花子');
    expect(byPms.body.error.message).toContain('個人情報保護管理者');
    expect(byPms.body.error.message).toContain('トップマネジメント');
    const byTop = await top.request('POST', '/api/approval-delegations', { toPersonId: P('佐藤 花子'), startsOn: today(), endsOn: addDays(today(), 3) });
    expect(byTop.status).toBe(422);
    // Someone who holds no other step of those chains may be the 代理.
    const fine = await top.request('POST', '/api/approval-delegations', { toPersonId: P('伊藤 直樹'), startsOn: today(), endsOn: addDays(today(), 3) });
    expect(fine.status, JSON.stringify(fine.body)).toBe(201);
    expect((await top.request('DELETE', `/api/approval-delegations/${fine.body.id}`)).status).toBe(200);
  });

  it('承認時にも拒否する: 設定済みの代理（山田 → 佐藤）で、自分が承認した段の次の段を代理で承認しようとすると 403', async () => {
    // A delegation that predates the rule (or the delegate's role) reaches the approval itself.
    const [delegation] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .insert(approvalDelegations)
        .values({ organizationId: t.demoOrganizationId, fromPersonId: P('山田 太郎'), toPersonId: P('佐藤 花子'), startsOn: today(), endsOn: addDays(today(), 3) })
        .returning(),
    );
    try {
      const request = await submitAs('sales-head@demo.mamori.local', '田中 美咲', TWO, '営業部');
      const first = await pms.request('POST', `/api/approvals/${request.id}/approve`, {});
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.request).toMatchObject({ status: 'pending', stepLabel: 'トップマネジメント', abilities: { approve: false }, onBehalfOf: null });
      expect((await pms.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).not.toContain(request.id);
      const second = await pms.request('POST', `/api/approvals/${request.id}/approve`, {});
      expect(second.status).toBe(403);
      expect(second.body.error.code).toBe('separation_of_duties');
      expect(second.body.error.message).toContain('二つの段');
      // Top management approves in their own right.
      expect((await top.request('POST', `/api/approvals/${request.id}/approve`, {})).status).toBe(200);
    } finally {
      await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.delete(approvalDelegations).where(eq(approvalDelegations.id, delegation?.id ?? '')));
    }
  });

  it('デモの代理承認（佐藤 花子 → 伊藤 直樹）は規則を満たす', async () => {
    const mine = (await pms.call(approvalsContract.delegations)).body.items;
    expect(mine.map((d) => d.toName)).toEqual(['伊藤 直樹']);
  });
});
