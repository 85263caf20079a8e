import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { shiftJis } from '../../../tests/support/shiftJis.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { XLSX_TYPE } from '../../platform/exports/download.ts';
import { lawsContract as C } from './laws.contract.ts';
import { laws } from './laws.tables.ts';

// 法令規範一覧の出力と取込 (SPEC §3 Imports/Exports, issue #12) over real HTTP on a real database,
// with fixture workbooks built in code: a title row above the headings, the headings consultant
// templates use, the list on the second sheet, 和暦 and serial dates, なし/－ placeholders, a
// Shift_JIS CSV, a dry run that writes nothing, an all-or-nothing commit, and export → import unchanged.

let t: TestApp;
let pms: Client;
let staff: Client;

function multipart(filename: string, content: Buffer, contentType = XLSX_TYPE) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: Client, file: Buffer, dryRun: '0' | '1', filename = '法令規範一覧.xlsx', contentType = XLSX_TYPE) {
  const form = multipart(filename, file, contentType);
  return client.request('POST', `/api/imports/laws?dryRun=${dryRun}`, form.body, form.headers);
}

async function workbookOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const allLaws = () => asSystem(t.database, (tx) => tx.select().from(laws).where(eq(laws.organizationId, t.demoOrganizationId)).orderBy(laws.name));

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-07T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
});
afterAll(() => t.close());

/** A consultant-template 法令等一覧表 on the second sheet, under a title row, with the template's headings. */
const templateFile = (rows: (string | number | Date | null)[][]) =>
  workbookOf((wb) => {
    wb.addWorksheet('表紙').addRow(['個人情報保護マネジメントシステム 文書']);
    const sheet = wb.addWorksheet('法令等一覧表');
    sheet.addRow(['個人情報保護に関する法令規範一覧（令和8年12月改訂）']);
    sheet.addRow(['法令等の名称', '区分', '所管官庁', '法令番号', '最終改正', 'URL', '関係業務', '備考', '管理番号']);
    for (const r of rows) sheet.addRow(r);
  });

describe('法令規範一覧の取込（テンプレートの見出し・表題の行・2枚目のシート）', () => {
  it('確認のみ（dryRun=1）は各行を読んで報告し、何も書かない: 和暦・シリアル値の日付、「なし」「－」は空', async () => {
    const before = (await allLaws()).length;
    const file = await templateFile([
      [
        '不正アクセス行為の禁止等に関する法律',
        '法律',
        '国家公安委員会・総務省・経済産業省',
        '平成11年法律第128号',
        '令和4年6月17日',
        'https://laws.e-gov.go.jp/law/411AC0000000128',
        '社内システムの運用',
        'なし',
        'L-01',
      ],
      ['特定電子メールの送信の適正化等に関する法律', '法律', '総務省・消費者庁', '平成14年法律第26号', 44_718, '－', 'メールマガジンの配信', null, 'L-02'],
      ['一般社団法人日本マーケティング・リサーチ協会 綱領', '自主規制', '日本マーケティング・リサーチ協会', null, 'R5.4.1', null, '市場調査業務', '会員規程', 'L-03'],
    ]);
    const res = await upload(pms, file, '1');
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    // 管理番号 is no field's column: kept on each entry as 取込時の追加情報 (issue #12).
    expect(res.body).toMatchObject({ dryRun: true, total: 3, valid: 3, created: 3, updated: 0, headerRow: 2, ignoredColumns: [], keptColumns: ['管理番号'] });
    expect(res.body.sheet.message).toContain('「法令等一覧表」（2枚目');
    expect(await allLaws()).toHaveLength(before);

    const run = await upload(pms, file, '0');
    expect(run.status, JSON.stringify(run.body).slice(0, 500)).toBe(200);
    const rows = await allLaws();
    expect(rows).toHaveLength(before + 3);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('不正アクセス行為の禁止等に関する法律')).toMatchObject({ kind: 'act', lastAmendedOn: '2022-06-17', note: null, approvedAt: null });
    expect(byName.get('特定電子メールの送信の適正化等に関する法律')).toMatchObject({ lastAmendedOn: '2022-06-06', url: null });
    expect(byName.get('一般社団法人日本マーケティング・リサーチ協会 綱領')).toMatchObject({
      kind: 'industry',
      lastAmendedOn: '2023-04-01',
      application: '市場調査業務',
      note: '会員規程',
    });
    const [event] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'import'), eq(auditLog.entityType, 'laws')))
        .orderBy(desc(auditLog.id))
        .limit(1),
    );
    expect(event?.rowCount).toBe(3);
  });

  it('1行でも誤りがあれば 1行も書かない（422）: 存在しない日・知らない種別・http(s) 以外の URL をセルを引用して行ごとに返す', async () => {
    const before = await allLaws();
    const file = await templateFile([
      ['正しい行の法律', '法律', null, null, null, null, null, null, null],
      ['改正日の誤り', '法律', null, null, '令和5年2月30日', null, null, null, null],
      ['種別の誤り', '通達みたいなもの', null, null, null, null, null, null, null],
      ['URL の誤り', 'ガイドライン', null, null, null, 'ftp://example.jp/a', null, null, null],
      [null, '法律', null, null, null, null, null, null, null],
    ]);
    const res = await upload(pms, file, '0');
    expect(res.status).toBe(422);
    const body = res.body as unknown as { error: { message: string }; rows: { row: number; errors: { field: string; message: string }[] }[] };
    expect(body.error.message).toBe('4行にエラーがあるため、取り込みませんでした（1行も登録していません）。エラーを直して再度取り込んでください');
    const errorsOf = (row: number) => body.rows.find((r) => r.row === row)?.errors ?? [];
    expect(errorsOf(4)[0]).toMatchObject({ field: '最終改正日' });
    expect(errorsOf(4)[0]?.message).toContain('令和5年2月30日');
    expect(errorsOf(5)[0]?.message).toContain('種別「通達みたいなもの」は使えません');
    expect(errorsOf(6)[0]).toEqual({ field: '参照先URL', message: '参照先URLは http:// または https:// で始まるアドレスで入力してください' });
    expect(errorsOf(7)[0]).toEqual({ field: '名称', message: '名称を入力してください' });
    expect(await allLaws()).toEqual(before);
  });

  it('Shift_JIS の CSV（日本語版 Excel の「CSV」）も読む', async () => {
    const csv = shiftJis('法令名,種別,所管,法令番号,改正日\r\n労働安全衛生法,法律,厚生労働省,昭和47年法律第57号,H30.7.6\r\n');
    const res = await upload(pms, csv, '1', '法令一覧.csv', 'text/csv');
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body).toMatchObject({ total: 1, valid: 1, created: 1 });
  });

  it('名称の列がないファイルは見出し行を示して拒む（400）', async () => {
    const file = await workbookOf((wb) => {
      const s = wb.addWorksheet('一覧');
      s.addRow(['区分', '所管官庁', '法令番号']);
      s.addRow(['法律', '総務省', '平成15年法律第57号']);
    });
    const res = await upload(pms, file, '1');
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('見出し行（1行目）に「名称」の列がありません');
  });

  it('役割のない従業者は取り込めない（403）', async () => {
    const res = await upload(staff, await templateFile([['侵入の法律', '法律', null, null, null, null, null, null, null]]), '0');
    expect(res.status).toBe(403);
  });
});

describe('法令規範一覧の出力 → 取込（issue #12: Mamori が出力したファイルは変わらずに戻る）', () => {
  it('出力したファイルをそのまま取り込むと、すべての項目が変わらず、承認も残る', async () => {
    const created = await pms.call(C.create, {
      body: {
        name: '=式に見える名称の規範',
        kind: 'contract',
        issuer: '株式会社取引先',
        number: '契約第12号',
        lastAmendedOn: '2025-10-01',
        url: 'https://example.jp/contract?a=1&b=2',
        application: '受託業務A\n受託業務B',
        status: 'repealed',
        identifiedOn: '2026-01-15',
        note: '改行を含む\n備考',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await pms.call(C.approve, { params: { id: created.body.id } });
    const before = await allLaws();
    expect(before.filter((l) => l.approvedAt !== null).length).toBeGreaterThan(0);

    const exported = await pms.call(C.exportXlsx);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX_TYPE);
    const dry = await upload(pms, exported.raw, '1', 'export.xlsx');
    expect(dry.status, JSON.stringify(dry.body).slice(0, 500)).toBe(200);
    expect(dry.body).toMatchObject({ total: before.length, valid: before.length, created: 0, updated: before.length, ignoredColumns: [] });
    const run = await upload(pms, exported.raw, '0', 'export.xlsx');
    expect(run.status, JSON.stringify(run.body).slice(0, 500)).toBe(200);
    expect(await allLaws()).toEqual(before);
  });
});
