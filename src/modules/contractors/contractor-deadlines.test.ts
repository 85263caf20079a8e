import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/support/app.ts';
import { and, eq } from 'drizzle-orm';
import { asSystem } from '../../platform/db/tenancy.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { contractorInspectionsContract } from './contractor-inspections.contract.ts';
import { contractorsContract } from './contractors.contract.ts';
import { contractorEvaluations, contractors } from './contractors.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function titlesOn(at: string) {
  t.clock.set(at);
  const pms = await t.login('pms@demo.mamori.local');
  const r = await pms.call(tasksContract.myDeadlines);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return JSON.stringify(r.body);
}

describe('ホームの期限: J.9.4 12月の委託先評価', () => {
  it('12月に入ると委託先ごとに「委託先評価」が12月31日期限で出る、11月は出ない', async () => {
    expect(await titlesOn('2026-11-30T10:00:00+09:00')).not.toContain('2026年の委託先評価');
    const dec = await titlesOn('2026-12-01T10:00:00+09:00');
    expect(dec).toContain('2026年の委託先評価');
    expect(dec).toContain('2026-12-31');
  });

  it('その年の評価が承認済みの委託先には出ない（ほかの委託先には出る）', async () => {
    await asSystem(t.database, async (tx) => {
      const [c] = await tx.select().from(contractors).where(eq(contractors.name, '株式会社デモ発送サービス'));
      if (!c) throw new Error('demo contractor missing');
      const [e] = await tx
        .select()
        .from(contractorEvaluations)
        .where(and(eq(contractorEvaluations.contractorId, c.id), eq(contractorEvaluations.year, 2026)));
      if (e) await tx.update(contractorEvaluations).set({ status: 'approved' }).where(eq(contractorEvaluations.id, e.id));
      else await tx.insert(contractorEvaluations).values({ organizationId: c.organizationId, contractorId: c.id, year: 2026, criteriaVersion: 'test', status: 'approved' });
    });
    const dec = await titlesOn('2026-12-02T10:00:00+09:00');
    expect(dec).not.toContain('株式会社デモ発送サービス 2026年の委託先評価');
    expect(dec).toContain('デモ給与計算センター株式会社 2026年の委託先評価');
  });
});

describe('ホームの期限: 委託先の実地検査（豊島区 守るべき事項 5.）は、その委託先を所管する人にだけ出る', () => {
  async function deadlinesOf(loginId: string) {
    const client = await t.login(loginId);
    const r = await client.call(tasksContract.myDeadlines);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return JSON.stringify(r.body);
  }

  it('J.9.4 t): 総務部の委託先の実地検査は 総務部の所属長・個人情報保護管理者 に出て、営業部の所属長には出ない', async () => {
    const pms = await t.login('pms@demo.mamori.local');
    const [payroll] = await asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.name, 'デモ給与計算センター株式会社')));
    const due = await pms.call(contractorInspectionsContract.inspections, { params: { id: payroll!.id } });
    expect(due.body.due.required).toBe(true);
    t.clock.set(`${due.body.due.dueOn}T10:00:00+09:00`);
    expect(await deadlinesOf('pms@demo.mamori.local')).toContain('デモ給与計算センター株式会社 委託先の実地検査');
    expect(await deadlinesOf('sales-head@demo.mamori.local')).not.toContain('デモ給与計算センター株式会社');
  });

  it('営業部の委託先の契約の満了は営業部の所属長に出る（所管の所属の期限は残る）', async () => {
    t.clock.set('2027-03-20T10:00:00+09:00');
    const sales = await deadlinesOf('sales-head@demo.mamori.local');
    expect(sales).toContain('株式会社デモ発送サービス');
    expect(sales).not.toContain('デモ給与計算センター株式会社');
  });

  it('守るべき事項 5.: 登録したばかりの委託先（特定個人情報あり、契約は4日後から）の初回の実地検査は契約の開始から1年後、今日の期限にならない', async () => {
    t.clock.set('2026-12-06T10:00:00+09:00');
    const pms = await t.login('pms@demo.mamori.local');
    const created = await pms.call(contractorsContract.create, {
      body: { name: '株式会社ウォーク検証', entrustedWork: '給与明細の発送', specificPersonalInfo: true, contractStartsOn: '令和8年12月10日' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const due = await pms.call(contractorInspectionsContract.inspections, { params: { id: created.body.id } });
    expect(due.body.due).toMatchObject({ required: true, dueOn: '2027-12-10', overdue: false });
    expect(await deadlinesOf('pms@demo.mamori.local')).not.toContain('株式会社ウォーク検証 委託先の実地検査');
  });
});
