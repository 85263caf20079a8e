import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { defaultEditableArticles, type EditableArticle } from '../../rules/contractors/specialClauseTemplate.ts';
import { inventoryEntries } from '../inventory/inventory.exports.ts';
import { contractorsContract as C } from './contractors.contract.ts';
import { specialClauseTemplatesContract as P } from './special-clause-templates.contract.ts';
import { specialClauseTemplates } from './special-clause-templates.tables.ts';

// 自社のひな型 (issue 13 「a private company gets its own editable template set built the same way
// (J.9.4 3 wording)」) against a real database and HTTP: versions, the checks naming the article,
// the J.9.4 3 clause check, the diff, and the generator's 「自社のひな型」 read back from the .docx.

let t: TestApp;
let pms: Client;
let sales: Client;
let staff: Client;
let contractorId: string;

const TITLE = '個人情報の取扱いに関する特記事項';
const copy = (): EditableArticle[] => structuredClone(defaultEditableArticles) as EditableArticle[];
const variant = (articles: EditableArticle[], key: string, code: string) => {
  const v = articles.find((a) => a.key === key)?.variants.find((x) => x.code === code);
  if (!v) throw new Error(`${key}/${code}`);
  return v;
};

function docxText(raw: Buffer): string {
  const files = unzipSync(new Uint8Array(raw));
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  const rows = await asSystem(t.database, (tx) => tx.select().from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)));
  const row = rows.find((r) => (r.data.items ?? []).length > 0) ?? rows[0];
  const created = await pms.call(C.create, { body: { name: '株式会社ひな型印刷', entrustedWork: '会員証の発行業務', entryIds: [row!.id], specificPersonalInfo: true } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  contractorId = created.body.id;
});
afterAll(() => t.close());

describe('特記事項のひな型（自社のひな型）', () => {
  it('保存するまでは既定（民間事業者向けの写し）: 条ごとの変種と J.9.4 3 の事項、欠けなし', async () => {
    const r = await sales.call(P.list, {});
    expect(r.status).toBe(200);
    expect(r.body.current).toMatchObject({ id: null, versionLabel: '既定', title: TITLE, missingItems: [] });
    const subcontracting = r.body.current.articles.find((a) => a.key === 'subcontracting');
    expect(subcontracting).toMatchObject({ name: '第6条（再委託）', clauses: ['J.9.4 3 c)'] });
    expect(subcontracting?.variants.map((v) => v.label)).toEqual(['禁止', '制限（甲の承認による）']);
    expect(r.body.current.articles.find((a) => a.key === 'specificPersonalInfo')?.onlyWithSpecificPersonalInfo).toBe(true);
    expect(r.body.placeholders).toEqual(['【委託元】', '【委託先】', '【業務名】']);
    expect(r.body.abilities.edit).toBe(false);
    expect((await pms.call(P.list, {})).body.abilities.edit).toBe(true);
  });

  it('差し込み項目【委託元】を消した第1条・空にした J.9.4 3 g) の条は、条を名指す日本語で 400、版は増えない', async () => {
    const articles = copy();
    const first = variant(articles, 'basicDuty', 'text');
    first.paragraphs[0] = first.paragraphs[0]!.replace('【委託元】', '甲');
    variant(articles, 'incident', 'text').paragraphs[0] = '';
    const r = await pms.call(P.save, { body: { title: TITLE, articles } });
    expect(r.status).toBe(400);
    const body = JSON.stringify(r.body);
    expect(body).toContain('第1条（委託者及び受託者の責任）から差し込み項目「【委託元】」を消すことはできません');
    expect(body).toContain(
      '"path":"articles.10.variants.0.paragraphs.0","message":"第11条（事故発生時の報告・連絡）の第1項を入力してください（J.9.4 3 g)の条文のため空にはできません）"',
    );
    expect(await asSystem(t.database, (tx) => tx.select().from(specialClauseTemplates))).toHaveLength(0);
  });

  it('権限: 所属長（contractors.manage）は保存できず 403、一般の従業者は閲覧もできない', async () => {
    expect((await sales.call(P.save, { body: { title: TITLE, articles: copy() } })).status).toBe(403);
    expect((await staff.call(P.list, {})).status).toBe(403);
    expect((await staff.request('GET', '/api/special-clause-template/export.docx')).status).toBe(403);
  });

  it('第1版: 編集した条文が版になり、既定からの差分と保存した者が出る', async () => {
    const articles = copy();
    const restrict = variant(articles, 'takingOut', 'restrict');
    restrict.paragraphs[0] = restrict.paragraphs[0]!.replace('持ち出し記録', '持ち出し管理台帳への記録');
    const r = await pms.call(P.save, { body: { title: TITLE, note: '持ち出しの記録を当社規程に合わせた', articles } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ versionNo: 1, versionLabel: '第1版', changesFrom: '既定', note: '持ち出しの記録を当社規程に合わせた', missingItems: [] });
    expect(r.body.createdByName).toBeTruthy();
    expect(r.body.changes).toHaveLength(1);
    expect(r.body.changes[0]).toMatchObject({ where: '第8条（持ち出し）「制限（甲の承認による）」', paragraph: 1 });
    expect(
      r.body.changes[0]!.parts.filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('管理台帳への');
  });

  it('第2版: J.9.4 3 f) の言葉（契約の解除・損害賠償）を消すと保存はされ、欠けた事項が条項つきで出る（警告）', async () => {
    const articles = (await pms.call(P.list, {})).body.current.articles.map((a) => ({
      key: a.key,
      variants: a.variants.map((v) => ({ code: v.code, title: v.title, paragraphs: v.paragraphs })),
    }));
    variant(articles, 'termination', 'text').paragraphs = ['乙が本特記事項に違反したときは、甲と乙は誠実に協議する。'];
    const r = await pms.call(P.save, { body: { title: TITLE, articles } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ versionLabel: '第2版', changesFrom: '第1版' });
    expect(r.body.missingItems).toEqual([{ code: 'J.9.4-3-f', clause: 'J.9.4 3 f)', text: '契約内容が遵守されなかった場合の措置' }]);
    const list = await pms.call(P.list, {});
    expect(list.body.versions.map((v) => v.versionLabel)).toEqual(['第2版', '第1版', '既定']);
    expect(list.body.versions[1]?.missingItems).toEqual([]);
  });

  it('生成（Word）: 「自社のひな型」は使用中の版（第2版）で、編集した条文と選んだ変種・特定個人情報の条・版の名が入る', async () => {
    const r = await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { template: 'organization', takingOut: 'restrict', returnOrDisposal: 'dispose' } });
    expect(r.status, r.raw.toString()).toBe(200);
    const text = docxText(r.raw);
    expect(text).toContain('ひな型：自社のひな型（第2版）');
    expect(text).toContain('会員証の発行業務の受託事業者である株式会社ひな型印刷（以下「乙」という。）');
    expect(text).toContain('持ち出し管理台帳への記録');
    expect(text).not.toContain('（持ち出しの禁止）');
    expect(text).toContain('当該資料等を廃棄できるものとする。');
    expect(text).toContain('甲と乙は誠実に協議する。');
    expect(text).toContain('（特定個人情報の取扱い）');
    expect(text).not.toMatch(/【(委託元|委託先|業務名)】/);
  });

  it('ひな型の Word 出力: 使用中の版を差し込み項目のまま、各条の変種をすべて載せる', async () => {
    const r = await sales.request('GET', '/api/special-clause-template/export.docx');
    expect(r.status).toBe(200);
    const text = docxText(r.raw);
    expect(text).toContain('ひな型：自社のひな型（第2版）');
    expect(text).toContain('【業務名】の受託事業者である【委託先】');
    expect(text).toContain('【禁止】');
    expect(text).toContain('【制限（甲の承認による）】');
    expect(text).toContain('第6条（再委託）　［J.9.4 3 c)］');
  });
});

describe.skipIf(skipPdfChecks)('特記事項のひな型（PDF）', () => {
  it('生成（PDF）: 「自社のひな型」の版の名と編集した条文', async () => {
    const r = await pms.call(C.specialClausesPdf, { params: { id: contractorId }, query: { template: 'organization' } });
    expect(r.status).toBe(200);
    const text = pdfText(r.raw).replace(/\s+/g, '');
    expect(text).toContain('ひな型：自社のひな型（第2版）');
    expect(text).toContain('甲と乙は誠実に協議する。');
  });
});
