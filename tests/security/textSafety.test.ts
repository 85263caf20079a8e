import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #7: a NUL character or a lone UTF-16 surrogate in a string of the request (JSON body,
 * query, path) reached PostgreSQL and answered 500 — on 31 routes, the unauthenticated login
 * among them. The validation layer refuses them with a 400 naming the field in Japanese.
 */

let t: TestApp;
let pms: Client;
const inject = (options: InjectOptions) => (t.app as unknown as FastifyInstance).inject(options);

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

type ErrorJson = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

describe('#7 NUL 文字・孤立サロゲートの入力', () => {
  it('ログイン（未認証）: ログインIDの NUL は 400 で、欄の名前を示す日本語のエラー', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'pms@demo.mamori.local\u0000', password: 'x' } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorJson;
    expect(body.error.code).toBe('validation');
    expect(body.error.fields).toEqual([{ path: 'loginId', message: expect.stringContaining('loginId') }]);
    expect(body.error.message).toMatch(/使用できない文字/);
  });

  it('ログイン（未認証）: パスワードの孤立サロゲートは 400', async () => {
    // JSON text with an escaped lone high surrogate: valid JSON, not valid Unicode text.
    const res = await inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"loginId":"pms@demo.mamori.local","password":"\\ud800"}',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorJson).error.fields?.[0]?.path).toBe('password');
  });

  it('本文の入れ子の欄（配列の中）も欄の位置で示す', async () => {
    const res = await pms.request('POST', '/api/incidents', { title: '紛失', summary: 'USB', tags: ['ok', 'x\udc00'] });
    expect(res.status).toBe(400);
    expect((res.body as ErrorJson).error.fields?.[0]?.path).toBe('tags.1');
  });

  it('本文の欄: 事故等の件名の NUL は 400（500 にならない）', async () => {
    const res = await pms.request('POST', '/api/incidents', { title: '紛失\u0000', summary: 'USBメモリを紛失した' });
    expect(res.status).toBe(400);
    expect((res.body as ErrorJson).error.fields).toEqual([{ path: 'title', message: expect.stringMatching(/「title」に使用できない文字/) }]);
  });

  it('クエリ: 検索語の NUL は 400', async () => {
    const res = await pms.request('GET', '/api/people?q=%00');
    expect(res.status).toBe(400);
    expect((res.body as ErrorJson).error.fields?.[0]?.path).toBe('q');
  });

  it('パス: 名前で指定する欄の NUL は 400', async () => {
    const res = await pms.request('PUT', '/api/approval-chains/role%00request', { steps: [{ role: 'pms_manager' }] });
    expect(res.status).toBe(400);
    expect((res.body as ErrorJson).error.fields?.[0]?.path).toBe('recordType');
  });

  it('サロゲートペア（絵文字・𠮷）と改行・タブはそのまま受け付ける', async () => {
    const res = await pms.request('POST', '/api/incidents', { title: '𠮷野家の🙂紛失', summary: '1行目\n2行目\tタブ' });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('𠮷野家の🙂紛失');
  });
});
