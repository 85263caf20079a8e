import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { requestsContract as R } from '../requests/requests.contract.ts';
import { MIN_FILL_MS, solve } from './portal.challenge.ts';

// 公開窓口から J.8.8.1 3 l)「本人の求め」（外国にある第三者への提供に係る情報提供の求め）を送る: the kind is
// offered on the public page and becomes an M5 request with the 遅滞なく target (legal: false).

let t: TestApp;
let pms: Client;
let app: FastifyInstance;

const facts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: {
    desk: '個人情報お問合せ窓口',
    method: '当社所定の請求書の提出（このページのフォームでも受け付けます）',
    identityCheck: '運転免許証等の写し（本籍地は都道府県以外、個人番号は黒塗り）',
    fees: { purposeNotice: null, disclosure: { amountYen: 300, collectionMethod: '郵便小為替' } },
  },
  safetyMeasures: ['個人情報保護規程の策定', '従業者の教育'],
};

async function anonymous(method: 'GET' | 'POST', url: string, body?: unknown, ip = '203.0.113.77') {
  const r = await app.inject({ method, url, remoteAddress: ip, ...(body !== undefined ? { payload: body as object } : {}) });
  // biome-ignore lint/suspicious/noExplicitAny: the response read loosely here
  return { status: r.statusCode, body: r.json() as any };
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  app = t.app as unknown as FastifyInstance;
  expect((await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-overseas', published: true, facts })).status).toBe(200);
});
afterAll(async () => t?.close());

describe('公開窓口: 外国にある第三者への提供に係る情報提供の求め（J.8.8.1 3 l)）', () => {
  it('J.8.8.1 3 l)「本人の求めを受けた場合には…遅滞なく」: 公開ページの種類に出て、送ると組織の目標日を期限とする請求になる', async () => {
    const page = await anonymous('GET', '/api/public/portals/mamori-overseas');
    expect(page.status).toBe(200);
    expect(page.body.kinds).toContainEqual({ value: 'overseas_info', label: '外国にある第三者への提供に係る情報提供の求め（J.8.8.1 3 l)）' });
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
