import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { hashPassword } from '../../platform/auth/hashing.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { departments, organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { inventoryEntries } from '../inventory/inventory.exports.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { contractorsContract as C } from './contractors.contract.ts';
import { subcontractRequests } from './contractors.tables.ts';

// 再委託・再々委託 (issue 13) over real HTTP: 豊島区 個人情報特記事項 第6条（条例時代 第7条）— 禁止 refuses
// the request, 制限 needs the 委託元's approval before the work starts (第2項), the chain is a tree.

let t: TestApp;
let pms: Client;
let sales: Client;
let staff: Client;
let outsider: Client;
let entryId: string;
const dept: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  await loginAll();
  for (const d of await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)))) dept[d.name] = d.id;
  const [entry] = await asSystem(t.database, (tx) => tx.select().from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)).limit(1));
  entryId = entry!.id;
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: other!.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: other!.id, name: '別組織 管理者' }).returning();
    await tx.insert(roleAssignments).values({ organizationId: other!.id, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: other!.id, personId: p!.id, loginId: 'pms@other.example', passwordHash });
  });
  outsider = await t.login('pms@other.example');
});
afterAll(() => t.close());

/** Signs in again after the clock moved (the sessions' 10-minute idle timeout). */
async function loginAll(): Promise<void> {
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  if (outsider) outsider = await t.login('pms@other.example');
}

async function contractor(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await sales.call(C.create, { body: { name, entrustedWork: '発送業務', departmentId: dept.営業部, entryIds: [entryId], ...extra } as never });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

const request = (subContractorId: string) => ({
  subContractorId,
  work: '封入封緘作業の一部',
  entryIds: [entryId],
  safetyMeasures: 'プライバシーマーク取得済み、作業場所の入退室管理',
  startsOn: '2026-06-01',
  reason: '繁忙期の封入作業のため',
  workLeadName: '封入 太郎',
  workLeadTitle: '作業課長',
  workLeadContact: '03-1234-5678',
  workers: ['封入 花子'],
});

async function requestCount(): Promise<number> {
  return (await asSystem(t.database, (tx) => tx.select().from(subcontractRequests))).length;
}

describe('再委託承認申請（豊島区 個人情報特記事項 第6条第2項／条例時代 第7条第2項）', () => {
  it('第6条 再委託の禁止の委託先では申請できず、条項を示す 409（何も書かない）', async () => {
    const parent = await contractor('禁止株式会社');
    const sub = await contractor('禁止の再委託先');
    const before = await requestCount();
    const r = await sales.call(C.requestSubcontract, { params: { id: parent }, body: request(sub) });
    expect(r.status).toBe(409);
    expect(r.body.error?.message).toContain('再委託の禁止');
    expect(r.body.error?.message).toContain('第6条');
    expect(r.body.error?.message).toContain('乙は、受託業務の処理を第三者に再委託してはならない。');
    expect(await requestCount()).toBe(before);
    const chain = await sales.call(C.subcontracting, { params: { id: parent } });
    expect(chain.body.tree.children).toEqual([]);
    expect(chain.body.canRequest).toBe(false);
  });

  it('第6条第2項: 承認前の再委託先は「承認前」、委託元の承認で「承認済」。着手日は承認前・承認日前なら 422', async () => {
    const parent = await contractor('制限株式会社', { subcontractingClause: 'restrict' });
    const sub = await contractor('再委託先株式会社');
    const filed = await sales.call(C.requestSubcontract, { params: { id: parent }, body: request(sub) });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', statusLabel: '承認前（承認待ち）', approvedOn: null });

    const pending = await sales.call(C.subcontracting, { params: { id: parent } });
    expect(pending.body.tree.children).toEqual([{ id: sub, name: '再委託先株式会社', status: 'pending', statusLabel: '承認前（承認待ち）', children: [] }]);

    // 業務の着手前に承認を得る: a work start is refused while not approved.
    const early = await sales.call(C.update, { params: { id: sub }, body: { contractStartsOn: '2026-06-01' } });
    expect(early.status).toBe(422);
    expect(early.body.error?.fields?.[0]?.path).toBe('contractStartsOn');
    expect(early.body.error?.message).toContain('再委託の承認前');

    t.clock.set('2026-05-20T10:00:00+09:00');
    await loginAll();
    const approved = await pms.request('POST', `/api/approvals/${filed.body.approvalRequestId}/approve`, { comment: '承認します' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = await sales.call(C.subcontracting, { params: { id: parent } });
    expect(after.body.tree.children[0]).toMatchObject({ status: 'approved', statusLabel: '承認済' });
    expect(after.body.requests[0]).toMatchObject({ status: 'approved', approvedOn: '2026-05-20' });

    const beforeApproval = await sales.call(C.update, { params: { id: sub }, body: { contractStartsOn: '2026-05-19' } });
    expect(beforeApproval.status).toBe(422);
    expect(beforeApproval.body.error?.message).toContain('再委託の承認日（2026/05/20）より前');
    const ok = await sales.call(C.update, { params: { id: sub }, body: { contractStartsOn: '2026-06-01' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('再々委託まで木で見え、下位からは上位の系列が見える。循環する申請は 422（何も書かない）', async () => {
    const a = await contractor('一次委託先', { subcontractingClause: 'restrict' });
    const b = await contractor('二次委託先', { subcontractingClause: 'restrict' });
    const c = await contractor('三次委託先', { subcontractingClause: 'restrict' });
    expect((await sales.call(C.requestSubcontract, { params: { id: a }, body: request(b) })).status).toBe(201);
    expect((await sales.call(C.requestSubcontract, { params: { id: b }, body: request(c) })).status).toBe(201);
    const tree = await sales.call(C.subcontracting, { params: { id: a } });
    expect(tree.body.tree.children[0]?.name).toBe('二次委託先');
    expect(tree.body.tree.children[0]?.children[0]?.name).toBe('三次委託先');
    const bottom = await sales.call(C.subcontracting, { params: { id: c } });
    expect(bottom.body.ancestors.map((x) => x.name)).toEqual(['一次委託先', '二次委託先']);

    const before = await requestCount();
    const cycle = await sales.call(C.requestSubcontract, { params: { id: c }, body: request(a) });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error?.fields?.[0]).toMatchObject({ path: 'subContractorId' });
    expect(cycle.body.error?.message).toContain('循環');
    const self = await sales.call(C.requestSubcontract, { params: { id: a }, body: request(a) });
    expect(self.status).toBe(422);
    expect(await requestCount()).toBe(before);
  });

  it('委託していない台帳の項目、着手済みの開始日は 422', async () => {
    const parent = await contractor('項目株式会社', { subcontractingClause: 'restrict', entryIds: [] });
    const sub = await contractor('項目の再委託先');
    const r = await sales.call(C.requestSubcontract, { params: { id: parent }, body: request(sub) });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.[0]?.path).toBe('entryIds');
    const past = await sales.call(C.requestSubcontract, { params: { id: parent }, body: { ...request(sub), entryIds: [], startsOn: '2026-05-01' } });
    expect(past.status).toBe(422);
    expect(past.body.error?.fields?.[0]?.path).toBe('startsOn');
  });

  it('豊島区 守るべき事項 3 ウ「再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等を提出させること」: 委託元の申請でも必須、系列の一覧に出る', async () => {
    const parent = await contractor('作業者株式会社', { subcontractingClause: 'restrict' });
    const sub = await contractor('作業者の再委託先');
    const before = await requestCount();
    const missing = await sales.call(C.requestSubcontract, { params: { id: parent }, body: { ...request(sub), workLeadContact: '', workers: [] } });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.fields).toEqual([
      { path: 'workLeadContact', message: '作業責任者の連絡先を入力してください' },
      { path: 'workers', message: '作業従事者の氏名を1人以上入力してください（再委託先において個人情報を取り扱う者）' },
    ]);
    expect(await requestCount()).toBe(before);
    const ok = await sales.call(C.requestSubcontract, { params: { id: parent }, body: { ...request(sub), workers: ['封入 花子', '封入 次郎'] } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ workLead: { name: '封入 太郎', title: '作業課長', contact: '03-1234-5678' }, workers: ['封入 花子', '封入 次郎'] });
    const chain = await sales.get(`/api/contractors/${parent}/subcontracting`);
    expect(chain.body.requests[0]).toMatchObject({ workLead: { name: '封入 太郎' }, workers: ['封入 花子', '封入 次郎'] });
  });

  it('監督の記録（第6条第5項）: 再委託先ごとに残り、上位の系列から見える。再委託先でない・未来の日付は 422', async () => {
    const a = await contractor('監督の一次委託先', { subcontractingClause: 'restrict' });
    const b = await contractor('監督の二次委託先');
    expect((await sales.call(C.requestSubcontract, { params: { id: a }, body: request(b) })).status).toBe(201);
    const r = await sales.call(C.recordSupervision, {
      params: { id: b },
      body: { supervisedOn: '令和8年5月15日', method: 'onsite', findings: '施錠管理に不備なし', supervisor: '一次委託先 品質管理部 佐藤' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ supervisedOn: '2026-05-15', method: 'onsite', methodLabel: '実地' });
    const chain = await sales.call(C.subcontracting, { params: { id: a } });
    expect(chain.body.supervisions).toEqual([expect.objectContaining({ contractorId: b, methodLabel: '実地', findings: '施錠管理に不備なし' })]);
    const top = await sales.call(C.recordSupervision, { params: { id: a }, body: { supervisedOn: '2026-05-15', method: 'document', supervisor: '山田' } });
    expect(top.status).toBe(422);
    expect(top.body.error?.message).toContain('再委託先ではない');
    const future = await sales.call(C.recordSupervision, { params: { id: b }, body: { supervisedOn: '2030-01-01', method: 'report', supervisor: '山田' } });
    expect(future.status).toBe(422);
    expect(future.body.error?.fields?.[0]?.path).toBe('supervisedOn');
    const bad = await sales.call(C.recordSupervision, { params: { id: b }, body: { supervisedOn: '2026-05-15', method: 'phone', supervisor: '' } as never });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('監督の方法');
  });

  it('期限: 承認待ちの再委託承認申請（開始日が期限）、契約満了30日前、プライバシーマーク有効期限90日前がホームの期限に出る', async () => {
    const parent = await contractor('期限株式会社', { subcontractingClause: 'restrict', contractEndsOn: '2026-06-15' });
    const sub = await contractor('期限の再委託先', { privacyMarkStatus: 'certified', privacyMarkExpiresOn: '2026-08-01' });
    expect((await sales.call(C.requestSubcontract, { params: { id: parent }, body: { ...request(sub), startsOn: '2026-07-01' } })).status).toBe(201);
    const r = await pms.call(tasksContract.myDeadlines);
    expect(r.status).toBe(200);
    const mine = r.body.items.filter((d) => d.title.includes('期限'));
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sourceLabel: '再委託承認申請', title: '期限株式会社 → 期限の再委託先 再委託の承認', dueOn: '2026-07-01' }),
        expect.objectContaining({ sourceLabel: '委託契約の満了', title: '期限株式会社 委託契約の満了', dueOn: '2026-06-15' }),
        expect.objectContaining({ sourceLabel: '委託先のプライバシーマーク', dueOn: '2026-08-01' }),
      ]),
    );
    // 一般の従業者の期限には出ない.
    const staffs = await staff.call(tasksContract.myDeadlines);
    expect(staffs.body.items.filter((d) => d.title.includes('期限株式会社'))).toEqual([]);
  });

  it('役割のない従業者は 403、他の組織からは 404', async () => {
    const parent = await contractor('権限株式会社', { subcontractingClause: 'restrict' });
    const sub = await contractor('権限の再委託先');
    expect((await staff.call(C.subcontracting, { params: { id: parent } })).status).toBe(403);
    expect((await staff.call(C.requestSubcontract, { params: { id: parent }, body: request(sub) })).status).toBe(403);
    expect((await outsider.call(C.subcontracting, { params: { id: parent } })).status).toBe(404);
    expect((await outsider.call(C.requestSubcontract, { params: { id: parent }, body: request(sub) })).status).toBe(404);
    expect((await staff.call(C.recordSupervision, { params: { id: sub }, body: { supervisedOn: '2026-05-15', method: 'document', supervisor: 'x' } })).status).toBe(403);
    expect((await outsider.call(C.recordSupervision, { params: { id: sub }, body: { supervisedOn: '2026-05-15', method: 'document', supervisor: 'x' } })).status).toBe(404);
  });
});
