import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/support/app.ts';
import { and, eq } from 'drizzle-orm';
import { asSystem } from '../../platform/db/tenancy.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
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
