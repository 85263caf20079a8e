import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidents } from '../../src/modules/incidents/incidents.tables.ts';
import { asSystem } from '../../src/platform/db/tenancy.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

// Trustworthy dates (issue: 「2026/11/28」 typed into 知った日 was saved as today; 「2026-02-30」
// was replaced silently). Every date field reads what the app displays, ISO and 和暦 exactly, and
// refuses anything else with a Japanese error naming the field — the stored day is never another.

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-04T10:00:00+09:00');
  staff = await t.login('staff@demo.mamori.local');
});
afterAll(() => t?.close());

async function knownOnOf(id: string): Promise<string | undefined> {
  const [row] = await asSystem(t.database, (tx) => tx.select({ knownOn: incidents.knownOn }).from(incidents).where(eq(incidents.id, id)));
  return row?.knownOn;
}

describe('知った日は入力した日そのもの（画面の表示形式・ISO・和暦）', () => {
  for (const typed of ['2026/11/28', '2026-11-28', '2026年11月28日', '令和8年11月28日', 'R8.11.28', '２０２６／１１／２８']) {
    it(`「${typed}」→ 2026-11-28 で保存される（今日ではない）`, async () => {
      const r = await staff.request('POST', '/api/incidents', { title: '誤送信', summary: 'メールの誤送信', knownOn: typed });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(await knownOnOf(r.body.id)).toBe('2026-11-28');
    });
  }

  for (const [typed, message] of [
    ['2026-02-30', '知った日に存在しない日付が指定されています（2026-02-30）'],
    ['平成31年5月1日', '知った日の元号と年が合いません（平成31年5月1日）'],
    ['11/28', '知った日は 2026/11/28・2026-11-28・2026年11月28日・令和8年11月28日・R8.11.28 のいずれかの形で入力してください（11/28）'],
  ] as const) {
    it(`「${typed}」は 400 で、項目名と入力した文字を示し、何も保存しない`, async () => {
      const before = await asSystem(t.database, (tx) => tx.select({ id: incidents.id }).from(incidents));
      const r = await staff.request('POST', '/api/incidents', { title: '誤送信', summary: 'メールの誤送信', knownOn: typed });
      expect(r.status).toBe(400);
      expect(r.body.error.fields).toEqual([{ path: 'knownOn', message: expect.stringContaining(message) }]);
      const after = await asSystem(t.database, (tx) => tx.select({ id: incidents.id }).from(incidents));
      expect(after.length).toBe(before.length);
    });
  }
});
