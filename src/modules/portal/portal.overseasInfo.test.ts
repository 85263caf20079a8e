import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { requestsContract as R } from '../requests/requests.contract.ts';
import { MIN_FILL_MS, solve } from './portal.challenge.ts';
import { anonymousRequest, portalFacts } from './portal.fixture.ts';

// 公開窓口から J.8.8.1 3 l)「本人の求め」（外国にある第三者への提供に係る情報提供の求め）を送る: the kind is
// offered on the public page and becomes an M5 request with the 遅滞なく target (legal: false).

let t: TestApp;
let pms: Client;
let app: FastifyInstance;

const anonymous = (method: 'GET' | 'POST', url: string, body?: unknown, ip = '203.0.113.77') => anonymousRequest(app, method, url, body, ip);

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  app = t.app as unknown as FastifyInstance;
  expect((await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-overseas', published: true, facts: portalFacts })).status).toBe(200);
});
afterAll(async () => t?.close());

describe('公開窓口: 外国にある第三者への提供に係る情報提供の求め（J.8.8.1 3 l)）', () => {
  it('J.8.8.1 3 l)「本人の求めを受けた場合には…遅滞なく」: 公開ページの種類に出て、送ると組織の目標日を期限とする請求になる', async () => {
    const page = await anonymous('GET', '/api/public/portals/mamori-overseas');
    expect(page.status).toBe(200);
    expect(page.body.kinds).toContainEqual({ value: 'overseas_info', label: '外国にある第三者への提供に係る情報提供の求め' });
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const sent = await anonymous('POST', '/api/public/portals/mamori-overseas/requests', {
      kind: 'overseas_info',
      requesterName: '海外 次郎',
      requesterContact: 'jiro@example.jp',
      agentKind: 'none',
      content: 'シンガポールの提供先について、相当措置の情報の提供を求めます。',
      files: [],
      challenge: { token: page.body.challenge.token, nonce: solve(page.body.challenge.token) },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const list = await pms.call(R.list, { query: { kind: 'overseas_info' } });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'overseas_info', legal: false, dueOn: '2026-05-25' });
  });
});
