import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { describeInventoryRequestSnapshot } from './inventory.snapshot.ts';
import { noticeVersions } from '../notices/notices.tables.ts';
import { inventoryEntries } from './inventory.tables.ts';

// Export → import round trip (issue #12): the 個人情報管理台帳 Mamori exports (.xlsx) imports back
// unchanged — every field of every entry, the demo's own entries included (their 例外の記録,
// 特に配慮を要する記述の分類, 本人への連絡・接触, 書面同意の文書名), not only what a file import can set.

let t: TestApp;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(async () => t?.close());

async function upload(url: string, file: Buffer) {
  const boundary = '----mamori-roundtrip';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return pms.requestAnyRoute('POST', url, Buffer.concat([head, file, tail]), { 'content-type': `multipart/form-data; boundary=${boundary}` }) as Promise<{
    status: number;
    // biome-ignore lint/suspicious/noExplicitAny: the import's report, read loosely here
    body: any;
  }>;
}

type Detail = {
  id: string;
  name: string;
  departmentName: string;
  content: Record<string, unknown>;
  importExtras: { heading: string; value: string }[];
  accessHolders: { id: string; name: string }[];
};

async function detailsByName(): Promise<Map<string, Detail>> {
  const list = (await pms.get('/api/inventory/entries?pageSize=200')).body as { items: { id: string; name: string }[]; total: number };
  expect(list.total).toBeLessThanOrEqual(200);
  const out = new Map<string, Detail>();
  for (const item of list.items) out.set(item.name, (await pms.get(`/api/inventory/entries/${item.id}`)).body as Detail);
  return out;
}

/** What must survive the round trip: everything but the record's identity, revision and state. */
const comparable = (d: Detail, name: string) => ({
  name,
  departmentName: d.departmentName,
  content: { ...d.content, name },
  importExtras: d.importExtras,
  accessHolders: d.accessHolders,
});

describe('台帳の出力 → 取込（issue #12: Mamori が出力したファイルは、そのまま取り込んで変わらない）', () => {
  it('出力した台帳を取り込み直すと、すべての項目のすべての値が元の項目と同じ', async () => {
    // One entry carries the hardest forms: a category label holding 、, a multi-line reason, a date
    // with a description, an overseas basis, several exemptions, the 通知文 versions it relies on
    // (set in the database: no screen writes all of these at once).
    const published = await asSystem(t.database, (tx) =>
      tx.select({ id: noticeVersions.id }).from(noticeVersions).where(sql`${noticeVersions.organizationId} = ${t.demoOrganizationId} and ${noticeVersions.status} = 'published'`),
    );
    expect(published.length).toBeGreaterThan(0);
    await asSystem(t.database, (tx) =>
      tx
        .update(inventoryEntries)
        .set({
          thirdPartyProvision: true,
          data: sql`${inventoryEntries.data} || ${JSON.stringify({
            specialCategories: ['labor_action', 'thought'],
            overseasCountries: ['シンガポール', '米国'],
            overseasBasis: 'b',
            thirdPartyProvision: true,
            thirdPartyDetails: '親会社（シンガポール）へ人事情報を提供',
            exemptions: [
              { clause: 'J.8.4', letter: 'd', subItem: '1', reason: '名刺交換により取得\n（取引先担当者）' },
              { clause: 'J.8.8', letter: 'b', subItem: null, reason: '人の生命・身体の保護: 緊急連絡' },
            ],
            retainUntil: { date: '2031-03-31', description: '退職後5年' },
            noticeVersionIds: published.map((v) => v.id),
          })}::jsonb`,
        })
        .where(sql`${inventoryEntries.organizationId} = ${t.demoOrganizationId} and ${inventoryEntries.name} = '受領名刺'`),
    );
    const before = await detailsByName();
    const enriched = before.get('受領名刺');
    expect(enriched?.content.overseasBasis).toBe('b');
    expect(enriched?.content.exemptions).toHaveLength(2);
    expect(enriched?.content.noticeVersionIds).toHaveLength(published.length);
    expect(before.size).toBeGreaterThan(3);
    // The demo holds what a file import alone could not produce: the round trip must carry it.
    const all = [...before.values()];
    expect(all.some((d) => (d.content.exemptions as unknown[]).length > 0)).toBe(true);
    expect(all.some((d) => (d.content.specialCategories as unknown[]).length > 0)).toBe(true);
    expect(all.some((d) => d.content.contactsPersons === true)).toBe(true);

    const exported = await pms.request('GET', '/api/inventory/entries/export.xlsx');
    expect(exported.status).toBe(200);
    // The originals step aside under another name, so the same names can be imported again.
    await asSystem(t.database, (tx) =>
      tx
        .update(inventoryEntries)
        .set({ name: sql`'旧：' || ${inventoryEntries.name}`, data: sql`jsonb_set(${inventoryEntries.data}, '{name}', to_jsonb('旧：' || (${inventoryEntries.data}->>'name')))` })
        .where(sql`${inventoryEntries.organizationId} = ${t.demoOrganizationId}`),
    );

    const imported = await upload('/api/imports/inventory?dryRun=0', exported.raw as Buffer);
    expect(imported.status, JSON.stringify(imported.body).slice(0, 600)).toBe(200);
    expect(imported.body.created).toBe(before.size);

    const after = await detailsByName();
    for (const [name, original] of before) {
      const copy = after.get(name);
      expect(copy, name).toBeDefined();
      expect(after.get(`旧：${name}`), name).toBeDefined();
      expect(comparable(copy as Detail, name), name).toEqual(comparable(original, name));
    }
  });
});

describe('申請のスナップショット: 外国にある第三者への提供の根拠', () => {
  it('条項は J.8.8.1 1（以前は J.8.8.3 と出ていた）で、号の名前つき', async () => {
    const fields = await asSystem(t.database, (tx) =>
      describeInventoryRequestSnapshot(
        { kind: 'acquisition', proposed: { name: '海外グループ会社への提供', overseasCountries: ['シンガポール'], overseasBasis: 'b' } },
        { tx, organizationId: t.demoOrganizationId, recordId: '00000000-0000-4000-8000-000000000000' },
      ),
    );
    expect(fields.find((f) => f.key === 'overseasBasis')?.value).toBe('J.8.8.1 1 b) 体制整備');
  });
});
