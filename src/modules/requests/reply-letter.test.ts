import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { approvalsContract as A } from '../../platform/approvals/approvals.contract.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { requestsContract as C } from './requests.contract.ts';

// 回答書・決定通知書 (J.10.4–J.10.7, J.10.2 i; 法第82条第1項・第2項, 第93条, 第101条 for the public
// profile): the PDF read back with pdftotext and the .docx from word/document.xml, per decision
// kind; 「案」 before the 個人情報保護管理者 approves (J.10.4 c)); no English or internal keys.

let t: TestApp;
let desk: Client;
let pms: Client;
let staff: Client;

/** The text of a .docx: every paragraph of word/document.xml, tags removed. */
function docxText(raw: Buffer): string {
  const files = unzipSync(new Uint8Array(raw));
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
}

/** Latin words left once the 受付番号 and the standard's name are taken out: none may remain. */
function latinWords(text: string): string[] {
  return (
    text
      .replace(/REQ-\d{4}-\d{4}/g, '')
      .replace(/JIS\s*Q\s*15001/g, '')
      .match(/[A-Za-z_]{2,}/g) ?? []
  );
}

const setProfile = (profile: 'public' | 'private') => asSystem(t.database, (tx) => tx.update(organizations).set({ profile }).where(eq(organizations.id, t.demoOrganizationId)));

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-04-10T10:00:00+09:00');
  desk = await t.login('desk@demo.mamori.local');
  pms = await t.login('pms@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
});
afterAll(() => t.close());

async function decided(kind: 'disclosure' | 'correction', decision: { scope: 'full' | 'partial' | 'refused'; groundCodes?: string[]; note?: string; feeYen?: number }) {
  const created = await desk.call(C.create, {
    body: { receivedOn: '2026-04-02', channel: 'counter', kind, requesterName: '回答 一郎', requesterAddress: '東京都豊島区東池袋一丁目', content: '私の記録について' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const r = await desk.call(C.decide, { params: { id }, body: { replyMethod: 'mail', ...decision } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { id, number: created.body.number };
}

describe.skipIf(skipPdfChecks)('回答書・決定通知書（PDF・docx）', () => {
  it('法第82条第1項・第78条第1項第2号: public の一部開示 — 承認前は「案」、承認後は案が消え、決定・根拠・手数料・教示（審査請求）を記載', async () => {
    await setProfile('public');
    const { id, number } = await decided('disclosure', { scope: 'partial', groundCodes: ['a78-2'], note: '第三者の氏名を除いて開示する', feeYen: 300 });

    const draftPdf = await desk.call(C.replyLetterPdf, { params: { id } });
    expect(draftPdf.status).toBe(200);
    expect(draftPdf.headers['content-type']).toBe('application/pdf');
    const draft = pdfText(draftPdf.raw).replace(/\s+/g, '');
    expect(draft).toContain('（案）開示の請求に対する決定通知書');
    expect(draft).toContain('個人情報保護管理者の承認前');

    const submitted = await desk.call(C.submitReply, { params: { id } });
    expect((await pms.call(A.approve, { params: { id: submitted.body.approvalRequestId }, body: {} })).status).toBe(200);

    const text = pdfText((await desk.call(C.replyLetterPdf, { params: { id } })).raw).replace(/\s+/g, '');
    expect(text).not.toContain('（案）');
    for (const words of [
      '開示の請求に対する決定通知書',
      '回答一郎様',
      '東京都豊島区東池袋一丁目',
      number,
      '令和8年4月2日',
      '一部開示',
      '個人情報の保護に関する法律第82条第1項',
      '法第78条第1項第2号',
      '開示請求者以外の個人に関する情報',
      '行政手続法第8条',
      '第三者の氏名を除いて開示する',
      '郵送（書面）',
      '300円',
      '審査請求',
      '行政事件訴訟法',
      '個人情報保護管理者',
    ])
      expect(text, words).toContain(words);
    expect(latinWords(text)).toEqual([]);

    const docx = await desk.call(C.replyLetterDocx, { params: { id } });
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const xml = docxText(docx.raw).replace(/\s+/g, '');
    for (const words of ['開示の請求に対する決定通知書', '回答一郎様', '一部開示', '個人情報の保護に関する法律第82条第1項', '法第78条第1項第2号', '300円', '審査請求'])
      expect(xml, words).toContain(words);
    expect(xml).not.toContain('（案）');
    expect(latinWords(xml)).toEqual([]);

    // The requester's name went out in a document: an export of personal data in the audit log.
    const exports = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'export'), eq(auditLog.entityType, 'requests'), eq(auditLog.entityId, id))),
    );
    expect(exports.length).toBeGreaterThanOrEqual(3);
  });

  it('法第82条第2項: public の不開示 — 不開示・第82条第2項・理由（法第81条 存否応答拒否）、手数料は無料', async () => {
    await setProfile('public');
    const { id } = await decided('disclosure', { scope: 'refused', groundCodes: ['a81'] });
    const text = pdfText((await desk.call(C.replyLetterPdf, { params: { id } })).raw).replace(/\s+/g, '');
    for (const words of ['（案）', '不開示', '個人情報の保護に関する法律第82条第2項', '法第81条', '存否応答拒否', '無料']) expect(text, words).toContain(words);
    expect(text).not.toContain('第82条第1項');
    const xml = docxText((await desk.call(C.replyLetterDocx, { params: { id } })).raw).replace(/\s+/g, '');
    for (const words of ['（案）', '不開示', '第82条第2項', '存否応答拒否']) expect(xml, words).toContain(words);
  });

  it('法第33条第2項第1号: private の一部開示 — 本人への回答書は法の条項を根拠に挙げ、JIS の箇条（J.10.5 2 a)）は挙げない', async () => {
    await setProfile('private');
    const { id } = await decided('disclosure', { scope: 'partial', groundCodes: ['j105a'], note: '第三者の氏名を除いて開示する' });
    const text = pdfText((await desk.call(C.replyLetterPdf, { params: { id } })).raw).replace(/\s+/g, '');
    for (const words of ['一部開示', '法第33条第2項第1号', '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある']) expect(text, words).toContain(words);
    expect(text).not.toContain('J.10.52a)');
    const xml = docxText((await desk.call(C.replyLetterDocx, { params: { id } })).raw).replace(/\s+/g, '');
    expect(xml).toContain('法第33条第2項第1号');
    expect(xml).not.toContain('J.10.52a)');
    // Staff see both: the law's article with the internal clause beside it.
    const detail = await desk.call(C.detail, { params: { id } });
    expect(detail.body.decision?.grounds).toEqual([expect.objectContaining({ code: 'j105a', clause: 'J.10.5 2 a)', law: '法第33条第2項第1号' })]);
  });

  it('J.10.2 代理人による請求: 回答の送付先が代理人なら代理人の住所・氏名あてで本人を明記し、本人なら本人あてで代理人を明記する', async () => {
    await setProfile('private');
    const create = (replyTo: 'agent' | 'principal') =>
      desk.call(C.create, {
        body: {
          receivedOn: '2026-04-02',
          channel: 'mail',
          kind: 'disclosure',
          requesterName: '本人 花子',
          requesterAddress: '東京都豊島区東池袋一丁目',
          agentKind: 'voluntary',
          agentName: '弁護士 田村 次郎',
          agentAddress: '東京都千代田区丸の内二丁目 田村法律事務所',
          agentContact: 'agent@example.jp',
          replyTo,
          content: '本人の会員情報の開示を求めます',
        },
      });
    const toAgent = await create('agent');
    expect(toAgent.status, JSON.stringify(toAgent.body)).toBe(201);
    await desk.call(C.decide, { params: { id: toAgent.body.id }, body: { replyMethod: 'mail', scope: 'full' } });
    const detail = await desk.call(C.detail, { params: { id: toAgent.body.id } });
    expect(detail.body).toMatchObject({ agentAddress: '東京都千代田区丸の内二丁目 田村法律事務所', agentContact: 'agent@example.jp', replyTo: 'agent', replyToLabel: '代理人' });
    const agentLetter = pdfText((await desk.call(C.replyLetterPdf, { params: { id: toAgent.body.id } })).raw).replace(/\s+/g, '');
    expect(agentLetter).toContain('東京都千代田区丸の内二丁目田村法律事務所');
    expect(agentLetter).toContain('弁護士田村次郎様');
    expect(agentLetter).toContain('本人本人花子様の任意代理人（委任状）');
    expect(agentLetter).not.toContain('東京都豊島区東池袋一丁目');

    const toPrincipal = await create('principal');
    await desk.call(C.decide, { params: { id: toPrincipal.body.id }, body: { replyMethod: 'mail', scope: 'full' } });
    const principalLetter = docxText((await desk.call(C.replyLetterDocx, { params: { id: toPrincipal.body.id } })).raw).replace(/\s+/g, '');
    expect(principalLetter).toContain('東京都豊島区東池袋一丁目');
    expect(principalLetter).toContain('本人花子様');
    expect(principalLetter).toContain('（任意代理人（委任状）弁護士田村次郎様）');
    expect(principalLetter).not.toContain('丸の内');

    // 代理人の住所・連絡先 belong to a request by an agent only.
    const stray = await desk.call(C.create, {
      body: { receivedOn: '2026-04-02', channel: 'mail', kind: 'disclosure', requesterName: '本人 三郎', agentContact: 'x@example.jp', content: '開示' },
    });
    expect(stray.status).toBe(422);
    expect(JSON.stringify(stray.body)).toContain('代理人の連絡先は代理人による請求のときだけ');
  });

  it('J.10.6・法第34条: private の訂正しない — 回答書、J.10.6 の理由、法第36条（理由の説明）、審査請求の教示はない', async () => {
    await setProfile('private');
    const { id } = await decided('correction', { scope: 'refused', groundCodes: ['j106-facts'] });
    const text = pdfText((await desk.call(C.replyLetterPdf, { params: { id } })).raw).replace(/\s+/g, '');
    for (const words of [
      '訂正・追加・削除の請求に対する回答書',
      '訂正等をしない',
      '個人情報の保護に関する法律第34条第2項・第3項',
      'J.10.6',
      '事実でないとは認められない',
      '法律第36条',
      '苦情・相談窓口',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('審査請求');
    expect(latinWords(text)).toEqual([]);
    const xml = docxText((await desk.call(C.replyLetterDocx, { params: { id } })).raw).replace(/\s+/g, '');
    for (const words of ['回答書', '訂正等をしない', '第34条']) expect(xml, words).toContain(words);
    expect(latinWords(xml)).toEqual([]);
  });

  it('決定の前・苦情には作れない（409、日本語）; requests.manage のない者は 403', async () => {
    const created = await desk.call(C.create, { body: { receivedOn: '2026-04-02', channel: 'counter', kind: 'disclosure', requesterName: '未決 花子', content: '開示' } });
    const early = await desk.call(C.replyLetterPdf, { params: { id: created.body.id } });
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body)).toContain('決定を記録してから回答書を作成してください');
    const complaint = await desk.call(C.create, { body: { receivedOn: '2026-04-02', channel: 'phone', kind: 'complaint', requesterName: '苦情 次郎', content: '対応が遅い' } });
    expect((await desk.call(C.replyLetterDocx, { params: { id: complaint.body.id } })).status).toBe(409);
    expect((await staff.call(C.replyLetterPdf, { params: { id: created.body.id } })).status).toBe(403);
  });
});
