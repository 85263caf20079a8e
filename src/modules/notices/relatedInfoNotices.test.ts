import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { relatedInfoNoticeItemsByProvider, relatedInfoNoticeItemsByRecipient } from '../../rules/notices/relatedInfoNotice.ts';
import { noticesContract as C } from './notices.contract.ts';
import { noticesTestApp } from './notices.fixture.ts';

// J.8.8.4 1 on publication (SPEC §5.5), over real HTTP and a real database: a notice of the
// 個人関連情報 kind is checked with the 提供先 1)〜6) or 提供元 1)〜7) list chosen on the template,
// exactly as a J.8.5 notice is with J.8.5 1 a)〜h): missing items with their clause block publication.

let t: TestApp;
let pms: Client;

beforeAll(async () => {
  ({ t, pms } = await noticesTestApp());
});
afterAll(() => t.close());

const codes = (items: readonly { code: string }[]) => items.map((i) => i.code);

describe('J.8.8.4 1 個人関連情報を個人データとして取得することを認める旨の同意を求める通知', () => {
  it('提供元の文言: 5)「提供する手段又は方法」が欠けると公開できず、条項つきの日本語で理由を返す。補えば公開できる', async () => {
    const ticked = codes(relatedInfoNoticeItemsByProvider).filter((c) => c !== 'J.8.8.4-1-provider-5');
    const created = await pms.call(C.create, { body: { kind: 'related_info', relatedParty: 'provider', title: '広告配信のための情報提供への同意', ticked } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: 'related_info', kindLabel: '個人関連情報の同意を求める通知（J.8.8.4 1）', relatedParty: 'provider' });
    expect(created.body.versions[0]?.check.missing.map((i) => `${i.clause} ${i.text}`)).toEqual(['J.8.8.4 1 5) 提供する手段又は方法']);
    const refused = await pms.call(C.publish, { params: { id: created.body.id } });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('J.8.8.4 1 5)');
    expect(JSON.stringify(refused.body)).toContain('提供する手段又は方法');
    const saved = await pms.call(C.saveDraft, { params: { id: created.body.id }, body: { ticked, body: '提供方法：暗号化した通信で送信します。' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await pms.call(C.publish, { params: { id: created.body.id } });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.versions[0]?.status).toBe('published');
  });

  it('提供先の文言: 1)〜6) の6件で判定し、J.8.5 の事項は求めない', async () => {
    const created = await pms.call(C.create, { body: { kind: 'related_info', relatedParty: 'recipient', title: '会員情報と閲覧履歴の紐付けへの同意' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.versions[0]?.check.missing.map((i) => i.clause)).toEqual(['J.8.8.4 1 1)', 'J.8.8.4 1 2)', 'J.8.8.4 1 3)', 'J.8.8.4 1 4)', 'J.8.8.4 1 5)', 'J.8.8.4 1 6)']);
    await pms.call(C.saveDraft, { params: { id: created.body.id }, body: { ticked: codes(relatedInfoNoticeItemsByRecipient) } });
    expect((await pms.call(C.publish, { params: { id: created.body.id } })).status).toBe(200);
  });

  it('下書きで同意を取得する主体を提供元に変えると、提供元の 1)〜7) で判定し直す', async () => {
    const created = await pms.call(C.create, {
      body: { kind: 'related_info', relatedParty: 'recipient', title: '主体を変える通知', ticked: codes(relatedInfoNoticeItemsByRecipient) },
    });
    expect(created.body.versions[0]?.check.missing).toEqual([]);
    const saved = await pms.call(C.saveDraft, { params: { id: created.body.id }, body: { relatedParty: 'provider', ticked: codes(relatedInfoNoticeItemsByRecipient) } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.relatedParty).toBe('provider');
    expect(saved.body.versions[0]?.check.missing.length).toBe(7);
  });

  it('同意を取得する主体を選ばない個人関連情報の通知は、その欄の日本語の誤りで拒む', async () => {
    const before = (await pms.call(C.list, {})).body.items.length;
    const r = await pms.call(C.create, { body: { kind: 'related_info', title: '主体なし' } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('relatedParty');
    expect(JSON.stringify(r.body)).toContain('同意を取得する主体');
    expect((await pms.call(C.list, {})).body.items.length).toBe(before);
  });

  it('取得時の通知・同意文書（J.8.5）は今までどおり J.8.5 1 で判定し、主体は選べない', async () => {
    const created = await pms.call(C.create, { body: { title: '従来の通知文' } });
    expect(created.body).toMatchObject({ kind: 'acquisition', relatedParty: null });
    expect(created.body.versions[0]?.check.missing[0]?.clause).toMatch(/^J\.8\.5 1/);
    const r = await pms.call(C.saveDraft, { params: { id: created.body.id }, body: { relatedParty: 'provider' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('個人関連情報の同意を求める通知（J.8.8.4 1）でだけ選べます');
  });
});
