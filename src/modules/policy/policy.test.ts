import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { approvalsContract } from '../../platform/approvals/approvals.contract.ts';
import { policyItems } from '../../rules/data/requiredItems.ts';
import { policyContract as C } from './policy.contract.ts';

// 個人情報保護方針 (J.2.2) against a real database and HTTP: the J.2.2 2 check refuses a submission
// (422, Japanese field errors, nothing written), トップマネジメント approves through the approvals
// engine (J.2.2 1), a new version supersedes the old one (改訂済み), the 外部向け one is public (J.2.2 3).

let t: TestApp;
let pms: Client;
let top: Client;
let staff: Client;

const facts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: { desk: '個人情報お問合せ窓口', method: 'このページのフォーム', identityCheck: '運転免許証等の写し', fees: { purposeNotice: null, disclosure: null } },
  safetyMeasures: ['個人情報保護規程の策定'],
};

const all = policyItems.map((i) => i.code);
const draft = { body: '当社は個人情報を適切に取り扱います。', ticked: all, topManagementName: '山田 太郎', establishedOn: '2026/04/01' };

async function anonymous(url: string) {
  const r = await (t.app as unknown as FastifyInstance).inject({ method: 'GET', url, remoteAddress: '192.0.2.20' });
  // biome-ignore lint/suspicious/noExplicitAny: the response read loosely here
  return { status: r.statusCode, body: r.json() as any };
}

async function approveAsTop(approvalRequestId: string) {
  const r = await top.call(approvalsContract.approve, { params: { id: approvalRequestId }, body: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  expect((await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-policy', published: true, facts })).status).toBe(200);
});
afterAll(() => t.close());

describe('個人情報保護方針の版（J.2.2）', () => {
  it('J.2.2 3: 公開中の外部向け方針がなければ公開 URL は 404', async () => {
    const r = await anonymous('/api/public/policy/mamori-policy');
    expect(r.status).toBe(404);
    expect(r.body.error.message).toBe('個人情報保護方針が見つかりません');
  });

  it('J.2.2 2 f) トップマネジメントの氏名 が欠けた版は申請できず（422、欄ごとの日本語）、何も書き換わらない', async () => {
    const saved = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: { ...draft, topManagementName: '' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.versionNo).toBe(1);
    expect(saved.body.establishedOn).toBe('2026-04-01');
    expect(saved.body.check.missing.map((i) => i.clause)).toEqual(['J.2.2 2 f)']);
    const r = await pms.call(C.submit, { params: { id: saved.body.id } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('"path":"topManagementName","message":"J.2.2 2 f) トップマネジメントの氏名 が記載されていません"');
    const list = await pms.call(C.list, {});
    expect(list.body.items.find((v) => v.id === saved.body.id)?.status).toBe('draft');
  });

  it('J.2.2 2 d) 苦情及び相談への対応に関する事項 が宣言も本文もなければ申請できない', async () => {
    const saved = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: { ...draft, ticked: all.filter((c) => c !== 'J.2.2-2-d') } });
    const r = await pms.call(C.submit, { params: { id: saved.body.id } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('J.2.2 2 d) 苦情及び相談への対応に関する事項 が記載されていません');
  });

  it('J.2.2 1: 揃った版はトップマネジメントの承認で公開され、公開 URL に出る（J.2.2 3）', async () => {
    const saved = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: draft });
    expect(saved.body.versionNo).toBe(1);
    const submitted = await pms.call(C.submit, { params: { id: saved.body.id } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.statusLabel).toBe('承認待ち');
    // 承認待ちの間は編集できない
    const edit = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: draft });
    expect(edit.status).toBe(409);
    // 申請者（個人情報保護管理者）は承認できない: the step is トップマネジメント's
    expect((await pms.call(approvalsContract.approve, { params: { id: submitted.body.approvalRequestId }, body: {} })).status).toBe(403);
    await approveAsTop(submitted.body.approvalRequestId);
    const list = await staff.call(C.list, {});
    expect(list.body.items.find((v) => v.id === saved.body.id)).toMatchObject({ status: 'published', statusLabel: '公開' });
    expect(list.body.abilities.edit).toBe(false);
    const pub = await anonymous('/api/public/policy/mamori-policy');
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ organizationName: '株式会社まもりデモ', versionNo: 1, topManagementName: '山田 太郎', establishedOn: '2026-04-01', lastRevisedOn: null });
  });

  it('改訂: 第2版の公開で第1版は「改訂済み」になり「公開」とは表示されない; 改訂版は J.2.2 2 g) 最終改正年月日 が要る', async () => {
    const second = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: { ...draft, body: '第2版の本文。' } });
    expect(second.body).toMatchObject({ versionNo: 2, status: 'draft' });
    expect(second.body.check.missing.map((i) => i.clause)).toEqual(['J.2.2 2 g)']);
    const refused = await pms.call(C.submit, { params: { id: second.body.id } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('"path":"establishedOn"');
    const fixed = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: { ...draft, body: '第2版の本文。', lastRevisedOn: '2026-05-11' } });
    expect(fixed.body).toMatchObject({ id: second.body.id, versionNo: 2 });
    const submitted = await pms.call(C.submit, { params: { id: second.body.id } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await approveAsTop(submitted.body.approvalRequestId);
    const external = (await pms.call(C.list, {})).body.items.filter((v) => v.kind === 'external');
    expect(external.map((v) => [v.versionNo, v.statusLabel])).toEqual([
      [2, '公開'],
      [1, '改訂済み'],
    ]);
    const pub = await anonymous('/api/public/policy/mamori-policy');
    expect(pub.body).toMatchObject({ versionNo: 2, body: '第2版の本文。', lastRevisedOn: '2026-05-11' });
  });

  it('内部向けの方針は公開 URL に出ない; 一般の従業者は下書きを保存できない (403)', async () => {
    const list = await staff.call(C.list, {});
    expect(list.body.items.some((v) => v.kind === 'internal' && v.status === 'published')).toBe(true);
    const r = await staff.call(C.saveDraft, { params: { kind: 'internal' }, body: draft });
    expect(r.status).toBe(403);
  });

  it('トップマネジメントが差し戻すと下書きに戻り、公開中の版は変わらない（内部向け 第2版）', async () => {
    const saved = await pms.call(C.saveDraft, { params: { kind: 'internal' }, body: { ...draft, lastRevisedOn: '2026-05-11' } });
    expect(saved.body.versionNo).toBe(2);
    const submitted = await pms.call(C.submit, { params: { id: saved.body.id } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const returned = await top.call(approvalsContract.return, { params: { id: submitted.body.approvalRequestId }, body: { comment: '問合せ先を具体的に' } });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const internal = (await pms.call(C.list, {})).body.items.filter((v) => v.kind === 'internal');
    expect(internal.map((v) => [v.versionNo, v.statusLabel])).toEqual([
      [2, '下書き'],
      [1, '公開'],
    ]);
  });

  it('存在しない公開ページは 404', async () => {
    expect((await anonymous('/api/public/policy/no-such-page')).status).toBe(404);
  });
});
