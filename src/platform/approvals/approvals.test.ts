import { todayInJapan } from '../../domain/time.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { accounts } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/hashing.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { notifications } from '../notifications/notifications.tables.ts';
import { departments, organizations, people, roleAssignments } from '../org/org.tables.ts';
import { approvalsContract } from './approvals.contract.ts';
import { requireReapprovalIfChanged, submitForApproval } from './approvals.service.ts';
import { approvalRequests, roleRequests } from './approvals.tables.ts';
import { registerApprovalRecordType } from './registry.ts';
import { createRoleRequest } from './roleRequests.service.ts';

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
let staff: Client;
let security: Client;
let desk: Client;
const ids = {
  people: {} as Record<string, string>,
  depts: {} as Record<string, string>,
  accounts: {} as Record<string, string>,
};
let demoRequestId: string;

const P = (name: string) => {
  const id = ids.people[name];
  if (!id) throw new Error(`no person ${name}`);
  return id;
};
const D = (name: string) => {
  const id = ids.depts[name];
  if (!id) throw new Error(`no department ${name}`);
  return id;
};
const today = () => todayInJapan(t.clock.now());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function setChain(steps: { role: string; alternateRole?: string | null }[]) {
  const r = await pms.request('PUT', '/api/approval-chains/role_request', {
    steps,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function createByService(requester: string, input: { personId: string; role: string; departmentId?: string | null }) {
  return inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.loginId, requester));
    if (!account) throw new Error('no account');
    return createRoleRequest(
      tx,
      {
        organizationId: t.demoOrganizationId,
        accountId: account.id,
        personId: account.personId,
      },
      {
        personId: input.personId,
        role: input.role as 'info_manager',
        departmentId: input.departmentId ?? null,
        startsOn: today(),
        note: null,
      },
      { today: today(), now: t.clock.now() },
      { isRoleManager: true },
    );
  });
}

async function loginAll() {
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  security = await t.login('security@demo.mamori.local');
  desk = await t.login('desk@demo.mamori.local');
}

beforeAll(async () => {
  t = await buildTestApp();
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const p of await tx.select().from(people)) ids.people[p.name] = p.id;
    for (const d of await tx.select().from(departments)) ids.depts[d.name] = d.id;
    for (const a of await tx.select().from(accounts)) ids.accounts[a.loginId] = a.id;
  });
  await loginAll();
});
afterAll(() => t.close());

describe('デモの承認待ち: 田中 美咲（営業部 所属長）→ 渡辺 さくらを営業部の個人情報取扱責任者に', () => {
  it('個人情報保護管理者の「承認待ち一覧」に表示される', async () => {
    const r = await pms.get('/api/me/approvals');
    expect(r.status).toBe(200);
    const item = r.body.items.find((i: { recordType: string }) => i.recordType === 'role_request');
    expect(item).toMatchObject({
      recordTypeLabel: '役割任命申請',
      submittedByName: '田中 美咲',
      stepIndex: 0,
      stepLabel: '個人情報保護管理者',
    });
    expect(item!.title).toBe('渡辺 さくら さんを営業部の個人情報取扱責任者に任命');
    // Every inbox item leads to the approval screen (a role request has no screen of its own).
    expect(item!.link).toBe(`/approvals/${item!.id}`);
    expect(item!.onBehalfOf).toBeUndefined();
    demoRequestId = item!.id;
  });

  it('申請者本人・役割のない人・トップマネジメントの一覧には出ない', async () => {
    for (const c of [sales, staff, top]) expect((await c.get('/api/me/approvals')).body.items).toEqual([]);
  });

  it('申請時に個人情報保護管理者へアプリ内通知が届く', async () => {
    const r = await pms.get('/api/notifications?unread=1');
    expect(r.body.items.some((n) => n.kind === 'approval_requested' && n.link === `/approvals/${demoRequestId}`)).toBe(true);
  });

  it('詳細: 承認経路・承認印（まだなし）・承認できるか', async () => {
    const r = await pms.get(`/api/approvals/${demoRequestId}`);
    expect(r.status).toBe(200);
    expect(r.body.request).toMatchObject({
      status: 'pending',
      statusLabel: '承認待ち',
      abilities: { approve: true, withdraw: false },
      submittedByName: '田中 美咲',
      departmentName: '営業部',
    });
    expect(r.body.request.snapshot).toMatchObject({
      personName: '渡辺 さくら',
      role: 'handling_manager',
    });
    // The snapshot as labelled lines for the approval screen; no record screen to open.
    expect(r.body.request.snapshotFields).toEqual([
      { key: 'personName', label: '対象者', value: '渡辺 さくら' },
      { key: 'role', label: '役割', value: '個人情報取扱責任者' },
      { key: 'departmentName', label: '所属', value: '営業部' },
      { key: 'startsOn', label: '開始日', value: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}$/) },
      { key: 'note', label: '理由', value: '営業部の顧客名簿・商談記録の取扱いを管理するため' },
    ]);
    expect(r.body.request.link).toBeNull();
    expect(r.body.steps).toEqual([
      expect.objectContaining({
        index: 0,
        role: 'pms_manager',
        label: '個人情報保護管理者',
        state: 'current',
      }),
    ]);
    expect(r.body.stamps).toEqual([]);
  });

  it('詳細の abilities: 承認者は承認・差戻し・代理承認の設定、申請者は取下げだけ、対象者本人は見るだけ', async () => {
    const approver = await pms.call(approvalsContract.detail, { params: { id: demoRequestId } });
    expect(approver.status).toBe(200);
    expect(approver.body.request.abilities).toEqual({ approve: true, return: true, withdraw: false, delegate: true });
    const submitter = await sales.call(approvalsContract.detail, { params: { id: demoRequestId } });
    expect(submitter.body.request.abilities).toEqual({ approve: false, return: false, withdraw: true, delegate: false });
    expect(submitter.body.request).toMatchObject({ abilities: { approve: false, withdraw: true } });
    const subject = await staff.call(approvalsContract.detail, { params: { id: demoRequestId } });
    expect(subject.status).toBe(200);
    expect(subject.body.request.abilities).toEqual({ approve: false, return: false, withdraw: false, delegate: false });
  });

  it('役割任命申請の一覧: 対象者本人（渡辺）は自分の申請を見られる、関係のない人は見えない', async () => {
    expect((await staff.get('/api/role-requests')).body.items).toHaveLength(1);
    expect((await desk.get('/api/role-requests')).body.items).toHaveLength(0);
    const all = await pms.get('/api/role-requests');
    expect(all.body.items[0]).toMatchObject({
      personName: '渡辺 さくら',
      roleLabel: '個人情報取扱責任者',
      status: 'pending',
      requestedByName: '田中 美咲',
      approvalRequestId: demoRequestId,
    });
  });
});

describe('承認・差戻しの拒否', () => {
  it('役割を持たない人（トップマネジメント）が承認 → 403', async () => {
    const r = await top.request('POST', `/api/approvals/${demoRequestId}/approve`, {});
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('個人情報保護管理者');
  });

  it('申請者本人（所属長）が承認 → 403「自分が申請した案件は承認できません」', async () => {
    const r = await sales.request('POST', `/api/approvals/${demoRequestId}/approve`, {});
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({
      code: 'separation_of_duties',
      message: '自分が申請した案件は承認できません（職務の分離）',
    });
  });

  it('役割を持っていても自分の申請は承認できない（個人情報保護管理者が申請 → 自分で承認）', async () => {
    const created = await pms.request('POST', '/api/role-requests', {
      personId: P('加藤 陽子'),
      role: 'mynumber_staff',
      startsOn: today(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const r = await pms.request('POST', `/api/approvals/${created.body.approvalRequestId}/approve`, {});
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('自分が申請した案件は承認できません（職務の分離）');
    // 取下げ (pending → withdrawn) by the submitter; someone else may not.
    const notMine = await top.request('POST', `/api/approvals/${created.body.approvalRequestId}/withdraw`);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.message).toBe('申請を取り下げられるのは申請者本人だけです');
    const w = await pms.request('POST', `/api/approvals/${created.body.approvalRequestId}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body.request.status).toBe('withdrawn');
    const list = await pms.get('/api/role-requests?status=withdrawn');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });

  it('差戻しにはコメントが必要（400、項目名つき）', async () => {
    const r = await pms.request('POST', `/api/approvals/${demoRequestId}/return`, {});
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('差戻しの理由（コメント）');
  });
});

describe('承認 (pending → approved): 役割の割当てが作られ、承認印が残る', () => {
  it('個人情報保護管理者が承認すると、渡辺 さくらが営業部の個人情報取扱責任者になる', async () => {
    const r = await pms.request('POST', `/api/approvals/${demoRequestId}/approve`, { comment: '承認します' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.request.status).toBe('approved');
    expect(r.body.steps[0]!.state).toBe('approved');
    expect(r.body.stamps).toEqual([
      expect.objectContaining({
        step: 0,
        stepLabel: '個人情報保護管理者',
        action: 'approve',
        actorName: '佐藤 花子',
        onBehalfOfName: null,
        comment: '承認します',
      }),
    ]);
    const assignments = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(roleAssignments)
        .where(and(eq(roleAssignments.personId, P('渡辺 さくら')), eq(roleAssignments.role, 'handling_manager'))),
    );
    expect(assignments).toHaveLength(1);
    expect(assignments[0]?.departmentId).toBe(D('営業部'));
    const [rr] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(roleRequests)
        .where(eq(roleRequests.personId, P('渡辺 さくら'))),
    );
    expect(rr).toMatchObject({
      status: 'approved',
      roleAssignmentId: assignments[0]?.id,
    });
  });

  it('承認は監査証跡に action=approve で記録される', async () => {
    const rows = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'approve'), eq(auditLog.entityId, demoRequestId))),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorAccountId).toBe(ids.accounts['pms@demo.mamori.local']);
  });

  it('申請者に承認の通知が届く', async () => {
    const r = await sales.get('/api/notifications');
    expect(r.body.items.some((n: { kind: string }) => n.kind === 'approval_approved')).toBe(true);
  });

  it('承認済みの申請をもう一度承認 → 409', async () => {
    const r = await pms.request('POST', `/api/approvals/${demoRequestId}/approve`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('この申請は「承認済み」のため、承認できません');
  });

  it('承認印 API: 記録ごとに現在の申請と履歴', async () => {
    const recordId = (await pms.get(`/api/approvals/${demoRequestId}`)).body.request.recordId;
    const r = await staff.get(`/api/approval-stamps?recordType=role_request&recordId=${recordId}`);
    expect(r.status).toBe(200);
    expect(r.body.current).toMatchObject({
      status: 'approved',
      submittedByName: '田中 美咲',
    });
    expect(r.body.current!.stamps[0]).toMatchObject({
      actorName: '佐藤 花子',
      action: 'approve',
      comment: '承認します',
    });
    expect(typeof r.body.current!.stamps[0]!.at).toBe('string');
    expect(r.body.history).toEqual([]);
    // Someone unrelated to a role request may not read its stamps (the record type says so).
    expect((await desk.get(`/api/approval-stamps?recordType=role_request&recordId=${recordId}`)).status).toBe(404);
  });
});

describe('差戻し (pending → returned) と再申請', () => {
  it('差戻しで returned になり、申請者に理由つきで通知、承認はもうできない', async () => {
    const created = await sales.request('POST', '/api/role-requests', {
      personId: P('小林 翔'),
      role: 'info_manager',
      departmentId: D('営業部'),
      startsOn: today(),
      note: '派遣社員の管理',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.approvalRequestId;
    const r = await pms.request('POST', `/api/approvals/${id}/return`, {
      comment: '派遣社員ではなく正社員を任命してください',
    });
    expect(r.status).toBe(200);
    expect(r.body.request.status).toBe('returned');
    expect(r.body.steps[0]!.state).toBe('returned');
    expect(r.body.stamps[0]).toMatchObject({
      action: 'return',
      comment: '派遣社員ではなく正社員を任命してください',
    });
    const n = await sales.get('/api/notifications?unread=1');
    expect(n.body.items.find((x: { kind: string }) => x.kind === 'approval_returned')?.body).toContain('派遣社員ではなく正社員を任命してください');
    expect((await pms.request('POST', `/api/approvals/${id}/approve`, {})).status).toBe(409);
    expect((await pms.get('/api/role-requests?status=returned')).body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    // Resubmission after 差戻し opens a new pending request; a second one while it waits is refused.
    const again = await inOrg(
      t.database,
      {
        organizationId: t.demoOrganizationId,
        actorAccountId: ids.accounts['sales-head@demo.mamori.local'],
      },
      (tx) =>
        submitForApproval(
          tx,
          {
            organizationId: t.demoOrganizationId,
            accountId: ids.accounts['sales-head@demo.mamori.local'] as string,
            personId: P('田中 美咲'),
          },
          'role_request',
          created.body.id,
          { today: today(), now: t.clock.now() },
        ),
    );
    expect(again.status).toBe('pending');
    await expect(
      inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
        submitForApproval(
          tx,
          {
            organizationId: t.demoOrganizationId,
            accountId: ids.accounts['sales-head@demo.mamori.local'] as string,
            personId: P('田中 美咲'),
          },
          'role_request',
          created.body.id,
          { today: today(), now: t.clock.now() },
        ),
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: 'approval_pending' });
    const stamps = await pms.get(`/api/approval-stamps?recordType=role_request&recordId=${created.body.id}`);
    expect(stamps.body.current!.status).toBe('pending');
    expect(stamps.body.history.map((h: { status: string }) => h.status)).toEqual(['returned']);
    await pms.request('POST', `/api/approvals/${again.id}/return`, {
      comment: '取り下げてください',
    });
  });
});

describe('複数ステップの経路: 所属長（申請の所属）→ トップマネジメント', () => {
  let requestId: string;
  it('承認経路の変更は approvals.configure が必要（従業者は 403）、不正な経路は 422/400', async () => {
    expect(
      (
        await staff.request('PUT', '/api/approval-chains/role_request', {
          steps: [{ role: 'top_management' }],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await pms.request('PUT', '/api/approval-chains/role_request', {
          steps: [],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await pms.request('PUT', '/api/approval-chains/role_request', {
          steps: [{ role: 'pms_manager' }, { role: 'pms_manager' }],
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await pms.request('PUT', '/api/approval-chains/no_such_type', {
          steps: [{ role: 'pms_manager' }],
        })
      ).status,
    ).toBe(404);
    // The top step needs a 代行者: 山田 太郎 is its only holder, and could be the submitter (issue 10).
    await setChain([{ role: 'department_head' }, { role: 'top_management', alternateRole: 'pms_manager' }]);
    const chains = await staff.get('/api/approval-chains');
    const chain = chains.body.items.find((c: { recordType: string }) => c.recordType === 'role_request');
    expect(chain).toMatchObject({ label: '役割任命申請', customized: true });
    expect(chain!.steps.map((s: { label: string }) => s.label)).toEqual(['所属長', 'トップマネジメント']);
    expect(chains.body.items.find((c: { recordType: string }) => c.recordType === 'risk_assessment')!.basis).toBe('J.3.1.3');
  });

  it('営業部の申請を他部署の所属長は承認できない（403）、営業部の所属長が承認すると次のステップへ', async () => {
    const created = await pms.request('POST', '/api/role-requests', {
      personId: P('小林 翔'),
      role: 'mynumber_staff',
      startsOn: today(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    requestId = created.body.approvalRequestId!;
    expect((await security.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).not.toContain(requestId);
    expect((await sales.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).toContain(requestId);
    expect((await security.request('POST', `/api/approvals/${requestId}/approve`, {})).status).toBe(403);
    const r = await sales.request('POST', `/api/approvals/${requestId}/approve`, { comment: '所属として異存なし' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.request).toMatchObject({
      status: 'pending',
      stepIndex: 1,
      stepLabel: 'トップマネジメント',
    });
    expect(r.body.steps.map((s: { state: string }) => s.state)).toEqual(['approved', 'current']);
    // The next approver is notified.
    expect((await top.get('/api/notifications?unread=1')).body.items.some((n) => n.link === `/approvals/${requestId}`)).toBe(true);
    // The first-step approver can no longer act on it.
    expect((await sales.request('POST', `/api/approvals/${requestId}/approve`, {})).status).toBe(403);
  });

  it('トップマネジメントの承認で approved、承認印は2つ', async () => {
    const r = await top.request('POST', `/api/approvals/${requestId}/approve`, {});
    expect(r.status).toBe(200);
    expect(r.body.request.status).toBe('approved');
    expect(r.body.stamps.map((s: { actorName: string }) => s.actorName)).toEqual(['田中 美咲', '山田 太郎']);
    await setChain([{ role: 'pms_manager' }]);
  });

  it('所属ごとの役割（所属長）を含む経路で、所属の決まらない申請は 422（何も保存されない）', async () => {
    // 総務部's 所属長 is also the 個人情報保護管理者 (the step's default 代行者): top management stands in (issue 10).
    await setChain([{ role: 'department_head', alternateRole: 'top_management' }]);
    const [nobody] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .insert(people)
        .values({
          organizationId: t.demoOrganizationId,
          name: '所属なし 花子',
        })
        .returning(),
    );
    const r = await pms.request('POST', '/api/role-requests', {
      personId: nobody?.id,
      role: 'mynumber_staff',
      startsOn: today(),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.[0]?.path).toBe('departmentId');
    expect(r.body.error.message).toContain('所属長');
    const saved = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(roleRequests)
        .where(eq(roleRequests.personId, nobody?.id ?? '')),
    );
    expect(saved).toEqual([]);
    await setChain([{ role: 'pms_manager' }]);
  });
});

describe('代理承認（期間つき）', () => {
  let requestId: string;
  let start: string;
  let end: string;

  it('設定: 本人の分は誰でも、他人の分は approvals.configure が必要', async () => {
    start = addDays(today(), 2);
    end = addDays(today(), 4);
    const mine = await pms.request('POST', '/api/approval-delegations', {
      toPersonId: P('伊藤 直樹'),
      startsOn: start,
      endsOn: end,
      reason: '出張のため',
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body).toMatchObject({
      fromName: '佐藤 花子',
      toName: '伊藤 直樹',
      active: false,
    });
    expect(
      (
        await staff.request('POST', '/api/approval-delegations', {
          fromPersonId: P('佐藤 花子'),
          toPersonId: P('渡辺 さくら'),
          startsOn: start,
          endsOn: end,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await staff.request('POST', '/api/approval-delegations', {
          toPersonId: P('渡辺 さくら'),
          startsOn: end,
          endsOn: start,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await staff.request('POST', '/api/approval-delegations', {
          toPersonId: P('渡辺 さくら'),
          startsOn: start,
          endsOn: end,
        })
      ).status,
    ).toBe(422);
    // 伊藤 is the delegate of this one and of the demo's planned delegation (佐藤 → 伊藤, in 30 days).
    expect((await desk.get('/api/approval-delegations')).body.items).toHaveLength(2);
    expect((await top.get('/api/approval-delegations')).body.items).toHaveLength(0);
    expect((await pms.get('/api/approval-delegations')).body.items.map((d: { startsOn: string; toName: string }) => [d.startsOn, d.toName])).toEqual([
      [start, '伊藤 直樹'],
      [addDays(today(), 30), '伊藤 直樹'],
    ]);
    const created = await sales.request('POST', '/api/role-requests', {
      personId: P('小林 翔'),
      role: 'mynumber_staff',
      startsOn: today(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    requestId = created.body.approvalRequestId!;
  });

  it('期間開始の前日: 代理者の一覧に出ず、承認すると 403', async () => {
    t.clock.set(new Date(`${addDays(start, -1)}T12:00:00+09:00`));
    await loginAll();
    expect((await desk.get('/api/me/approvals')).body.items).toEqual([]);
    expect((await desk.request('POST', `/api/approvals/${requestId}/approve`, {})).status).toBe(403);
  });

  it('期間の翌日: 403', async () => {
    t.clock.set(new Date(`${addDays(end, 1)}T09:00:00+09:00`));
    await loginAll();
    expect((await desk.request('POST', `/api/approvals/${requestId}/approve`, {})).status).toBe(403);
  });

  it('期間開始日: 一覧に「佐藤 花子の代理」として出る', async () => {
    t.clock.set(new Date(`${start}T00:30:00+09:00`));
    await loginAll();
    const items = (await desk.get('/api/me/approvals')).body.items;
    expect(items).toEqual([
      expect.objectContaining({
        id: requestId,
        onBehalfOf: { personId: P('佐藤 花子'), name: '佐藤 花子' },
      }),
    ]);
    // The delegate may decide as 代理, but holds no role of their own to hand on.
    const detail = await desk.call(approvalsContract.detail, { params: { id: requestId } });
    expect(detail.body.request.abilities).toEqual({ approve: true, return: true, withdraw: false, delegate: false });
    expect(detail.body.request.onBehalfOf).toEqual({ personId: P('佐藤 花子'), name: '佐藤 花子' });
  });

  it('期間終了日（最終日）: 代理で承認でき、承認印に代理が残る', async () => {
    t.clock.set(new Date(`${end}T23:30:00+09:00`));
    await loginAll();
    const r = await desk.request('POST', `/api/approvals/${requestId}/approve`, { comment: '代理で承認' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.stamps[0]).toMatchObject({
      actorName: '伊藤 直樹',
      onBehalfOfName: '佐藤 花子',
      comment: '代理で承認',
    });
  });

  it('削除: 代理者は 403、無関係の人は 404、委任者は削除できる', async () => {
    const d = (await pms.get('/api/approval-delegations')).body.items.find((x: { toName: string }) => x.toName === '伊藤 直樹');
    // The list says who may remove it, so the settings screen shows the button only then.
    expect(d!.canDelete).toBe(true);
    expect((await desk.get('/api/approval-delegations')).body.items.find((x: { id: string }) => x.id === d!.id)!.canDelete).toBe(false);
    expect((await desk.request('DELETE', `/api/approval-delegations/${d!.id}`)).status).toBe(403);
    expect((await staff.request('DELETE', `/api/approval-delegations/${d!.id}`)).status).toBe(404);
    expect((await pms.request('DELETE', `/api/approval-delegations/${d!.id}`)).status).toBe(200);
    // The demo's planned delegation remains.
    expect((await pms.get('/api/approval-delegations')).body.items.map((x) => [x.toName, x.reason])).toEqual([['伊藤 直樹', '年次休暇のため']]);
  });

  it('申請者本人からの代理では承認できない（職務の分離）', async () => {
    t.clock.set(new Date());
    await loginAll();
    // 田中 (所属長, 営業部) delegates to 高橋; 田中 submits a request whose step is 所属長(営業部).
    // The step stays theirs — its 代行者 (top management) approves it (issue 10) — and 高橋 may
    // not approve it as 田中's 代理.
    await setChain([{ role: 'department_head', alternateRole: 'top_management' }]);
    const d = await sales.request('POST', '/api/approval-delegations', {
      toPersonId: P('高橋 健'),
      startsOn: today(),
      endsOn: addDays(today(), 1),
    });
    expect(d.status).toBe(201);
    const created = await sales.request('POST', '/api/role-requests', {
      personId: P('渡辺 さくら'),
      role: 'info_manager',
      departmentId: D('営業部'),
      startsOn: today(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const r = await security.request('POST', `/api/approvals/${created.body.approvalRequestId}/approve`, {});
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('申請者本人の代理として承認することはできません（職務の分離）');
    expect((await security.get('/api/me/approvals')).body.items).toEqual([]);
    await sales.request('POST', `/api/approvals/${created.body.approvalRequestId}/withdraw`);
    await sales.request('DELETE', `/api/approval-delegations/${d.body.id}`);
    await setChain([{ role: 'pms_manager' }]);
  });

  it('同時に二人が承認しても一度だけ進む（SELECT … FOR UPDATE）', async () => {
    await pms.request('POST', '/api/approval-delegations', {
      toPersonId: P('伊藤 直樹'),
      startsOn: today(),
      endsOn: today(),
    });
    const created = await sales.request('POST', '/api/role-requests', {
      personId: P('渡辺 さくら'),
      role: 'mynumber_staff',
      startsOn: today(),
    });
    const id = created.body.approvalRequestId;
    const results = await Promise.all([pms.request('POST', `/api/approvals/${id}/approve`, {}), desk.request('POST', `/api/approvals/${id}/approve`, {})]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await pms.get(`/api/approvals/${id}`);
    expect(detail.body.stamps).toHaveLength(1);
  });
});

describe('役割任命申請の権限と規則', () => {
  it('従業者は申請できない、所属長は他部署の役割を申請できない（403）', async () => {
    expect(
      (
        await staff.request('POST', '/api/role-requests', {
          personId: P('渡辺 さくら'),
          role: 'info_manager',
          departmentId: D('営業部'),
          startsOn: today(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await sales.request('POST', '/api/role-requests', {
          personId: P('中村 優'),
          role: 'info_manager',
          departmentId: D('情報システム部'),
          startsOn: today(),
        })
      ).status,
    ).toBe(403);
  });

  it('J.2.3.2: 個人情報保護管理者を監査責任者にする申請は申請時点で 422', async () => {
    const r = await pms.request('POST', '/api/role-requests', {
      personId: P('佐藤 花子'),
      role: 'audit_manager',
      startsOn: today(),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('J.2.3.2');
  });

  it('所属ごとの役割には所属が必要（422、項目名つき）', async () => {
    const r = await pms.request('POST', '/api/role-requests', {
      personId: P('渡辺 さくら'),
      role: 'info_manager',
      startsOn: today(),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.[0]?.path).toBe('departmentId');
  });
});

describe('再承認 (approved → superseded → 新しい pending)', () => {
  it('承認済みの記録が変わると、旧申請は無効になり新しい承認待ちが開く。変わらなければ何もしない', async () => {
    const created = await createByService('sales-head@demo.mamori.local', {
      personId: P('渡辺 さくら'),
      role: 'mynumber_manager',
    });
    const approved = await pms.request('POST', `/api/approvals/${created.approvalRequestId}/approve`, {});
    expect(approved.body.request.status).toBe('approved');
    const scope = {
      organizationId: t.demoOrganizationId,
      actorAccountId: ids.accounts['sales-head@demo.mamori.local'],
    };
    const unchanged = await inOrg(t.database, scope, (tx) =>
      requireReapprovalIfChanged(tx, 'role_request', created.roleRequest.id, {
        now: t.clock.now(),
      }),
    );
    expect(unchanged.reapproval).toBe(false);
    const changed = await inOrg(t.database, scope, async (tx) => {
      await tx.update(roleRequests).set({ note: '開始日を変更' }).where(eq(roleRequests.id, created.roleRequest.id));
      return requireReapprovalIfChanged(tx, 'role_request', created.roleRequest.id, { now: t.clock.now() });
    });
    expect(changed.reapproval).toBe(true);
    expect(changed.request).toMatchObject({
      status: 'pending',
      previousRequestId: created.approvalRequestId,
      submittedByPersonId: P('田中 美咲'),
    });
    const old = await pms.get(`/api/approvals/${created.approvalRequestId}`);
    expect(old.body.request.status).toBe('superseded');
    expect((await pms.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).toContain(changed.request?.id);
    const stamps = await pms.get(`/api/approval-stamps?recordType=role_request&recordId=${created.roleRequest.id}`);
    expect(stamps.body.current!.status).toBe('pending');
    expect(stamps.body.history[0]).toMatchObject({
      status: 'superseded',
      statusLabel: '再承認のため無効',
    });
    expect(stamps.body.history[0]!.stamps[0]!.actorName).toBe('佐藤 花子');
  });

  it('承認待ちの記録が変わっても、新しい内容で申請し直される（pending → superseded）', async () => {
    const created = await createByService('sales-head@demo.mamori.local', {
      personId: P('小林 翔'),
      role: 'mynumber_manager',
    });
    const scope = {
      organizationId: t.demoOrganizationId,
      actorAccountId: ids.accounts['pms@demo.mamori.local'],
    };
    const changed = await inOrg(t.database, scope, async (tx) => {
      await tx.update(roleRequests).set({ note: '備考を追加' }).where(eq(roleRequests.id, created.roleRequest.id));
      return requireReapprovalIfChanged(tx, 'role_request', created.roleRequest.id, { now: t.clock.now() });
    });
    expect(changed.reapproval).toBe(true);
    // The person who changed it (the PMS manager) is now the submitter, so they cannot approve it.
    expect(changed.request?.submittedByPersonId).toBe(P('佐藤 花子'));
    expect((await pms.request('POST', `/api/approvals/${changed.request?.id}/approve`, {})).status).toBe(403);
    // The earlier submitter is told.
    expect((await sales.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'approval_reapproval')).toBe(true);
  });
});

describe('他の組織の承認依頼・代理設定 → 404', () => {
  let other: { requestId: string; recordId: string; delegationId: string };
  beforeAll(async () => {
    const [org] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
    if (!org) throw new Error('org');
    other = await inOrg(t.database, { organizationId: org.id }, async (tx) => {
      const [a] = await tx.insert(people).values({ organizationId: org.id, name: '他社 一郎' }).returning();
      const [b] = await tx.insert(people).values({ organizationId: org.id, name: '他社 二郎' }).returning();
      if (!a || !b) throw new Error('people');
      await tx.insert(roleAssignments).values({
        organizationId: org.id,
        personId: a.id,
        role: 'pms_manager',
        startsOn: '2025-01-01',
      });
      // Someone other than the submitter can approve (the 代行者 of the 個人情報保護管理者): not a dead end (issue 10).
      await tx.insert(roleAssignments).values({ organizationId: org.id, personId: b.id, role: 'top_management', startsOn: '2025-01-01' });
      const [account] = await tx
        .insert(accounts)
        .values({
          organizationId: org.id,
          personId: a.id,
          loginId: 'ichiro@other.example',
          passwordHash: await hashPassword('Other-pass1!'),
        })
        .returning();
      if (!account) throw new Error('account');
      const created = await createRoleRequest(
        tx,
        { organizationId: org.id, accountId: account.id, personId: a.id },
        {
          personId: b.id,
          role: 'mynumber_staff',
          departmentId: null,
          startsOn: '2026-01-01',
          note: null,
        },
        { today: today(), now: t.clock.now() },
        { isRoleManager: true },
      );
      const { approvalDelegations } = await import('./approvals.tables.ts');
      const [d] = await tx
        .insert(approvalDelegations)
        .values({
          organizationId: org.id,
          fromPersonId: a.id,
          toPersonId: b.id,
          startsOn: '2026-01-01',
          endsOn: '2099-01-01',
        })
        .returning();
      return {
        requestId: created.approvalRequestId,
        recordId: created.roleRequest.id,
        delegationId: d?.id ?? '',
      };
    });
  });

  it('詳細・承認・差戻し・取下げ・代理設定の削除はすべて 404', async () => {
    expect((await pms.get(`/api/approvals/${other.requestId}`)).status).toBe(404);
    expect((await pms.request('POST', `/api/approvals/${other.requestId}/approve`, {})).status).toBe(404);
    expect(
      (
        await pms.request('POST', `/api/approvals/${other.requestId}/return`, {
          comment: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await pms.request('POST', `/api/approvals/${other.requestId}/withdraw`)).status).toBe(404);
    expect((await pms.request('DELETE', `/api/approval-delegations/${other.delegationId}`)).status).toBe(404);
  });

  it('他の組織の記録の承認印は見えない', async () => {
    const r = await pms.get(`/api/approval-stamps?recordType=role_request&recordId=${other.recordId}`);
    expect(r.status).toBe(200);
    expect(r.body.current).toBeNull();
  });

  it('他の組織の申請は承認待ち一覧にも通知にも出ない', async () => {
    expect((await pms.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).not.toContain(other.requestId);
    const rows = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(approvalRequests).where(eq(approvalRequests.id, other.requestId)));
    expect(rows).toEqual([]);
    const n = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(eq(notifications.link, `/approvals/${other.requestId}`)),
    );
    expect(n).toEqual([]);
  });
});

describe('承認・差戻し・取下げで、そのステップの承認依頼の通知は全員分が既読になる', () => {
  /** The "please approve step n" notifications of a request, for every account. */
  const stepNotices = (requestId: string, step = 0) =>
    asSystem(t.database, (tx) =>
      tx
        .select({ accountId: notifications.accountId, readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.dedupeKey, `approval:${requestId}:step:${step}`)),
    );
  let delegationId: string;

  beforeAll(async () => {
    t.clock.set(new Date());
    await loginAll();
    await setChain([{ role: 'pms_manager' }]);
    // 佐藤 花子 (個人情報保護管理者) delegates today to 伊藤 直樹: both are asked to approve.
    const d = await pms.request('POST', '/api/approval-delegations', { toPersonId: P('伊藤 直樹'), startsOn: today(), endsOn: today() });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    delegationId = d.body.id;
  });
  afterAll(async () => {
    await pms.request('DELETE', `/api/approval-delegations/${delegationId}`);
  });

  it('承認: 承認した人だけでなく、依頼を受けた全員の通知が既読になり、次の段階の依頼は未読で届く', async () => {
    await setChain([{ role: 'pms_manager' }, { role: 'top_management', alternateRole: 'pms_manager' }]);
    const created = await createByService('sales-head@demo.mamori.local', { personId: P('加藤 陽子'), role: 'complaints_manager' });
    const id = created.approvalRequestId;
    const before = await stepNotices(id);
    expect(before.map((n) => n.accountId).sort()).toEqual([ids.accounts['pms@demo.mamori.local'], ids.accounts['desk@demo.mamori.local']].sort());
    expect(before.every((n) => n.readAt === null)).toBe(true);
    expect((await desk.get('/api/notifications?unread=1')).body.items.some((n) => n.link === `/approvals/${id}`)).toBe(true);

    const r = await pms.request('POST', `/api/approvals/${id}/approve`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await stepNotices(id);
    expect(after).toHaveLength(2);
    expect(after.every((n) => n.readAt !== null)).toBe(true);
    // 伊藤 (the delegate, who did not act) no longer sees it among the unread.
    expect((await desk.get('/api/notifications?unread=1')).body.items.some((n) => n.link === `/approvals/${id}`)).toBe(false);
    // The next step's request is new and unread.
    const next = await stepNotices(id, 1);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((n) => n.readAt === null)).toBe(true);
    await top.request('POST', `/api/approvals/${id}/return`, { comment: '確認のため差し戻します' });
    expect((await stepNotices(id, 1)).every((n) => n.readAt !== null)).toBe(true);
    await setChain([{ role: 'pms_manager' }]);
  });

  it('差戻し: 依頼を受けた全員の通知が既読になる（差し戻しの通知は申請者に未読で届く）', async () => {
    const created = await createByService('sales-head@demo.mamori.local', { personId: P('加藤 陽子'), role: 'auditor' });
    const id = created.approvalRequestId;
    expect((await stepNotices(id)).length).toBe(2);
    const r = await desk.request('POST', `/api/approvals/${id}/return`, { comment: '対象者を確認してください' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.stamps[0]).toMatchObject({ actorName: '伊藤 直樹', onBehalfOfName: '佐藤 花子' });
    expect((await stepNotices(id)).every((n) => n.readAt !== null)).toBe(true);
    const mine = await sales.get('/api/notifications?unread=1');
    expect(mine.body.items.some((n) => n.kind === 'approval_returned' && n.link === `/approvals/${id}`)).toBe(true);
  });

  it('取下げ: 申請者が取り下げると、依頼の通知も既読になる。他の申請の通知はそのまま', async () => {
    const kept = await createByService('sales-head@demo.mamori.local', { personId: P('加藤 陽子'), role: 'mynumber_manager' });
    const withdrawn = await createByService('sales-head@demo.mamori.local', { personId: P('小林 翔'), role: 'complaints_manager' });
    const r = await sales.request('POST', `/api/approvals/${withdrawn.approvalRequestId}/withdraw`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await stepNotices(withdrawn.approvalRequestId)).every((n) => n.readAt !== null)).toBe(true);
    expect((await stepNotices(kept.approvalRequestId)).every((n) => n.readAt === null)).toBe(true);
    await sales.request('POST', `/api/approvals/${kept.approvalRequestId}/withdraw`);
  });
});

describe('申請をもって経由（submissionPassesAuthorSteps）: 申請者が持つ先頭の段は申請で通過、最後の段は通過しない', () => {
  // Two record types with the same chain (所属長 → 個人情報保護管理者), one with the option and one
  // without. A record is a department of the demo organization, filed for that department, so
  // its 所属長 holds the first step.
  const WITH = 'test_author_steps';
  const WITHOUT = 'test_no_author_steps';
  const passedComment = '申請者が所属長のため、申請をもって所属長の確認（経由）とします';

  for (const [type, submissionPassesAuthorSteps] of [
    [WITH, true],
    [WITHOUT, false],
  ] as const) {
    registerApprovalRecordType({
      type,
      label: '経由の試験記録',
      defaultSteps: [{ role: 'department_head' }, { role: 'pms_manager' }],
      submissionPassesAuthorSteps,
      async snapshot(tx, organizationId, recordId) {
        const [d] = await tx
          .select()
          .from(departments)
          .where(and(eq(departments.organizationId, organizationId), eq(departments.id, recordId)));
        return d ? { title: `${d.name}の試験記録`, departmentId: d.id, data: { name: d.name } } : null;
      },
      link: () => null,
      describeSnapshot: (data) => [{ key: 'name', label: '所属', value: typeof data.name === 'string' ? data.name : null }],
    });
  }

  const submitAs = (loginId: string, personName: string, type: string, departmentName: string) => {
    const accountId = ids.accounts[loginId];
    if (!accountId) throw new Error(`no account ${loginId}`);
    return inOrg(t.database, { organizationId: t.demoOrganizationId, actorAccountId: accountId }, (tx) =>
      submitForApproval(tx, { organizationId: t.demoOrganizationId, accountId, personId: P(personName) }, type, D(departmentName), { today: today(), now: t.clock.now() }),
    );
  };
  const passedEvents = (requestId: string) =>
    inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) =>
      (
        await tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'approve'), eq(auditLog.entityId, requestId)))
      ).filter((row) => row.meta?.passedBySubmission === true),
    );
  const stepNotices = (requestId: string, step: number) =>
    asSystem(t.database, (tx) =>
      tx
        .select({ accountId: notifications.accountId, body: notifications.body, readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.dedupeKey, `approval:${requestId}:step:${step}`)),
    );

  it('所属長（田中）が申請: 所属長の段は申請者名の承認印とコメントで通過、個人情報保護管理者の段で待ち、その保有者に依頼が届く', async () => {
    const request = await submitAs('sales-head@demo.mamori.local', '田中 美咲', WITH, '営業部');
    expect(request).toMatchObject({ status: 'pending', currentStep: 1 });

    const detail = await pms.get(`/api/approvals/${request.id}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.request).toMatchObject({ status: 'pending', stepIndex: 1, stepLabel: '個人情報保護管理者', abilities: { approve: true } });
    expect(detail.body.stamps).toEqual([expect.objectContaining({ step: 0, action: 'approve', actorName: '田中 美咲', onBehalfOfName: null, comment: passedComment })]);
    expect(detail.body.steps.map((s: { state: string }) => s.state)).toEqual(['approved', 'current']);

    const events = await passedEvents(request.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.actorAccountId).toBe(ids.accounts['sales-head@demo.mamori.local']);
    expect(events[0]?.meta).toMatchObject({ recordType: WITH, recordId: D('営業部'), step: 0, role: 'department_head' });

    const asked = await stepNotices(request.id, 1);
    expect(asked.map((n) => n.accountId)).toContain(ids.accounts['pms@demo.mamori.local']);
    expect(asked.map((n) => n.accountId)).not.toContain(ids.accounts['sales-head@demo.mamori.local']);
    expect(asked.every((n) => n.readAt === null && n.body === '経由の試験記録の承認（個人情報保護管理者）をお願いします。申請者: 田中 美咲')).toBe(true);
    // Requests to approve the passed step (sent at submission to its other holders) are settled.
    expect((await stepNotices(request.id, 0)).every((n) => n.readAt !== null)).toBe(true);
    expect((await pms.get('/api/me/approvals')).body.items.map((i: { id: string }) => i.id)).toContain(request.id);

    // The step after the passed one is approved as usual, by someone other than the author.
    const approved = await pms.request('POST', `/api/approvals/${request.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.request.status).toBe('approved');
    expect(approved.body.stamps.map((s: { actorName: string }) => s.actorName)).toEqual(['田中 美咲', '佐藤 花子']);
  });

  it('申請者が続けて持つ先頭の段はまとめて通過する（所属長 → 個人情報保護管理者 → トップマネジメント を佐藤が申請）', async () => {
    const chain = await pms.request('PUT', `/api/approval-chains/${WITH}`, {
      steps: [{ role: 'department_head' }, { role: 'pms_manager' }, { role: 'top_management', alternateRole: 'pms_manager' }],
    });
    expect(chain.status, JSON.stringify(chain.body)).toBe(200);
    try {
      // 佐藤 花子 is 総務部's 所属長 and the 個人情報保護管理者.
      const request = await submitAs('pms@demo.mamori.local', '佐藤 花子', WITH, '総務部');
      expect(request).toMatchObject({ status: 'pending', currentStep: 2 });
      const detail = await top.get(`/api/approvals/${request.id}`);
      expect(detail.body.stamps.map((s) => [s.step, s.comment])).toEqual([
        [0, passedComment],
        [1, '申請者が個人情報保護管理者のため、申請をもって個人情報保護管理者の確認（経由）とします'],
      ]);
      expect(detail.body.request.abilities.approve).toBe(true);
      expect((await passedEvents(request.id)).map((e) => e.meta?.step)).toEqual([0, 1]);
      expect((await stepNotices(request.id, 2)).map((n) => n.accountId)).toContain(ids.accounts['top@demo.mamori.local']);
      expect((await pms.request('POST', `/api/approvals/${request.id}/withdraw`)).status).toBe(200);
    } finally {
      await pms.request('PUT', `/api/approval-chains/${WITH}`, { steps: [{ role: 'department_head' }, { role: 'pms_manager' }] });
    }
  });

  it('最後の段は申請者が持っていても通過しない: 佐藤が申請すると個人情報保護管理者の段で待ち、本人は承認できない', async () => {
    const request = await submitAs('pms@demo.mamori.local', '佐藤 花子', WITH, '総務部');
    // The first step (総務部の所属長) is passed; the last one (個人情報保護管理者), which she also holds, is not.
    expect(request).toMatchObject({ status: 'pending', currentStep: 1 });
    expect((await passedEvents(request.id)).map((e) => e.meta?.step)).toEqual([0]);
    const own = await pms.request('POST', `/api/approvals/${request.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('separation_of_duties');
    const detail = await pms.get(`/api/approvals/${request.id}`);
    expect(detail.body.request).toMatchObject({ status: 'pending', stepIndex: 1, abilities: { approve: false, withdraw: true } });
    // She holds the step's role, but her own submission is neither hers to approve nor to delegate (SPEC §5.4).
    expect(detail.body.request.abilities).toEqual({ approve: false, return: false, withdraw: true, delegate: false });
    expect(detail.body.stamps).toHaveLength(1);
    expect((await pms.request('POST', `/api/approvals/${request.id}/withdraw`)).status).toBe(200);
  });

  it('オプションのない記録の種類では申請をもって経由しない: 所属長（田中）しか持たない所属長の段は、承認印なしで次の段（個人情報保護管理者）の承認に含める（issue 10）', async () => {
    const request = await submitAs('sales-head@demo.mamori.local', '田中 美咲', WITHOUT, '営業部');
    // The step's default 代行者, the 個人情報保護管理者, approves the next step anyway.
    expect(request).toMatchObject({ status: 'pending', currentStep: 1 });
    const detail = await sales.get(`/api/approvals/${request.id}`);
    expect(detail.body.request).toMatchObject({ status: 'pending', stepIndex: 1, stepLabel: '個人情報保護管理者', abilities: { approve: false } });
    expect(detail.body.steps.map((s: { state: string }) => s.state)).toEqual(['passed', 'current']);
    expect(detail.body.stamps).toEqual([]);
    expect(await passedEvents(request.id)).toEqual([]);
    expect((await stepNotices(request.id, 1)).map((n) => n.accountId)).toContain(ids.accounts['pms@demo.mamori.local']);
    const own = await sales.request('POST', `/api/approvals/${request.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('separation_of_duties');
    expect((await sales.request('POST', `/api/approvals/${request.id}/withdraw`)).status).toBe(200);
  });
});
