import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { signInToOtherOrganization } from '../../../tests/support/otherOrganization.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { noticeItems } from '../../rules/data/requiredItems.ts';
import { noticesContract as C } from './notices.contract.ts';
import { noticesTestApp } from './notices.fixture.ts';
import { noticeVersions } from './notices.tables.ts';

// HTTP tests of M6 通知・同意 (J.8.5 取得時の必要通知事項) against a real database: versions (a
// published version is immutable), publication blocked by the J.8.5 1 check, roles and tenancy.

let t: TestApp;
let pms: Client;
let staff: Client;
let outsider: Client;

beforeAll(async () => {
  ({ t, pms, staff } = await noticesTestApp());
  outsider = await signInToOtherOrganization(t);
});
afterAll(() => t.close());

const allTicked = noticeItems.map((i) => i.code);

describe('通知文の版（公開済みの版は不変、編集は新しい下書き）', () => {
  it('J.8.5 1 c) 利用目的 が欠けた下書きは公開できず、条項つきの日本語で理由を返す', async () => {
    const created = await pms.call(C.create, { body: { title: '会員申込書の個人情報の取扱いについて', ticked: allTicked.filter((c) => c !== 'J.8.5-1-c') } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.versions[0]?.check.missing.map((i) => i.clause)).toEqual(['J.8.5 1 c)']);
    const r = await pms.call(C.publish, { params: { id: created.body.id } });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toContain('J.8.5 1 c) 利用目的 が記載されていません');
    const rows = await asSystem(t.database, (tx) => tx.select().from(noticeVersions));
    expect(rows.filter((v) => v.templateId === created.body.id).every((v) => v.status === 'draft')).toBe(true);
  });

  it('公開した版を編集すると第2版の下書きになり、第1版の本文は変わらない', async () => {
    const created = await pms.call(C.create, { body: { title: '採用応募者の個人情報の取扱いについて', body: '第1版の本文', ticked: allTicked } });
    const id = created.body.id;
    const published = await pms.call(C.publish, { params: { id } });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.versions[0]).toMatchObject({ versionNo: 1, status: 'published' });
    const edited = await pms.call(C.saveDraft, { params: { id }, body: { body: '第2版の本文', ticked: allTicked } });
    expect(edited.status).toBe(200);
    expect(edited.body.versions.map((v) => [v.versionNo, v.status, v.body])).toEqual([
      [2, 'draft', '第2版の本文'],
      [1, 'published', '第1版の本文'],
    ]);
    const again = await pms.call(C.saveDraft, { params: { id }, body: { body: '第2版の本文（修正）', ticked: allTicked } });
    expect(again.body.versions).toHaveLength(2);
    expect(again.body.versions[0]?.body).toBe('第2版の本文（修正）');
    expect(again.body.versions.map((v) => v.stateLabel)).toEqual(['下書き', '公開中']);
    // 第2版 published: 第1版 is 改訂済み, no longer shown as 公開 beside it (it was, before).
    const second = await pms.call(C.publish, { params: { id } });
    expect(second.body.versions.map((v) => [v.versionNo, v.status, v.stateLabel])).toEqual([
      [2, 'published', '公開中'],
      [1, 'published', '改訂済み'],
    ]);
  });

  it('知らない記載事項のコードは項目名つきの日本語で拒み、何も保存しない', async () => {
    const before = (await asSystem(t.database, (tx) => tx.select().from(noticeVersions))).length;
    const r = await pms.call(C.create, { body: { title: '不正', ticked: ['J.99-x'] } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('記載した事項に知らない項目があります');
    expect((await asSystem(t.database, (tx) => tx.select().from(noticeVersions))).length).toBe(before);
  });
});

describe('権限と組織', () => {
  it('役割のない従業者は閲覧できるが作成・公開はできない（403）', async () => {
    const list = await staff.call(C.list, {});
    expect(list.status).toBe(200);
    expect(list.body.canCreate).toBe(false);
    expect((await staff.call(C.create, { body: { title: '侵入' } })).status).toBe(403);
    const id = list.body.items[0]!.id;
    expect((await staff.call(C.publish, { params: { id } })).status).toBe(403);
  });

  it('別の組織の通知文は見えない（404）', async () => {
    const list = await pms.call(C.list, {});
    const id = list.body.items[0]!.id;
    expect((await outsider.call(C.detail, { params: { id } })).status).toBe(404);
    expect((await outsider.call(C.saveDraft, { params: { id }, body: { body: '乗っ取り' } })).status).toBe(404);
    expect((await outsider.call(C.list, {})).body.items).toEqual([]);
  });
});
