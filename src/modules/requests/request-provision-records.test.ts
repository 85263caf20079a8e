import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { noticesContract as N } from '../notices/notices.contract.ts';
import { requestsContract as C } from './requests.contract.ts';

// 第三者提供記録の開示 (法第33条第5項, J.10.5; SPEC M6 "A 開示 request for 第三者提供記録 pulls the
// matching records"): the request looks up the 第三者提供記録・確認記録 through notices.api.ts by the
// person as the records store them, lists them for the decision, and the reply letter lists them.

let t: TestApp;
let desk: Client;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  desk = await t.login('desk@demo.mamori.local');
  pms = await t.login('pms@demo.mamori.local');
  const r = await pms.call(N.createProvisionRecord, {
    body: {
      kind: 'provision',
      basis: 'consent',
      form: 'individual',
      recordedOn: '2026-05-01',
      providedOn: '2026-05-01',
      counterpartyKind: 'corporation',
      counterpartyName: '株式会社 開示印刷',
      subject: '会員番号 A-0777 開示 花子',
      dataItems: '氏名、住所',
      consentObtained: true,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
});
afterAll(() => t.close());

const request = (requesterName: string, kind: 'provision_record_disclosure' | 'disclosure' = 'provision_record_disclosure') =>
  desk.call(C.create, { body: { receivedOn: '2026-05-07', channel: 'counter', kind, requesterName, content: '私に関する第三者提供記録の開示を求めます' } });

describe('第三者提供記録の開示（法第33条第5項）', () => {
  it('請求者の氏名（全角空白の違いを含む）で記録を見つけ、閲覧を監査ログに記録する', async () => {
    const created = await request('開示　花子');
    const r = await desk.call(C.provisionRecords, { params: { id: created.body.id } });
    expect(r.status).toBe(200);
    expect(r.body.applies).toBe(true);
    expect(r.body.items.map((i) => [i.kindLabel, i.counterpartyName])).toEqual([['第三者提供記録', '株式会社 開示印刷']]);
    const reads = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityType, 'provision_records'))),
    );
    expect(reads.length).toBeGreaterThan(0);
  });

  it('記録上の本人の表記（会員番号）を記録すると、その表記で記録を引く; 他の種類の請求には記録できない（422）', async () => {
    const created = await request('別人 太郎');
    expect((await desk.call(C.provisionRecords, { params: { id: created.body.id } })).body.items).toEqual([]);
    const patched = await desk.call(C.update, { params: { id: created.body.id }, body: { recordSubject: '会員番号 A-0001' } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.recordSubject).toBe('会員番号 A-0001');
    const found = await desk.call(C.provisionRecords, { params: { id: created.body.id } });
    expect(found.body.items.map((i) => i.counterpartyName)).toEqual(['豊島印刷株式会社']);

    const other = await request('開示 花子', 'disclosure');
    const refused = await desk.call(C.update, { params: { id: other.body.id }, body: { recordSubject: '会員番号 A-0777' } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain(
      '記録上の本人の表記（会員番号など）は第三者提供記録の開示の請求と外国にある第三者への提供に係る情報提供の求めのときだけ記録できます',
    );
    expect((await desk.call(C.provisionRecords, { params: { id: other.body.id } })).body).toEqual({ applies: false, items: [] });
  });

  it.skipIf(skipPdfChecks)('回答書に開示する記録（種類・作成日・相手方・項目）が載る', async () => {
    const created = await request('開示 花子');
    expect((await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'full', replyMethod: 'mail' } })).status).toBe(200);
    const text = pdfText((await desk.call(C.replyLetterPdf, { params: { id: created.body.id } })).raw).replace(/\s+/g, '');
    for (const words of ['第三者提供記録の開示の請求に対する回答書', '全部開示', '法律第33条第5項', '開示する第三者提供記録・確認記録', '株式会社開示印刷', '氏名、住所'])
      expect(text, words).toContain(words);
  });
});
