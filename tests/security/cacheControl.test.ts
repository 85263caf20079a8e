import { existsSync, readdirSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #11: JSON API responses (contact details, the CSRF token) carried no
 * `Cache-Control: no-store`, so a shared or back-button cache could keep them. Every JSON
 * response says no-store now; the hashed bundle files stay cacheable.
 */

let t: TestApp;
let pms: Client;
const inject = (options: InjectOptions) => (t.app as unknown as FastifyInstance).inject(options);

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('#11 API の応答はキャッシュさせない', () => {
  it('セッション（CSRF トークン）と従業者一覧（連絡先）は no-store', async () => {
    for (const url of ['/api/auth/session', '/api/people', '/api/organization']) {
      const res = await pms.requestAnyRoute('GET', url);
      expect(res.status, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('ログインの応答とエラーの応答（401・404）も no-store', async () => {
    const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'pms@demo.mamori.local', password: 'wrong-password' } });
    expect(login.statusCode).toBe(401);
    expect(login.headers['cache-control']).toBe('no-store');
    const anonymous = await inject({ method: 'GET', url: '/api/people' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const missing = await inject({ method: 'GET', url: '/api/no-such-route' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('ファイルのダウンロードは従来どおり no-store', async () => {
    const res = await pms.request('GET', '/api/people/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  const assets = existsSync('web/dist/assets') ? readdirSync('web/dist/assets').filter((f) => f.endsWith('.js')) : [];
  it.runIf(assets.length > 0)('ハッシュ付きの画面のファイル（/assets/*.js）はキャッシュできるまま', async () => {
    const res = await inject({ method: 'GET', url: `/assets/${assets[0]}` });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['cache-control'] ?? '')).not.toContain('no-store');
  });
});
