import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/support/app.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';

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
});
