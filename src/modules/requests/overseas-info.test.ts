import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { approvalsContract as A } from '../../platform/approvals/approvals.contract.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { noticesContract as N } from '../notices/notices.contract.ts';
import { groundBOverseasProvisionRecord } from '../notices/notices.fixture.ts';
import { requestsContract as C } from './requests.contract.ts';

// 外国にある第三者への提供に係る情報提供の求め (JIS Q 15001 J.8.8.1 3 l)・4, 法第28条第3項) over real HTTP
// and a real database: the request's 遅滞なく target, the ground-b) records with items 1)〜7), the
// decision 全部提供 / 一部不提供 / 不提供 (提供しない理由 required), the approval and the reply letter.

let t: TestApp;
let desk: Client;
let pms: Client;

const record = groundBOverseasProvisionRecord();

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  desk = await t.login('desk@demo.mamori.local');
  pms = await t.login('pms@demo.mamori.local');
  for (const body of [record, { ...record, overseasBasis: 'c' as const, counterpartyName: '同等国 株式会社' }]) {
    const r = await pms.call(N.createProvisionRecord, { body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(() => t.close());

const ask = (requesterName = '海外 次郎') =>
  desk.call(C.create, {
    body: { receivedOn: '2026-05-08', channel: 'mail', kind: 'overseas_info', requesterName, content: '外国にある第三者への提供について、相当措置の情報の提供を求めます' },
  });

function docxText(raw: Buffer): string {
  const files = unzipSync(new Uint8Array(raw));
  return strFromU8(files['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');
}

describe('J.8.8.1 3 l) 外国にある第三者への提供に係る情報提供の求め', () => {
  it('J.8.8.1 3 l)「遅滞なく」: 受付で組織の目標日（legal: false）を期限にする', async () => {
    const created = await ask();
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.kindLabel).toBe('外国にある第三者への提供に係る情報提供の求め');
    expect(created.body.deadline).toMatchObject({ legal: false, dueOn: '2026-05-22' });
    expect(created.body.deadline.basis).toContain('第28条第3項');
  });

  it('根拠 b) で外国にある第三者に提供した請求者の記録だけを 1)〜7) つきで引く（根拠 c) は引かない）', async () => {
    const created = await ask('海外　次郎');
    const r = await desk.call(C.overseasRecords, { params: { id: created.body.id } });
    expect(r.status).toBe(200);
    expect(r.body.applies).toBe(true);
    expect(r.body.items.map((i) => i.counterpartyName)).toEqual(['Mamori Asia Pte. Ltd.']);
    const info = Object.fromEntries(r.body.items[0]?.info.map((i) => [i.no, i.value]) ?? []);
    expect(info).toMatchObject({
      '1': record.overseasSystemMethod,
      '2': record.overseasEquivalentMeasures,
      '3': record.overseasMeasures,
      '4': 'シンガポール',
      '5': record.overseasForeignSystem,
      '6': 'なし',
      '7': '支障がないため、講ずる措置はありません',
    });
    const other = await desk.call(C.create, { body: { receivedOn: '2026-05-08', channel: 'mail', kind: 'disclosure', requesterName: '海外 次郎', content: '開示' } });
    expect((await desk.call(C.overseasRecords, { params: { id: other.body.id } })).body).toEqual({ applies: false, items: [] });
  });

  it('J.8.8.1 4「その理由を説明する」: 不提供・一部不提供に理由の説明がなければ 422（書き込まない）', async () => {
    const created = await ask();
    const refused = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'refused', groundCodes: ['j8813l'] } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('本人に通知する理由の説明を記入してください（J.8.8.1 4）');
    const partial = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'partial', groundCodes: ['j8813l'], note: '監査報告の内容を含むため' } });
    expect(partial.status).toBe(422);
    expect(JSON.stringify(partial.body)).toContain('"path":"withheldItems"');
    const noGround = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'refused', note: '理由' } });
    expect(noGround.status).toBe(422);
    expect((await desk.call(C.detail, { params: { id: created.body.id } })).body.decision).toBeNull();
  });

  it('一部不提供: 提供しない項目と理由を記録し、承認の画面に項目が出る', async () => {
    const created = await ask();
    const decided = await desk.call(C.decide, {
      params: { id: created.body.id },
      body: { scope: 'partial', groundCodes: ['j8813l'], withheldItems: ['5', '5'], note: '当該外国の制度の評価は提供先との守秘契約の対象のため', replyMethod: 'mail' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.decision).toMatchObject({ scope: 'partial', scopeLabel: '一部不提供', withheldItems: ['5'] });
    const submitted = await desk.call(C.submitReply, { params: { id: created.body.id } });
    expect(submitted.status).toBe(201);
    const approval = await pms.call(A.detail, { params: { id: submitted.body.approvalRequestId } });
    const lines = Object.fromEntries(approval.body.request.snapshotFields.map((f) => [f.label, f.value]));
    expect(lines).toMatchObject({
      決定: '一部不提供',
      '提供しない項目（J.8.8.1 3 l)）': '5) 当該第三者による相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要',
    });
  });

  it.skipIf(skipPdfChecks)('回答書（PDF・docx）: 全部提供は 1)〜7) を載せ、一部不提供は提供しない項目と理由（J.8.8.1 4）を示す', async () => {
    const full = await ask();
    await desk.call(C.decide, { params: { id: full.body.id }, body: { scope: 'full', replyMethod: 'mail' } });
    const pdf = pdfText((await desk.call(C.replyLetterPdf, { params: { id: full.body.id } })).raw).replace(/\s+/g, '');
    for (const words of [
      '外国にある第三者への提供に係る情報提供の求めに対する回答書',
      '全部提供',
      '法律第28条第3項',
      '1)当該第三者による体制の整備の方法',
      '提供先との委託契約で',
      '4)当該外国の名称',
      'シンガポール',
      '7)6)の支障に関して',
    ])
      expect(pdf, words).toContain(words);

    const partial = await ask();
    await desk.call(C.decide, {
      params: { id: partial.body.id },
      body: { scope: 'partial', groundCodes: ['j8813l'], withheldItems: ['2'], note: '提供先との守秘契約で措置の詳細の開示が禁じられているため', replyMethod: 'mail' },
    });
    const docx = await desk.call(C.replyLetterDocx, { params: { id: partial.body.id } });
    expect(docx.status).toBe(200);
    const text = docxText(docx.raw);
    for (const words of [
      '一部不提供',
      '提供しない旨の通知及びその理由（J.8.8.1 4）',
      '提供先との守秘契約で措置の詳細の開示が禁じられているため',
      'この項目は提供しません',
      '当該第三者による体制の整備の方法',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('利用目的の特定、安全管理措置、再提供の禁止');

    const none = await ask();
    await desk.call(C.decide, {
      params: { id: none.body.id },
      body: { scope: 'refused', groundCodes: ['j8813l'], note: '業務の適正な実施に著しい支障を及ぼすおそれがあるため', replyMethod: 'mail' },
    });
    const refused = pdfText((await desk.call(C.replyLetterPdf, { params: { id: none.body.id } })).raw).replace(/\s+/g, '');
    for (const words of ['不提供', '提供しない旨の通知及びその理由（J.8.8.14）', 'J.8.8.13l)', '著しい支障']) expect(refused, words).toContain(words);
    expect(refused).not.toContain('提供先との委託契約で');
  });
});

describe('組織の区分ごとの根拠: 法第28条第3項は個人情報取扱事業者、行政機関等は法第71条第3項', () => {
  const setProfile = (profile: 'private' | 'public' | 'designated_manager') =>
    asSystem(t.database, (tx) => tx.update(organizations).set({ profile }).where(eq(organizations.id, t.demoOrganizationId)));
  afterAll(() => setProfile('private'));

  /** The 一部不提供 letter (docx) of a new request under the organization's current profile. */
  async function partialLetter() {
    const created = await ask();
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const decided = await desk.call(C.decide, {
      params: { id: created.body.id },
      body: { scope: 'partial', groundCodes: ['j8813l'], withheldItems: ['2'], note: '提供先との守秘契約で措置の詳細の開示が禁じられているため', replyMethod: 'mail' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const docx = await desk.call(C.replyLetterDocx, { params: { id: created.body.id } });
    expect(docx.status).toBe(200);
    return { created, text: docxText(docx.raw) };
  }

  it('public（行政機関等）: 法第71条第3項の求めとして受け、回答書は第28条・規則第18条・J.8.8.1 も審査請求の教示も書かない', async () => {
    await setProfile('public');
    const { created, text } = await partialLetter();
    expect(created.body.kindLabel).toBe('外国にある第三者への提供に係る情報提供の求め');
    expect(created.body.deadline.basis).toContain('第71条第3項');
    expect(created.body.deadline.basis).not.toContain('第28条');
    for (const words of [
      '個人情報の保護に関する法律第71条第3項',
      '法第71条第3項',
      '事務又は事業の適正な遂行に著しい支障',
      '提供しない旨の通知及びその理由',
      'この項目は提供しません',
    ])
      expect(text, words).toContain(words);
    for (const words of ['第28条', '規則第18条', 'J.8.8.1', 'JIS Q 15001', '審査請求', '取消しを求める訴訟']) expect(text, words).not.toContain(words);
  });

  it('designated_manager（指定管理者）: 個人情報取扱事業者として法第28条第3項・規則第18条第3項ただし書（J.8.8.1 3 l)・4）', async () => {
    await setProfile('designated_manager');
    const { created, text } = await partialLetter();
    expect(created.body.deadline.basis).toContain('第28条第3項');
    for (const words of ['個人情報の保護に関する法律第28条第3項', '法第28条第3項（規則第18条第3項ただし書）', '提供しない旨の通知及びその理由（J.8.8.1 4）'])
      expect(text, words).toContain(words);
    for (const words of ['第71条', '審査請求']) expect(text, words).not.toContain(words);
  });
});
