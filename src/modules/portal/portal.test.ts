import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import { requests } from '../requests/requests.tables.ts';
import { MIN_FILL_MS, solve } from './portal.challenge.ts';
import { anonymousRequest, portalFacts, removeDemoPortal } from './portal.fixture.ts';
import { publishedFeeFor } from './portal.followup.ts';
import { portalReceipts } from './portal.tables.ts';

// 公開窓口 (issue #14 M5): the 個人情報保護管理者 publishes the organization's page with its 公表事項
// (J.10.3 a)〜g)); a person without an account sends a 開示 request from it, gets a 受付番号 and a
// follow-up link, and sees the 補正 the office asks for through it. Over real HTTP (app.inject),
// on a real database.

let t: TestApp;
let pms: Client;
let app: FastifyInstance;

const anonymous = (method: 'GET' | 'POST', url: string, body?: unknown, ip = '203.0.113.10') => anonymousRequest(app, method, url, body, ip);

const form = (challenge: { token: string }, nonce: string, over: Record<string, unknown> = {}) => ({
  kind: 'disclosure',
  requesterName: '鈴木 一郎',
  requesterAddress: '東京都練馬区1-2-3',
  requesterContact: null,
  agentKind: 'voluntary',
  agentName: '鈴木 次郎',
  agentAddress: '東京都豊島区西池袋4-5-6 鈴木法律事務所',
  agentContact: 'jiro@example.jp',
  replyTo: 'agent',
  content: '私の購入履歴と登録情報の開示を求めます。',
  // J.10.2: a 任意代理人 sends the 委任状 with the request.
  files: [
    {
      kind: 'power_of_attorney',
      fileName: '委任状.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n').toString('base64'),
    },
  ],
  challenge: { token: challenge.token, nonce },
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  app = t.app as unknown as FastifyInstance;
});
afterAll(async () => t?.close());

describe('デモの公開窓口（README の /p/mamori-demo）', () => {
  it('デモ組織は公表事項（組織の名称・住所・代表者と個人情報保護管理者から）を揃えた公開ページを持つ', async () => {
    const settings = await pms.get('/api/portal/settings');
    expect(settings.body).toMatchObject({ configured: true, slug: 'mamori-demo', published: true, publicPath: '/p/mamori-demo' });
    expect(settings.body.preview.missing).toEqual([]);
    const page = await anonymous('GET', '/api/public/portals/mamori-demo', undefined, '203.0.113.90');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const text = JSON.stringify(page.body);
    for (const words of [
      '株式会社まもりデモ',
      '東京都豊島区南池袋1-1-1',
      '代表取締役 山田 太郎',
      '個人情報保護管理者 佐藤 花子',
      '総務部',
      '1件につき1,000円（徴収方法: 現金書留又は定額小為替）',
    ])
      expect(text, words).toContain(words);
    // The rest of this file builds the settings from nothing.
    await removeDemoPortal(t);
    expect((await pms.get('/api/portal/settings')).body.configured).toBe(false);
  });
});

describe('公開窓口の設定（J.10.3 公表事項）', () => {
  it('設定前は組織の名称・住所・代表者を入れた下書きを返し、不足する公表事項を日本語で挙げる', async () => {
    const r = await pms.get('/api/portal/settings');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ configured: false, slug: null, published: false });
    expect(r.body.facts.organization.name).toBe('株式会社まもりデモ');
    expect(r.body.preview.missing.map((m: { message: string }) => m.message)).toContainEqual(expect.stringContaining('J.10.3 b)'));
  });

  it('公表事項が揃わないまま公開しようとすると 422（項目ごとのエラー）で、何も保存しない', async () => {
    const r = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-demo', published: true, facts: { ...portalFacts, complaintDesk: null } });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toContainEqual({ path: 'facts.complaintDesk', message: expect.stringContaining('J.10.3 d)') });
    expect((await pms.get('/api/portal/settings')).body.configured).toBe(false);
  });

  it('手数料の金額が数でなければ 400（項目名と入力値つきの日本語のエラー）で何も保存しない。全角の「１０００」も文字のままは受け取らない（画面が数に読んで送る）', async () => {
    const withFee = (amountYen: unknown) => ({
      ...portalFacts,
      procedure: { ...portalFacts.procedure, fees: { purposeNotice: null, disclosure: { amountYen, collectionMethod: '郵便小為替' } } },
    });
    const path = 'facts.procedure.fees.disclosure.amountYen';
    const fullWidth = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-fee', published: false, facts: withFee('１０００') });
    expect(fullWidth.status).toBe(400);
    expect(fullWidth.body.error.fields).toContainEqual({ path, message: '手数料の金額は数値で入力してください（入力値: １０００）' });
    const approximate = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-fee', published: false, facts: withFee('約1000') });
    expect(approximate.body.error.fields).toContainEqual({ path, message: expect.stringContaining('手数料の金額は正確な数で入力してください') });
    const negative = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-fee', published: false, facts: withFee(-300) });
    expect(negative.body.error.fields).toContainEqual({ path, message: '手数料の金額は0以上で入力してください（入力値: -300）' });
    expect((await pms.get('/api/portal/settings')).body.slug).not.toBe('mamori-fee');
  });

  it('URL は英小文字・数字・ハイフンだけ（日本語のエラー）', async () => {
    const r = await pms.request('PUT', '/api/portal/settings', { slug: 'まもり', published: false, facts: portalFacts });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('公開ページのURLは半角の英小文字・数字・ハイフン');
  });

  it('揃った設定で公開すると、公開ページに公表事項 a)〜g) が出る。公開前のページは 404', async () => {
    expect((await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-demo', published: false, facts: portalFacts })).status).toBe(200);
    expect((await anonymous('GET', '/api/public/portals/mamori-demo')).status).toBe(404);
    const saved = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-demo', published: true, facts: portalFacts });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ configured: true, published: true, publicPath: '/p/mamori-demo' });
    const page = await anonymous('GET', '/api/public/portals/mamori-demo');
    expect(page.status).toBe(200);
    expect(page.body.organizationName).toBe('株式会社まもりデモ');
    expect(page.body.sections.map((s: { clause: string }) => s.clause)).toEqual(['J.10.3 a)', 'J.10.3 b)', 'J.10.3 c)', 'J.10.3 d)', 'J.10.3 f)', 'J.10.3 g)']);
    expect(page.body.kinds.map((k: { label: string }) => k.label)).toContain('開示');
    expect(page.body.challenge.difficulty).toBeGreaterThan(0);
    expect((await anonymous('GET', '/api/public/portals/no-such-page')).status).toBe(404);
  });

  it('公開窓口の設定は個人情報保護管理者だけ（役割のない従業者は 403）', async () => {
    const staff = await t.login('staff@demo.mamori.local');
    expect((await staff.get('/api/portal/settings')).status).toBe(403);
    expect((await staff.request('PUT', '/api/portal/settings', { slug: 'x-take', published: false, facts: portalFacts })).status).toBe(403);
  });
});

describe('公開ページからの請求（アカウントなし）', () => {
  let receipt: { receiptNumber: string; followUpToken: string; followUpPath: string };

  it('送信すると受付番号と確認用URLを返し、Web 受付の請求として職員の一覧に載る（受付日は今日、期限つき）', async () => {
    const page = await anonymous('GET', '/api/public/portals/mamori-demo', undefined, '203.0.113.21');
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const r = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form(page.body.challenge, solve(page.body.challenge.token)), '203.0.113.21');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.receiptNumber).toMatch(/^REQ-\d{4}-\d{4}$/);
    expect(r.body.kindLabel).toBe('開示');
    expect(r.body.followUpToken.length).toBeGreaterThanOrEqual(43);
    expect(r.body.followUpPath).toBe(`/p/mamori-demo/receipts/${r.body.receiptNumber}?token=${r.body.followUpToken}`);
    receipt = r.body;

    const list = await pms.get(`/api/requests?pageSize=100`);
    const listed = list.body.items.find((x) => x.number === r.body.receiptNumber);
    expect(listed).toBeDefined();
    const [mine] = await asSystem(t.database, (tx) =>
      tx
        .select({ channel: requests.channel, dueOn: requests.dueOn, portalReference: requests.portalReference, requesterName: requests.requesterName })
        .from(requests)
        .where(and(eq(requests.organizationId, t.demoOrganizationId), eq(requests.number, r.body.receiptNumber))),
    );
    expect(mine).toMatchObject({ channel: 'web', requesterName: '鈴木 一郎' });
    expect(mine?.dueOn).toBeTruthy();
    expect(mine?.portalReference).toBeTruthy();
    // J.10.2 h): 氏名・住所 are 本人's; the agent's own address and contact, and who receives the reply, are kept apart.
    const detail = await pms.get(`/api/requests/${listed?.id}`);
    expect(detail.body).toMatchObject({
      requesterName: '鈴木 一郎',
      requesterContact: null,
      agentName: '鈴木 次郎',
      agentAddress: '東京都豊島区西池袋4-5-6 鈴木法律事務所',
      agentContact: 'jiro@example.jp',
      replyTo: 'agent',
    });
    const raw = await asSystem(t.database, async (tx) => rowsOf<{ t: string }>(await tx.execute(sql`select requests::text as t from requests where id = ${listed?.id}`)));
    expect(raw[0]?.t).not.toContain('jiro@example.jp');
    expect(raw[0]?.t).not.toContain('鈴木法律事務所');
    // Only the token's hash is kept.
    const stored = await asSystem(t.database, (tx) => tx.select().from(portalReceipts).where(eq(portalReceipts.organizationId, t.demoOrganizationId)));
    expect(stored.some((s) => s.tokenHash === receipt.followUpToken)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('代理人による請求は代理人の連絡先が要り、本人の請求は本人の連絡先が要る（項目名つきの日本語、受け付けない）', async () => {
    const page = await anonymous('GET', '/api/public/portals/mamori-demo', undefined, '203.0.113.24');
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const noAgentContact = await anonymous(
      'POST',
      '/api/public/portals/mamori-demo/requests',
      form(page.body.challenge, solve(page.body.challenge.token), { agentContact: null }),
      '203.0.113.24',
    );
    expect(noAgentContact.status).toBe(400);
    expect(noAgentContact.body.error.fields).toContainEqual({
      path: 'agentContact',
      message: '代理人による請求のときは代理人の連絡先（メールアドレス又は電話番号）を入力してください',
    });
    const noContact = await anonymous(
      'POST',
      '/api/public/portals/mamori-demo/requests',
      form(page.body.challenge, solve(page.body.challenge.token), { agentKind: 'none', agentName: null, agentAddress: null, agentContact: null, replyTo: undefined, files: [] }),
      '203.0.113.24',
    );
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.fields).toContainEqual({ path: 'requesterContact', message: '連絡先（メールアドレス又は電話番号）を入力してください' });
  });

  it('何も選ばずに送ると、種類・氏名・内容と並んで連絡先の誤りも一度に出る（種類が未選択でも組合せの確認を止めない）', async () => {
    const page = await anonymous('GET', '/api/public/portals/mamori-demo', undefined, '203.0.113.25');
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const empty = await anonymous(
      'POST',
      '/api/public/portals/mamori-demo/requests',
      form(page.body.challenge, solve(page.body.challenge.token), {
        kind: undefined,
        requesterName: '',
        requesterContact: null,
        content: '',
        agentKind: 'none',
        agentName: null,
        agentAddress: null,
        agentContact: null,
        replyTo: undefined,
        files: [],
      }),
      '203.0.113.25',
    );
    expect(empty.status).toBe(400);
    const paths = (empty.body.error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'requesterName', 'content', 'requesterContact']));
  });

  it('確認用URLで受付状況が見え、職員が求めた補正が日付つきで出る', async () => {
    const url = `/api/public/portals/mamori-demo/receipts/${receipt.receiptNumber}?token=${receipt.followUpToken}`;
    const before = await anonymous('GET', url);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ receiptNumber: receipt.receiptNumber, kindLabel: '開示', statusLabel: '受付', corrections: [] });
    // J.10.2 1 d): the fee this page publishes for a 開示 and how to pay it.
    expect(before.body.fee).toEqual({ amountYen: 300, collectionMethod: '郵便小為替' });
    const [row] = await asSystem(t.database, (tx) =>
      tx
        .select({ id: requests.id, receivedOn: requests.receivedOn })
        .from(requests)
        .where(and(eq(requests.organizationId, t.demoOrganizationId), eq(requests.number, receipt.receiptNumber))),
    );
    const asked = await pms.request('POST', `/api/requests/${row?.id}/corrections`, { askedOn: row?.receivedOn, what: '本人確認書類の写しを送ってください' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const after = await anonymous('GET', url);
    expect(after.body.statusLabel).toBe('補正中');
    expect(after.body.corrections).toEqual([{ askedOn: row?.receivedOn, what: '本人確認書類の写しを送ってください', completedOn: null, answer: null }]);
    expect(after.body.canAnswer).toBe(true);
  });

  it('鍵が違う・受付番号が違う・他のページでは、どれも同じ 404（鍵を推測させない）', async () => {
    const wrongToken = await anonymous('GET', `/api/public/portals/mamori-demo/receipts/${receipt.receiptNumber}?token=${'A'.repeat(43)}`);
    const wrongNumber = await anonymous('GET', `/api/public/portals/mamori-demo/receipts/REQ-2000-0001?token=${receipt.followUpToken}`);
    const wrongPage = await anonymous('GET', `/api/public/portals/other-page/receipts/${receipt.receiptNumber}?token=${receipt.followUpToken}`);
    for (const r of [wrongToken, wrongNumber, wrongPage]) expect(r.status).toBe(404);
    expect(wrongToken.body.error.message).toBe(wrongNumber.body.error.message);
  });

  it('送信前の確認: 計算していない・早すぎる・使い回し・隠し欄への入力は 400 の日本語で、請求は作らない', async () => {
    const count = async () =>
      (
        await asSystem(t.database, (tx) =>
          tx
            .select({ id: requests.id })
            .from(requests)
            .where(and(eq(requests.organizationId, t.demoOrganizationId), eq(requests.channel, 'web'))),
        )
      ).length;
    const before = await count();
    const ip = '203.0.113.31';
    const page = (await anonymous('GET', '/api/public/portals/mamori-demo', undefined, ip)).body;
    const fast = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form(page.challenge, solve(page.challenge.token)), ip);
    expect(fast.status).toBe(400);
    expect(fast.body.error.message).toContain('送信が早すぎます');
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const unsolved = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form(page.challenge, 'x'), ip);
    expect(unsolved.status).toBe(400);
    expect(unsolved.body.error.message).toContain('送信前の確認が済んでいません');
    const honeypot = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form(page.challenge, solve(page.challenge.token), { website: 'http://spam.example' }), ip);
    expect(honeypot.status).toBe(400);
    const forged = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form({ token: `${page.challenge.token.split('.')[0]}.forged` }, '1'), ip);
    expect(forged.status).toBe(400);
    expect(await count()).toBe(before);

    const ok = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form(page.challenge, solve(page.challenge.token)), '203.0.113.32');
    expect(ok.status).toBe(201);
    const reused = await anonymous('POST', '/api/public/portals/mamori-demo/requests', form(page.challenge, solve(page.challenge.token)), '203.0.113.33');
    expect(reused.status).toBe(400);
    expect(reused.body.error.message).toContain('すでに受け付けています');
    expect(await count()).toBe(before + 1);
  });

  it('入力の誤りは項目名つきの日本語（氏名なし・個人番号を含む内容・代理人の氏名なし）', async () => {
    const ip = '203.0.113.41';
    const page = (await anonymous('GET', '/api/public/portals/mamori-demo', undefined, ip)).body;
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const r = await anonymous(
      'POST',
      '/api/public/portals/mamori-demo/requests',
      form(page.challenge, solve(page.challenge.token), { requesterName: '', agentName: null, content: '個人番号 123456789018 の記録を開示してください' }),
      ip,
    );
    expect(r.status).toBe(400);
    const text = JSON.stringify(r.body);
    expect(text).toContain('氏名を入力してください');
    expect(text).toContain('代理人の氏名を入力してください');
    expect(text).toContain('個人番号');
  });

  it('同じアドレスからの送信は10分に5回まで（6回目は 429）', async () => {
    const ip = '203.0.113.51';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await anonymous('POST', '/api/public/portals/mamori-demo/requests', { kind: 'x' }, ip)).status);
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});

describe('受付状況に出す手数料（J.10.2 1 d)）', () => {
  it('開示・第三者提供記録の開示は開示の手数料、利用目的の通知はその手数料。苦情・訂正と 0 円は出さない', () => {
    const facts = {
      ...portalFacts,
      procedure: {
        ...portalFacts.procedure,
        fees: { purposeNotice: { amountYen: 0, collectionMethod: '' }, disclosure: { amountYen: 1000, collectionMethod: '現金書留又は定額小為替' } },
      },
    };
    expect(publishedFeeFor('disclosure', facts)).toEqual({ amountYen: 1000, collectionMethod: '現金書留又は定額小為替' });
    expect(publishedFeeFor('provision_record_disclosure', facts)?.amountYen).toBe(1000);
    expect(publishedFeeFor('purpose_notice', facts)).toBeNull();
    expect(publishedFeeFor('complaint', facts)).toBeNull();
    expect(publishedFeeFor('correction', facts)).toBeNull();
  });
});
