import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { noticesContract as C } from './notices.contract.ts';
import { noticesTestApp, noticeWithDraftVersion } from './notices.fixture.ts';

// 台帳 ↔ 通知文の版 (issue 14 M6 「linked from 台帳 entries」, J.3.1.1・J.8.5): an entry refers to the
// published notice versions it relies on (noticeVersionIds); the entry shows them and the notice
// shows the entries, over real HTTP and a real database.

let t: TestApp;
let pms: Client;
let sales: Client;
let noticeId: string;
let v1: string;
let v2Draft: string;
const dept: Record<string, string> = {};
const person: Record<string, string> = {};

function content(overrides: Record<string, unknown> = {}) {
  return {
    name: 'セミナー申込者名簿（通知文の版つき）',
    departmentId: dept['営業部'],
    items: ['氏名', 'メールアドレス'],
    purpose: 'セミナーの運営のため',
    storageLocation: '顧客管理システム',
    storageMethod: { media: 'electronic', description: 'アクセス制限付きフォルダ' },
    accessHolderIds: [person['田中 美咲']],
    useUntil: { description: 'セミナー終了後1年' },
    retainUntil: { date: '2029-03-31' },
    recordCount: { value: 100, approximate: true },
    acquisitionMethods: ['direct_written'],
    ...overrides,
  };
}

beforeAll(async () => {
  ({ t, pms } = await noticesTestApp());
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const d of await tx.select().from(departments)) dept[d.name] = d.id;
    for (const p of await tx.select().from(people)) person[p.name] = p.id;
  });
  sales = await t.login('sales-head@demo.mamori.local');
  ({ noticeId, v1, v2Draft } = await noticeWithDraftVersion(pms));
});
afterAll(() => t.close());

describe('台帳の項目が拠る通知文の版（noticeVersionIds）', () => {
  it('下書きの版は指定できない（通知文の版の欄に日本語のエラー、申請は作られない）', async () => {
    const r = await sales.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: content({ noticeVersionIds: [v2Draft] }), reason: '新規取得' });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('noticeVersionIds');
    expect(JSON.stringify(r.body)).toContain('第2版は下書きです');
  });

  it('承認された台帳の項目は通知文の版を名称・版つきで示し、通知文の側にもその台帳の項目が出る', async () => {
    const r = await sales.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: content({ noticeVersionIds: [v1] }), reason: '新規取得' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const approved = await pms.request('POST', `/api/approvals/${r.body.approvalRequestId}/approve`, { comment: '承認します' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const entryId = (await sales.get(`/api/inventory/requests/${r.body.id}`)).body.entryId as string;
    const entry = await pms.get(`/api/inventory/entries/${entryId}`);
    expect(entry.body.noticeVersions).toEqual([{ id: v1, templateId: noticeId, title: 'セミナー申込フォームの個人情報の取扱いについて', versionNo: 1, published: true }]);
    expect(entry.body.content.noticeVersionIds).toEqual([v1]);
    const notice = await pms.call(C.detail, { params: { id: noticeId } });
    expect(notice.body.inventoryEntries).toEqual([{ id: entryId, name: 'セミナー申込者名簿（通知文の版つき）', versionId: v1, versionNo: 1 }]);
  });
});
