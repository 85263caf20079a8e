import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { readFirstSheet } from '../../platform/exports/xlsx.ts';
import { noticesContract as C } from './notices.contract.ts';
import { groundBOverseasProvisionRecord } from './notices.fixture.ts';

// J.8.8.1 3 l) 1)〜7) on a 第三者提供記録 of a provision to a 外国にある第三者 on ground b) (体制の整備),
// over real HTTP and a real database: a record that lacks one is refused beside its field, and the
// items are shown and exported.

let t: TestApp;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

// 6)「支障の有無及びその概要」: あり, with its summary and 7) the measure taken.
const groundBRecord = {
  ...groundBOverseasProvisionRecord(),
  overseasObstacle: true,
  overseasObstacleSummary: '提供先で暗号化の設定の一部が未実施',
  overseasObstacleAction: '是正計画の提出を求め、完了まで新たな提供を停止した',
} as const;

describe('J.8.8.1 3 l) 本人の求めに応じて提供する情報（提供記録）', () => {
  it('J.8.8.1 3 l) 1)「当該第三者による体制の整備の方法」・7)「6) の支障に関して、k) により講ずる措置の概要」がなければ 422、欄の下に条項つき', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...groundBRecord, overseasSystemMethod: null, overseasObstacleAction: null } });
    expect(r.status).toBe(422);
    const body = JSON.stringify(r.body);
    expect(body).toContain('"path":"overseasSystemMethod"');
    expect(body).toContain('J.8.8.1 3 l) 1)「当該第三者による体制の整備の方法」を記録してください');
    expect(body).toContain('"path":"overseasObstacleAction"');
    expect(body).toContain('J.8.8.1 3 l) 7)「6) の支障に関して、k) により講ずる措置の概要」を記録してください');
  });

  it('J.8.8.1 3 l) 6)「支障の有無及びその概要」: 「あり」で概要がなければ概要の欄に 422', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...groundBRecord, overseasObstacleSummary: null } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('"path":"overseasObstacleSummary"');
  });

  it('そろえば作成され、詳細と Excel 出力に 1)・2)・5)〜7) が出る', async () => {
    const created = await pms.call(C.createProvisionRecord, { body: groundBRecord });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      overseasSystemMethod: groundBRecord.overseasSystemMethod,
      overseasEquivalentMeasures: groundBRecord.overseasEquivalentMeasures,
      overseasForeignSystem: groundBRecord.overseasForeignSystem,
      overseasObstacle: true,
      overseasObstacleSummary: groundBRecord.overseasObstacleSummary,
      overseasObstacleAction: groundBRecord.overseasObstacleAction,
    });
    const r = await pms.call(C.exportProvisionRecords, { query: { kind: 'provision' } });
    expect(r.status).toBe(200);
    const sheet = await readFirstSheet(r.raw);
    for (const header of [
      '当該第三者による体制の整備の方法（J.8.8.1 3 l) 1)）',
      '当該第三者が実施する相当措置の概要（J.8.8.1 3 l) 2)）',
      '当該外国の制度の有無及びその概要（J.8.8.1 3 l) 5)）',
      '相当措置の実施に関する支障の有無及びその概要（J.8.8.1 3 l) 6)）',
      '支障に関して講ずる措置の概要（J.8.8.1 3 l) 7)）',
    ])
      expect(sheet.headers).toContain(header);
    const text = JSON.stringify(sheet.rows);
    expect(text).toContain('あり: 提供先で暗号化の設定の一部が未実施');
    expect(text).toContain('是正計画の提出を求め、完了まで新たな提供を停止した');
  });
});
