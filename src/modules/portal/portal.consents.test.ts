import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { noticeItems } from '../../rules/data/requiredItems.ts';
import { noticesContract as N } from '../notices/notices.contract.ts';
import { MIN_FILL_MS, solve } from './portal.challenge.ts';
import { anonymousRequest, removeDemoPortal } from './portal.fixture.ts';

// 同意の取得を公開窓口で (issue #14 M6, J.8.5 j) Web のフォーム): the organization lists a notice on
// its public page; a person reads its published version in full, gives a name or identifier and
// ticks 同意する → an M6 同意記録 with the channel Web and that version; the withdrawal link (its
// secret kept hashed) withdraws it. Over real HTTP on a real database.

let t: TestApp;
let pms: Client;
let app: FastifyInstance;
let noticeId: string;
let v1: string;
let draftOnlyId: string;

const facts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: { desk: '個人情報お問合せ窓口', method: 'このページのフォーム', identityCheck: '運転免許証等の写し', fees: { purposeNotice: null, disclosure: null } },
  safetyMeasures: ['個人情報保護規程の策定'],
};

const anonymous = (method: 'GET' | 'POST', url: string, body?: unknown, ip = '192.0.2.10') => anonymousRequest(app, method, url, body, ip);

/** Reads the notice page from `ip` and sends the consent form with `over`. */
async function consent(ip: string, over: Record<string, unknown> = {}) {
  const page = (await anonymous('GET', `/api/public/portals/mamori-consent/notices/${noticeId}`, undefined, ip)).body;
  t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
  return anonymous(
    'POST',
    `/api/public/portals/mamori-consent/notices/${noticeId}/consents`,
    { versionId: page.versionId, subject: '会員番号 A-1024', agreed: true, challenge: { token: page.challenge.token, nonce: solve(page.challenge.token) }, ...over },
    ip,
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  app = t.app as unknown as FastifyInstance;
  await removeDemoPortal(t);
  const ticked = noticeItems.map((i) => i.code);
  const created = await pms.call(N.create, {
    body: { title: 'メールマガジン配信のための個人情報の取扱いについて', body: '第1版の全文です。利用目的はメールマガジンの配信です。', ticked },
  });
  noticeId = created.body.id;
  const published = await pms.call(N.publish, { params: { id: noticeId } });
  v1 = published.body.versions.find((v) => v.versionNo === 1)?.id ?? '';
  draftOnlyId = (await pms.call(N.create, { body: { title: '下書きだけの通知文', body: '下書き', ticked } })).body.id;
});
afterAll(async () => t?.close());

describe('公開窓口での同意の取得（J.8.5 j) Web のフォーム）', () => {
  it('公開済みの版がない通知文は公開ページに載せられない（項目名つきの日本語、保存しない）', async () => {
    const r = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-consent', published: true, facts, consentNoticeIds: [noticeId, draftOnlyId] });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toContainEqual({ path: 'consentNoticeIds.1', message: expect.stringContaining('公開済みの版がある通知文') });
    expect((await pms.get('/api/portal/settings')).body.configured).toBe(false);
  });

  it('載せた通知文は公開ページに出て、最新の公開版が全文で読める。載せていない通知文は 404', async () => {
    const saved = await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-consent', published: true, facts, consentNoticeIds: [noticeId] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.consentNoticeIds).toEqual([noticeId]);
    const page = await anonymous('GET', '/api/public/portals/mamori-consent');
    expect(page.body.notices).toEqual([{ templateId: noticeId, title: 'メールマガジン配信のための個人情報の取扱いについて', versionNo: 1 }]);
    const notice = await anonymous('GET', `/api/public/portals/mamori-consent/notices/${noticeId}`);
    expect(notice.body).toMatchObject({ versionId: v1, versionNo: 1, body: '第1版の全文です。利用目的はメールマガジンの配信です。' });
    expect((await anonymous('GET', `/api/public/portals/mamori-consent/notices/${draftOnlyId}`)).status).toBe(404);
  });

  it('同意すると、その版・取得方法 Web・今日の日付で同意記録ができ、撤回用URLで撤回できる（撤回日と方法 Web が残る）', async () => {
    const r = await consent('192.0.2.11');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ versionNo: 1, withdrawalPath: `/p/mamori-consent/consent?token=${r.body.withdrawalToken}` });
    const today = r.body.consentedOn;
    const list = await pms.call(N.consents, { params: { id: noticeId } });
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ versionId: v1, versionNo: 1, subject: '会員番号 A-1024', channel: 'web', consentedOn: today, withdrawnOn: null }),
    );

    const status = await anonymous('GET', `/api/public/portals/mamori-consent/consent?token=${r.body.withdrawalToken}`);
    expect(status.body).toMatchObject({ title: 'メールマガジン配信のための個人情報の取扱いについて', versionNo: 1, consentedOn: today, withdrawnOn: null });
    const withdrawn = await anonymous('POST', '/api/public/portals/mamori-consent/consent/withdraw', { token: r.body.withdrawalToken }, '192.0.2.12');
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.withdrawnOn).toBe(today);
    const after = await pms.call(N.consents, { params: { id: noticeId } });
    expect(after.body.items.find((c) => c.subject === '会員番号 A-1024')).toMatchObject({ withdrawnOn: today, withdrawalChannel: 'web' });
    const again = await anonymous('POST', '/api/public/portals/mamori-consent/consent/withdraw', { token: r.body.withdrawalToken }, '192.0.2.12');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('撤回済み');
  });

  it('「同意する」のチェックなし・氏名なしは項目名つきの日本語 400 で、何も記録しない', async () => {
    const before = (await pms.call(N.consents, { params: { id: noticeId } })).body.items.length;
    const r = await consent('192.0.2.13', { agreed: false, subject: '' });
    expect(r.status).toBe(400);
    const text = JSON.stringify(r.body);
    expect(text).toContain('「同意する」にチェックを入れてください');
    expect(text).toContain('氏名又は識別子');
    expect((await pms.call(N.consents, { params: { id: noticeId } })).body.items.length).toBe(before);
  });

  it('読んだ後に通知文が改訂されていたら 409（新しい版を読んでから）、送信前の確認なしは 400', async () => {
    const page = (await anonymous('GET', `/api/public/portals/mamori-consent/notices/${noticeId}`, undefined, '192.0.2.14')).body;
    const ticked = noticeItems.map((i) => i.code);
    await pms.call(N.saveDraft, { params: { id: noticeId }, body: { body: '第2版の全文です。', ticked } });
    await pms.call(N.publish, { params: { id: noticeId } });
    t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
    const stale = await anonymous(
      'POST',
      `/api/public/portals/mamori-consent/notices/${noticeId}/consents`,
      { versionId: page.versionId, subject: '古い版 太郎', agreed: true, challenge: { token: page.challenge.token, nonce: solve(page.challenge.token) } },
      '192.0.2.14',
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('改訂されました（第2版）');
    const unsolved = await anonymous(
      'POST',
      `/api/public/portals/mamori-consent/notices/${noticeId}/consents`,
      { versionId: page.versionId, subject: '機械 太郎', agreed: true, challenge: { token: page.challenge.token, nonce: 'x' } },
      '192.0.2.15',
    );
    expect(unsolved.status).toBe(400);
  });

  it('撤回用URLの鍵が違う・他のページでは同じ 404', async () => {
    const wrong = await anonymous('GET', `/api/public/portals/mamori-consent/consent?token=${'C'.repeat(43)}`);
    const otherPage = await anonymous('POST', '/api/public/portals/no-such-page/consent/withdraw', { token: 'C'.repeat(43) });
    expect(wrong.status).toBe(404);
    expect(otherPage.status).toBe(404);
  });

  it('同意の送信は同じアドレスから10分に5回まで（6回目は 429）', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await anonymous('POST', `/api/public/portals/mamori-consent/notices/${noticeId}/consents`, { agreed: true }, '192.0.2.16')).status);
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});
