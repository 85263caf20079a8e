import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { contractorInspectionsContract as I } from './contractor-inspections.contract.ts';
import { generateContractorTasks } from './contractor-tasks.ts';
import { contractors } from './contractors.tables.ts';

// Issue 13: the 委託先's duties on the PMS calendar — 12月の委託先評価 (the plan's item, J.9.4 t)), 委託契約の
// 満了, the 委託先's プライバシーマーク expiry and the 委託先の実地検査 (豊島区 守るべき事項 5.) as tasks.

let t: TestApp;
let pms: Client;
let payrollId: string;
let mailingId: string;

async function generate(today: string): Promise<number> {
  return inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => generateContractorTasks(tx, t.demoOrganizationId, today));
}

async function contractorTasks(): Promise<{ title: string; dueOn: string; sourceLabel: string | null; progress: string; departmentName: string | null }[]> {
  const rows = [];
  for (const sourceType of ['contractor_contract_expiry', 'contractor_privacy_mark_expiry', 'contractor_inspection_due']) {
    const r = await pms.call(tasksContract.list, { query: { sourceType, pageSize: 100 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    rows.push(...r.body.items);
  }
  return rows;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  const rows = await asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.organizationId, t.demoOrganizationId)));
  payrollId = rows.find((r) => r.name === 'デモ給与計算センター株式会社')!.id;
  mailingId = rows.find((r) => r.name === '株式会社デモ発送サービス')!.id;
});
afterAll(() => t.close());

describe('委託先のタスクと PMS年間計画（issue 13）', () => {
  it('J.9.4 t): 12月の委託先評価は年間計画の項目（所属ごと、12月31日）', async () => {
    const r = await pms.call(tasksContract.calendar, { query: { year: '2026' } as never });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const item = r.body.items.find((i) => i.code === 'contractor_evaluation');
    expect(item).toMatchObject({ month: 12, dayOfMonth: 31, perDepartment: true });
  });

  it('委託契約の満了（30日前）・プライバシーマークの有効期限（90日前）がタスクになる、二度作らない', async () => {
    // The mailing house: contract and P-mark both end 2027-03-31 (demo).
    await generate('2026-12-01');
    expect((await contractorTasks()).filter((x) => x.title.startsWith('株式会社デモ発送サービス'))).toEqual([]);
    await generate('2027-01-01');
    const pmark = (await contractorTasks()).filter((x) => x.title.startsWith('株式会社デモ発送サービス'));
    expect(pmark).toEqual([
      expect.objectContaining({
        title: '株式会社デモ発送サービス 委託先のプライバシーマークの有効期限',
        dueOn: '2027-03-31',
        sourceLabel: '委託先のプライバシーマークの有効期限',
        departmentName: '営業部',
      }),
    ]);
    await generate('2027-03-05');
    await generate('2027-03-06');
    const both = (await contractorTasks()).filter((x) => x.title.startsWith('株式会社デモ発送サービス')).map((x) => x.title);
    expect(new Set(both)).toEqual(new Set(['株式会社デモ発送サービス 委託契約の満了', '株式会社デモ発送サービス 委託先のプライバシーマークの有効期限']));
    expect(both).toHaveLength(2);
    expect(mailingId).toBeTruthy();
  });

  it('豊島区 守るべき事項 5.: 委託先の実地検査（特定個人情報）は期限の30日前にタスク、検査を記録すると完了', async () => {
    const due = await pms.call(I.inspections, { params: { id: payrollId } });
    expect(due.body.due.required).toBe(true);
    const dueOn = due.body.due.dueOn!;
    await generate(dueOn);
    const open = (await contractorTasks()).filter((x) => x.title === 'デモ給与計算センター株式会社 委託先の実地検査');
    expect(open).toEqual([expect.objectContaining({ dueOn, sourceLabel: '委託先の実地検査', departmentName: '総務部' })]);
    const r = await pms.call(I.addInspection, {
      params: { id: payrollId },
      body: { inspectedOn: '2026-05-10', inspectors: '佐藤 花子', scope: '保管庫', method: 'onsite', result: '指摘なし', findings: [] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const after = (await contractorTasks()).filter((x) => x.title === 'デモ給与計算センター株式会社 委託先の実地検査');
    expect(after.map((x) => x.progress)).toEqual(['done']);
  });
});
