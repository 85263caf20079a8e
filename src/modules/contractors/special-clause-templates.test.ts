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
    expect(r.body.current.handledInfoArticle).toEqual({ title: '取り扱う個人情報の範囲等', number: 2, numberWithoutSpecificPersonalInfo: 2 });
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

// Issue 13 follow-up: a company adds, removes and reorders articles; the articles are numbered by
// their place (第N条) in the version, the diff and the generated 特記事項.
describe('特記事項のひな型: 条の追加・削除・並べ替え', () => {
  const versionCount = async () => (await asSystem(t.database, (tx) => tx.select().from(specialClauseTemplates))).length;
  const currentArticles = async (): Promise<EditableArticle[]> =>
    (await pms.call(P.list, {})).body.current.articles.map((a) => ({
      key: a.key,
      variants: a.variants.map((v) => ({ code: v.code, title: v.title, paragraphs: v.paragraphs })),
    }));
  const confidentiality = '乙は、第3条に定める措置のほか、受託業務に関して知り得た甲の秘密を第三者に漏らしてはならない。';

  it('追加した条の見出しが空・知らない条・40条を超える条は、第N条と項目を名指して 400、版は増えない', async () => {
    const before = await versionCount();
    const articles = [
      ...(await currentArticles()),
      { key: 'custom-1', variants: [{ code: 'text', title: '', paragraphs: ['乙は甲の指示に従う。'] }] },
      { key: 'other', variants: [] },
    ];
    const r = await pms.call(P.save, { body: { title: TITLE, articles } });
    expect(r.status).toBe(400);
    const body = JSON.stringify(r.body);
    expect(body).toContain('"path":"articles.14.variants.0.title","message":"第15条（見出しのない条）の見出しを入力してください"');
    expect(body).toContain('"path":"articles.15.key","message":"第16条の条文「other」はこのひな型にありません"');
    const many = [
      ...(await currentArticles()),
      ...Array.from({ length: 27 }, (_, i) => ({ key: `custom-${i + 1}`, variants: [{ code: 'text', title: `追加${i + 1}`, paragraphs: ['乙は甲の指示に従う。'] }] })),
    ];
    const tooMany = await pms.call(P.save, { body: { title: TITLE, articles: many } });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('"path":"articles","message":"条は40条までです（41条あります）"');
    expect(await versionCount()).toBe(before);
  });

  it('第3版: 第4条に「秘密保持」を追加し、複写・複製の条を削除すると、版の差分に条の追加・削除が番号つきで出る', async () => {
    const articles = (await currentArticles()).filter((a) => a.key !== 'copying');
    articles.splice(3, 0, { key: 'custom-1', variants: [{ code: 'text', title: '秘密保持', paragraphs: [confidentiality] }] });
    const r = await pms.call(P.save, { body: { title: TITLE, note: '秘密保持の条を追加し、複写の条を削除', articles } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.versionLabel).toBe('第3版');
    expect(r.body.articleChanges.map((c) => [c.label, c.where, c.previousNumber, c.currentNumber])).toEqual([
      ['条の追加', '第4条（秘密保持）', null, 4],
      ['条の削除', '第7条（複写・複製）', 7, null],
    ]);
    expect(r.body.articleChanges[0]?.text).toBe(`（秘密保持）\n${confidentiality}`);
    expect(r.body.changes).toEqual([]);
    expect(r.body.referenceWarnings).toEqual([]);
    expect(r.body.articles.slice(2, 5).map((a) => [a.name, a.custom])).toEqual([
      ['第3条（安全管理措置）', false],
      ['第4条（秘密保持）', true],
      ['第5条（目的外利用）', false],
    ]);
  });

  it('生成（Word）: 追加した条は第4条として入り、後ろの条は繰り下がり、削除した条は入らない', async () => {
    const r = await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { template: 'organization' } });
    expect(r.status, r.raw.toString()).toBe(200);
    const text = docxText(r.raw);
    expect(text).toContain('ひな型：自社のひな型（第3版）');
    expect(text).toContain(`（秘密保持）\n第4条　${confidentiality}`);
    expect(text).toContain('（目的外利用の禁止）\n第5条　');
    expect(text).not.toContain('（複写又は複製の禁止）');
    expect(text).toContain('（契約違反の場合の措置）\n第14条　');
  });

  it('第4版: 安全管理措置を第1条へ移すと「条の移動」が出て、第3条を引用する条文は書き換えずに警告する', async () => {
    const articles = await currentArticles();
    const [safety] = articles.splice(
      articles.findIndex((a) => a.key === 'safetyMeasures'),
      1,
    );
    articles.unshift(safety!);
    const r = await pms.call(P.save, { body: { title: TITLE, articles } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.articleChanges.map((c) => [c.label, c.where, c.previousNumber, c.currentNumber])).toEqual([['条の移動', '第1条（安全管理措置）', 3, 1]]);
    expect(r.body.referenceWarnings.map((w) => w.message)).toEqual([
      '第4条（秘密保持）の第1項が引用する第3条（安全管理措置）は第1条になりました。引用している条文は書き換えていません',
    ]);
    expect(r.body.articles[3]?.variants[0]?.paragraphs).toEqual([confidentiality]);
    const list = await pms.call(P.list, {});
    expect(list.body.versions.map((v) => v.versionLabel)).toEqual(['第4版', '第3版', '第2版', '第1版', '既定']);
    expect(list.body.current.referenceWarnings).toHaveLength(1);
    const docx = docxText((await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { template: 'organization' } })).raw);
    expect(docx).toContain('（安全管理措置）\n第1条　');
    expect(docx).toContain('（委託者及び受託者の責任）\n第2条　');
    const exported = docxText((await sales.request('GET', '/api/special-clause-template/export.docx')).raw);
    expect(exported).toContain('第1条（安全管理措置）　［J.9.4 3 b)］');
    expect(exported).toContain(`第4条（秘密保持）\n（秘密保持）\n${confidentiality}`);
  });

  it('第5版: 取り扱う個人情報の条を特定個人情報の条の後ろへ移すと、委託先の画面の手掛かり（handledInfoArticle）がその番号を名指し、生成した特記事項と一致する', async () => {
    const articles = await currentArticles();
    const [handled] = articles.splice(
      articles.findIndex((a) => a.key === 'handledInformation'),
      1,
    );
    articles.splice(articles.findIndex((a) => a.key === 'specificPersonalInfo') + 1, 0, handled!);
    const r = await pms.call(P.save, { body: { title: TITLE, articles } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.handledInfoArticle).toEqual({ title: '取り扱う個人情報の範囲等', number: 13, numberWithoutSpecificPersonalInfo: 12 });
    expect((await sales.call(P.list, {})).body.current.handledInfoArticle).toEqual(r.body.handledInfoArticle);
    // 第4版 cited 第3条 (then 取り扱う個人情報の範囲等, moved there by 安全管理措置's move): now 第13条.
    expect(r.body.referenceWarnings.map((w) => w.message)).toEqual([
      '第3条（秘密保持）の第1項が引用する第3条（取り扱う個人情報の範囲等）は第13条になりました。引用している条文は書き換えていません',
    ]);
    // The 委託先 entrusts 特定個人情報: the document has the 特定個人情報 article, so the list is 第13条.
    const docx = docxText((await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { template: 'organization' } })).raw);
    expect(docx).toContain('（取り扱う個人情報の範囲等）\n第13条　');
  });

  it('第6版: 取り扱う個人情報の条を削除すると handledInfoArticle は null、生成した特記事項に取り扱う個人情報の一覧は入らない', async () => {
    const articles = (await currentArticles()).filter((a) => a.key !== 'handledInformation');
    const r = await pms.call(P.save, { body: { title: TITLE, articles } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.handledInfoArticle).toBeNull();
    expect((await sales.call(P.list, {})).body.current.handledInfoArticle).toBeNull();
    const docx = docxText((await pms.call(C.specialClausesDocx, { params: { id: contractorId }, query: { template: 'organization' } })).raw);
    expect(docx).toContain('ひな型：自社のひな型（第6版）');
    expect(docx).not.toContain('取り扱う個人情報の範囲等');
    expect(docx).not.toContain('甲から提供される次の個人情報');
  });
});
