import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { inventoryEntries } from '../inventory/inventory.exports.ts';
import { contractorsContract as C } from './contractors.contract.ts';

// 個人情報特記事項 downloads (issue 13): .docx read back from word/document.xml, the PDF with
// pdftotext; 豊島区 資料A / 資料B (seeds/002) variants chosen by the query.

let t: TestApp;
let pms: Client;
let contractorId: string;
let unlinkedId: string;
let entry: { name: string; items: string[] };

/** The text of a .docx: every <w:t> of word/document.xml, tags removed. */
function docxText(raw: Buffer): string {
  const files = unzipSync(new Uint8Array(raw));
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  const rows = await asSystem(t.database, (tx) => tx.select().from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)));
  const row = rows.find((r) => (r.data.items ?? []).length > 0) ?? rows[0];
  entry = { name: row!.name, items: row!.data.items ?? [] };
  const created = await pms.call(C.create, { body: { name: '株式会社特記印刷', entrustedWork: '案内状の印刷・発送業務', entryIds: [row!.id] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  contractorId = created.body.id;
  const unlinked = await pms.call(C.create, { body: { name: '株式会社紐付けなし', entrustedWork: '清掃業務' } });
  unlinkedId = unlinked.body.id;
});
afterAll(() => t.close());

describe('個人情報特記事項（Word）', () => {
  it('資料B 再委託の制限・廃棄・規則第43条: 選んだ条文と当事者の名称、台帳の項目が入り、禁止の条文は入らない', async () => {
    const r = await pms.call(C.specialClausesDocx, {
      params: { id: contractorId },
      query: { template: 'toshimaCurrent', subcontracting: 'restrict', returnOrDisposal: 'dispose', inspection: 'rule43' },
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(r.raw);
    expect(text).toContain('個人情報 特記事項');
    expect(text).toContain('案内状の印刷・発送業務の受託事業者である株式会社特記印刷（以下「乙」という。）');
    expect(text).toMatch(/（以下「甲」という。）/);
    expect(text).toContain('（再委託の制限）');
    expect(text).not.toContain('（再委託の禁止）');
    expect(text).toContain('当該資料等を廃棄できるものとする。');
    expect(text).toContain('少なくとも年1回以上、原則として実地検査により確認するものとする。');
    expect(text).toContain('再々委託を行う場合以降も同様とする。');
    expect(text).toContain('（目的外利用の禁止）');
    expect(text).toContain(entry.name);
    for (const item of entry.items) expect(text).toContain(item);
  });

  it('既定（禁止・返還）では制限・廃棄の条文が入らない', async () => {
    const text = docxText((await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: {} })).raw);
    expect(text).toContain('（外部提供の禁止）');
    expect(text).not.toContain('（外部提供の制限）');
    expect(text).not.toContain('当該資料等を廃棄できるものとする');
  });

  it('条例下のひな型（資料A）で規則第43条を選ぶと 422、項目「立入検査」の日本語エラー', async () => {
    const r = await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { template: 'toshimaOrdinanceEra', inspection: 'rule43' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('立入検査: このひな型では');
  });

  it('知らない変種は 400（「再委託の値が正しくありません」）', async () => {
    const r = await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { subcontracting: 'maybe' as 'restrict' } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('再委託の値が正しくありません');
  });

  it('台帳の項目が紐付いていない委託先は 422（取り扱う個人情報がありません）', async () => {
    const r = await pms.call(C.specialClausesDocx, { params: { id: unlinkedId }, query: {} });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('取り扱う個人情報がありません');
  });
});

describe.skipIf(skipPdfChecks)('個人情報特記事項（PDF）', () => {
  it('資料A 複写又は複製 ※1: 「仕様書に記載した受託業務の処理の範囲を超えて」と当事者の名称', async () => {
    const r = await pms.call(C.specialClausesPdf, { params: { id: contractorId }, query: { template: 'toshimaOrdinanceEra', copying: 'restrictToSpec' } });
    expect(r.status).toBe(200);
    const text = pdfText(r.raw).replace(/\s+/g, '');
    expect(text).toContain('仕様書に記載した受託業務の処理の範囲を超えて');
    expect(text).not.toContain('（複写又は複製の禁止）');
    expect(text).toContain('株式会社特記印刷');
    expect(text).toContain('（資料等の返還義務）');
  });
});
