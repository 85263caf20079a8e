import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seedDemo: false });
});
afterAll(() => t.close());

// The built SPA is present after `npm run build:web` (npm start and the e2e set-up build it).
describe.runIf(existsSync('web/dist/index.html'))('画面 (SPA) の配信', () => {
  const get = (url: string) => (t.app as unknown as FastifyInstance).inject({ method: 'GET', url });

  it('/ と画面のパスは index.html を返す', async () => {
    for (const url of ['/', '/people', '/login?next=%2Faudit']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('存在しないバンドルファイルは 404（空白の画面を防ぐ）', async () => {
    expect((await get('/assets/no-such-chunk.js')).statusCode).toBe(404);
  });

  it('存在しない API は JSON の 404', async () => {
    const res = await get('/api/no-such-route');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
