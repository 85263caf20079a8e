import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';
import { contractFiles, isRoute } from '../support/contracts.ts';

// Every whole-number and yes/no query parameter of every route, over HTTP: `?page=` is the
// default (z.coerce.number read it as 0), `?page=abc` and `?page=1.5` are a 400 naming the field
// in Japanese, `?overdue=false` is false (z.coerce.boolean read it as true). The routes are found
// from the contracts, so a new parameter is covered without being listed here — only its label.

/** The Japanese name each query parameter's refusal must use. */
const labels: Record<string, string> = {
  page: 'ページ番号',
  pageSize: '表示件数',
  year: '年',
  olderThanDays: '日数',
  headerRow: '見出し行',
  overdue: '期限超過のみ',
};

/** A value for each path parameter of the routes that take a query number. */
const pathValues: Record<string, string> = { register: 'inventory' };

type QueryParam = { method: string; path: string; url: string; key: string; type: 'integer' | 'boolean' };

/** The integer and boolean query parameters of every contract route, as the OpenAPI document shows them. */
async function queryParams(): Promise<QueryParam[]> {
  const found = new Map<string, QueryParam>();
  for (const file of contractFiles) {
    for (const contract of Object.values((await import(file)) as Record<string, unknown>)) {
      if (typeof contract !== 'object' || contract === null) continue;
      for (const route of Object.values(contract)) {
        if (!isRoute(route) || !route.query) continue;
        const schema = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string }> };
        const url = route.path.replace(/:(\w+)/g, (_m, name: string) => pathValues[name] ?? `:${name}`);
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          if (property.type !== 'integer' && property.type !== 'boolean') continue;
          found.set(`${route.method} ${route.path} ${key}`, { method: route.method, path: route.path, url, key, type: property.type });
        }
      }
    }
  }
  return [...found.values()];
}

let t: TestApp;
let clients: Client[];
let params: QueryParam[];

beforeAll(async () => {
  t = await buildTestApp();
  clients = [await t.login('pms@demo.mamori.local'), await t.login('audit@demo.mamori.local')];
  params = await queryParams();
});
afterAll(() => t.close());

/** A client that may use the route: GET answers 200 without the parameter; a POST (a file upload) passes authorization. */
async function clientFor(p: QueryParam): Promise<Client> {
  for (const client of clients) {
    const status = (await client.requestAnyRoute(p.method, p.url)).status;
    if (p.method === 'GET' ? status === 200 : status !== 403 && status !== 404) return client;
  }
  throw new Error(`${p.method} ${p.path}: no test account may use it`);
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } };

describe('クエリの数値・真偽値: 空は既定値、数でない値は欄の名前を示す 400（0 や true に読み替えない）', () => {
  it('数値・真偽値のクエリを持つルートを契約から見つけ、どれも日本語の欄名を持つ', () => {
    const keys = new Set(params.map((p) => p.key));
    expect([...keys].sort()).toEqual(expect.arrayContaining(['headerRow', 'olderThanDays', 'overdue', 'page', 'pageSize', 'year']));
    expect(params.length).toBeGreaterThan(20);
    expect([...keys].filter((k) => !labels[k])).toEqual([]);
    expect(params.filter((p) => p.url.includes(':')).map((p) => p.path)).toEqual([]);
  });

  it('?page= のように空の値は、その欄を省いたときと同じ（0 にしない）', async () => {
    for (const p of params) {
      const client = await clientFor(p);
      const res = await client.requestAnyRoute(p.method, `${p.url}?${p.key}=`);
      const body = res.body as ErrorBody & { page?: number; pageSize?: number };
      if (p.method === 'GET') expect(res.status, `${p.path} ?${p.key}= ${JSON.stringify(body).slice(0, 200)}`).toBe(200);
      else expect(body.error?.code, `${p.method} ${p.path} ?${p.key}=`).not.toBe('validation');
      if (p.key === 'page') expect(body.page, p.path).toBe(1);
      if (p.key === 'pageSize') expect(body.pageSize, p.path).toBe(50);
    }
  });

  it('?page=abc・?page=1.5 は 400 で、欄の日本語名と送られた値を示す', async () => {
    for (const p of params.filter((x) => x.type === 'integer')) {
      const client = await clientFor(p);
      for (const value of ['abc', '1.5']) {
        const res = await client.requestAnyRoute(p.method, `${p.url}?${p.key}=${value}`);
        const message = `${labels[p.key]}は整数で指定してください（入力値: ${value}）`;
        expect(res.status, `${p.method} ${p.path} ?${p.key}=${value}`).toBe(400);
        expect((res.body as ErrorBody).error, `${p.method} ${p.path} ?${p.key}=${value}`).toEqual({ code: 'validation', message, fields: [{ path: p.key, message }] });
      }
    }
  });

  it('真偽値は true と false だけ: ?overdue=false は省いたときと同じ件数、?overdue=yes は 400', async () => {
    const booleans = params.filter((x) => x.type === 'boolean');
    expect(booleans.map((p) => p.key)).toContain('overdue');
    for (const p of booleans) {
      const client = await clientFor(p);
      const all = (await client.requestAnyRoute(p.method, p.url)).body as { total: number };
      const falseOnes = await client.requestAnyRoute(p.method, `${p.url}?${p.key}=false`);
      expect(falseOnes.status).toBe(200);
      expect((falseOnes.body as { total: number }).total, `${p.path} ?${p.key}=false`).toBe(all.total);
      const refused = await client.requestAnyRoute(p.method, `${p.url}?${p.key}=yes`);
      expect(refused.status).toBe(400);
      expect((refused.body as ErrorBody).error?.message).toBe(`${labels[p.key]}の指定が正しくありません（入力値: yes）`);
    }
  });

  it('/api/requests?overdue=true は期限を過ぎた請求だけ、?overdue=false は絞り込まない', async () => {
    const pms = clients[0] as Client;
    const page = async (query: string) => (await pms.requestAnyRoute('GET', `/api/requests${query}`)).body as { total: number; items: { daysLeft: number | null }[] };
    const [all, overdue, notFiltered] = [await page(''), await page('?overdue=true'), await page('?overdue=false')];
    expect(overdue.items.every((r) => r.daysLeft !== null && r.daysLeft < 0)).toBe(true);
    expect(notFiltered.total).toBe(all.total);
    expect(all.items.some((r) => r.daysLeft === null || r.daysLeft >= 0)).toBe(true);
  });
});
