import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

// The test client takes its types from the contracts (issue 9). The `@ts-expect-error` lines are
// checked by `npm run typecheck` (tsc reads the tests): each would compile — and the check fail —
// if the client were `any` again.

let t: TestApp;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('契約で型の付いたテスト用クライアント', () => {
  it('URL から経路を選び、応答の型はその経路の応答スキーマ（パラメーターのない経路が優先）', async () => {
    const dashboard = await pms.get('/api/incidents/dashboard');
    expect(dashboard.status).toBe(200);
    // `/api/incidents/dashboard` reaches the dashboard, not `/api/incidents/:id`.
    expect(Array.isArray(dashboard.body.duties)).toBe(true);
    // @ts-expect-error an incident's field is not on the dashboard
    expect(dashboard.body.title).toBeUndefined();

    const departments = await pms.get('/api/departments');
    const sales = departments.body.items.find((d) => d.name === '営業部');
    expect(sales?.id).toMatch(/^[0-9a-f-]{36}$/);
    // A query string is allowed after the path.
    expect((await pms.get('/api/incidents?page=1')).status).toBe(200);
  });

  it('どの経路にも届かない URL・メソッドは型エラー', async () => {
    // @ts-expect-error no route has this path
    const missing = await pms.get('/api/no-such-register');
    expect(missing.status).toBe(404);
    // @ts-expect-error a department is renamed with PUT and deleted with DELETE; there is no GET of one
    const wrongMethod = await pms.get(`/api/departments/${'x'}`);
    expect(wrongMethod.status).toBe(404);
  });
});
