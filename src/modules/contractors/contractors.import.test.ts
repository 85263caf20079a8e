import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { shiftJis } from '../../../tests/support/shiftJis.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { XLSX_TYPE } from '../../platform/exports/download.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { contractors } from './contractors.tables.ts';

// 委託先一覧の取込 (J.9.4 4; issue #12 one pipeline, #13 委託先 import/export) over real HTTP on a real
// database, with workbooks built in code: the export read back unchanged; a contractor list on the
// second sheet under a title row with the headings such lists use, ○/× and 和暦・シリアル値; a
// 法人番号 with a wrong check digit refused with the cell quoted; an unknown 所管部署 mapped and
// remembered; a column chosen by the user; Shift_JIS CSV.

let t: TestApp;
let pms: Client;
let head: Client;

function multipart(filename: string, content: Buffer, contentType = XLSX_TYPE) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const top = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([top, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function post(client: Client, query: string, file: Buffer, filename = '委託先一覧.xlsx', contentType = XLSX_TYPE) {
  const form = multipart(filename, file, contentType);
  return client.request('POST', `/api/imports/contractors${query}`, form.body, form.headers);
}

async function inspect(client: Client, query: `?${string}` | '', file: Buffer) {
  const form = multipart('委託先一覧.xlsx', file);
  if (query === '') return client.request('POST', '/api/imports/contractors/inspect', form.body, form.headers);
  return client.request('POST', `/api/imports/contractors/inspect${query}`, form.body, form.headers);
}

const allContractors = () => asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.organizationId, t.demoOrganizationId)).orderBy(contractors.name));
const departmentId = async (name: string) =>
  (
    await asSystem(t.database, (tx) =>
      tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, name))),
    )
  )[0]?.id;

/** A contractor list as offices keep it: a cover sheet, then the list under a title row. */
async function officeList(
  rows: (string | number | Date | null)[][],
  headings = ['No.', '委託先名', '法人番号', '所在地', '所管部署', '委託業務の内容', 'Pマーク', 'Pマーク有効期限', '契約期間（開始）', '契約期間（終了）', '特定個人情報', '備考'],
) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').addRow(['委託先管理台帳（令和8年度）']);
  const sheet = wb.addWorksheet('委託先一覧');
  sheet.addRow(['委託先一覧（令和8年12月1日現在）']);
  sheet.addRow(headings);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-07T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  head = await t.login('sales-head@demo.mamori.local');
});
afterAll(() => t.close());

describe('委託先一覧の取込（issue #12 の取込の流れ、J.9.4 4）', () => {
  it('出力 → 取込の往復: 出力したファイルは全行が「更新」でエラーがなく、取り込んでもすべての項目が変わらない', async () => {
    const before = await allContractors();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const exported = await pms.request('GET', '/api/contractors/export.xlsx');
    expect(exported.status).toBe(200);
    const dry = await post(pms, '?dryRun=1', exported.raw);
    expect(dry.status, JSON.stringify(dry.body).slice(0, 600)).toBe(200);
    expect(dry.body).toMatchObject({ total: before.length, valid: before.length, created: 0, updated: before.length, ignoredColumns: [] });
    const run = await post(pms, '?dryRun=0', exported.raw);
    expect(run.status, JSON.stringify(run.body).slice(0, 600)).toBe(200);
    const after = await allContractors();
    const strip = (rows: typeof before) => rows.map(({ updatedAt: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });

  it('2枚目のシートの表題の下の見出しを見つけ、○/×・和暦・シリアル値を読み、確認では何も書かない', async () => {
    const before = (await allContractors()).length;
    const file = await officeList([
      [1, '株式会社取込印刷', '5010001008846', '東京都新宿区西新宿2-8-1', '営業部', '会員向け会報の印刷・発送', '○', '令和9年3月31日', 46_113, 'R9.3.31', '×', '年1回実地確認'],
      [2, '取込データ入力有限会社', null, '大阪府大阪市', '総務部', '申込書のデータ入力', '×', null, '2026/4/1', '2027/3/31', 'あり', null],
    ]);
    const seen = await inspect(pms, '', file);
    expect(seen.status, JSON.stringify(seen.body).slice(0, 400)).toBe(200);
    expect(seen.body).toMatchObject({ register: 'contractors', label: '委託先一覧', headerRow: 2, rowCount: 2, missingColumns: [], columnProblems: [] });
    expect(seen.body.sheet).toMatchObject({ index: 2, name: '委託先一覧', reason: 'best_header' });
    expect(seen.body.columns).toContainEqual({ header: '委託先名', field: 'name', suggested: 'name', confidence: 'exact', source: 'dictionary' });
    expect(seen.body.columns).toContainEqual({ header: 'Pマーク', field: 'privacyMarkStatus', suggested: 'privacyMarkStatus', confidence: 'exact', source: 'dictionary' });

    const dry = await post(pms, '?dryRun=1', file);
    expect(dry.status, JSON.stringify(dry.body).slice(0, 600)).toBe(200);
    // 備考 is the 委託先's notes field now (issue #12); No. only numbers the rows and is not kept.
    expect(dry.body).toMatchObject({ total: 2, valid: 2, created: 2, ignoredColumns: ['No.'], keptColumns: [] });
    expect(await allContractors()).toHaveLength(before);

    const run = await post(pms, '?dryRun=0', file);
    expect(run.status, JSON.stringify(run.body).slice(0, 600)).toBe(200);
    const rows = await allContractors();
    const printing = rows.find((c) => c.name === '株式会社取込印刷');
    expect(printing).toMatchObject({
      corporateNumber: '5010001008846',
      departmentId: await departmentId('営業部'),
      privacyMarkStatus: 'certified',
      privacyMarkExpiresOn: '2027-03-31',
      contractStartsOn: '2026-04-01',
      contractEndsOn: '2027-03-31',
      specificPersonalInfo: false,
      note: '年1回実地確認',
    });
    expect(rows.find((c) => c.name === '取込データ入力有限会社')).toMatchObject({
      privacyMarkStatus: 'none',
      specificPersonalInfo: true,
      departmentId: await departmentId('総務部'),
    });
    const [audit] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.action, 'import'), eq(auditLog.entityType, 'contractors'))),
    );
    expect(audit?.rowCount).toBe(2);
  });

  it('1行でも誤りがあれば 422 で1行も書かない: 検査数字の誤った法人番号・ない日付・使えない値をセルを引用して返す', async () => {
    const before = await allContractors();
    const file = await officeList([
      [1, '正しい行株式会社', null, null, '営業部', '発送', '○', null, null, null, 'なし', null],
      [2, '番号違い株式会社', '1234567890123', null, '営業部', '発送', '○', null, null, null, 'なし', null],
      [3, '日付違い株式会社', null, null, '営業部', '発送', '○', '2027/2/30', null, null, 'なし', null],
      [4, '値違い株式会社', null, null, '営業部', '発送', 'たぶん', null, null, null, 'ときどき', null],
      [5, '期間違い株式会社', null, null, '営業部', '発送', '○', null, '2027/4/1', '2027/3/31', 'なし', null],
      [6, null, null, null, '営業部', '発送', '○', null, null, null, 'なし', null],
    ]);
    const run = await post(pms, '?dryRun=0', file);
    expect(run.status).toBe(422);
    expect(run.body.error?.message).toContain('5行にエラーがあるため、取り込みませんでした（1行も登録していません）');
    const errorsOf = (row: number) => run.body.rows.find((r) => r.row === row)?.errors ?? [];
    expect(errorsOf(4)[0]).toMatchObject({ field: '法人番号', message: expect.stringContaining('1234567890123') });
    expect(errorsOf(5)[0]).toMatchObject({ field: 'Pマーク有効期限', message: expect.stringContaining('2027/2/30') });
    expect(errorsOf(6).map((e) => e.field)).toEqual(['Pマーク', '特定個人情報']);
    expect(errorsOf(6)[0]?.message).toContain('Pマーク「たぶん」は使えません');
    expect(errorsOf(7)[0]).toMatchObject({ field: '契約期間（終了）', message: '契約終了日が契約開始日より前になっています' });
    expect(errorsOf(8)[0]).toMatchObject({ field: '委託先名', message: expect.stringContaining('名称') });
    expect(await allContractors()).toEqual(before);
  });

  it('見つからない所管部署を一度だけ挙げ、所属に対応付けると取り込め、次の取込では対応付けを覚えている', async () => {
    const file = await officeList([
      [1, '対応付け商事株式会社', null, null, '営業本部', 'カタログ発送', '○', null, null, null, 'なし', null],
      [2, '対応付け物流株式会社', null, null, '営業本部 ', '配送', '×', null, null, null, 'なし', null],
    ]);
    const dry = await post(pms, '?dryRun=1', file);
    expect(dry.body).toMatchObject({ total: 2, valid: 0 });
    expect(dry.body.unknownValues).toEqual([{ field: 'department', column: '所管部署', value: '営業本部', rows: [3, 4] }]);
    expect(dry.body.rows[0]?.errors[0]?.message).toContain('所管部署「営業本部」が見つかりません');

    const sales = await departmentId('営業部');
    const values = encodeURIComponent(JSON.stringify({ department: { 営業本部: sales } }));
    const run = await post(pms, `?dryRun=0&values=${values}`, file);
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    expect((await allContractors()).find((c) => c.name === '対応付け物流株式会社')?.departmentId).toBe(sales);

    const next = await officeList([[1, '記憶運輸株式会社', null, null, '営業本部', '配送', '×', null, null, null, 'なし', null]]);
    const again = await post(pms, '?dryRun=1', next);
    expect(again.body).toMatchObject({ total: 1, valid: 1, unknownValues: [] });
    expect(again.body.rememberedValues).toEqual([{ field: 'department', column: '所管部署', value: '営業本部', target: sales, rows: [3] }]);
  });

  it('辞書にない見出しは列の対応付けで選べ、その選択を次の取込で覚えている。ない項目を選ぶと 400', async () => {
    const file = await officeList(
      [[1, '列選択工業株式会社', null, null, '営業部', '名簿の封入', '○', null, null, null, 'なし', '年2回の報告']],
      ['No.', '取引先', '法人番号', '所在地', '所管部署', '依頼内容', 'Pマーク', 'Pマーク有効期限', '契約期間（開始）', '契約期間（終了）', '特定個人情報', '備考'],
    );
    const refused = await post(pms, '?dryRun=1', file);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain('「名称」の列がありません');

    const columns = encodeURIComponent(JSON.stringify({ 取引先: 'name', 依頼内容: 'entrustedWork' }));
    const seen = await inspect(pms, `?columns=${columns}`, file);
    expect(seen.body.columns.find((c) => c.header === '取引先')).toMatchObject({ field: 'name', source: 'chosen' });
    const run = await post(pms, `?dryRun=0&columns=${columns}`, file);
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    expect((await allContractors()).find((c) => c.name === '列選択工業株式会社')?.entrustedWork).toBe('名簿の封入');

    const remembered = await inspect(pms, '', file);
    expect(remembered.body.columns.find((c) => c.header === '取引先')).toMatchObject({ field: 'name', source: 'remembered' });

    const bad = await post(pms, `?dryRun=1&columns=${encodeURIComponent(JSON.stringify({ 取引先: 'company' }))}`, file);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('列の対応付けで「取引先」に指定した項目はありません');
  });

  it('Shift_JIS の CSV も同じ流れで読み、法人番号を数値にしない', async () => {
    const csv = shiftJis('委託先名,法人番号,委託業務の内容,Pマーク\r\nCSV商会株式会社,5010401089998,帳票の保管,未取得\r\n');
    const run = await post(pms, '?dryRun=0', csv, '委託先.csv', 'text/csv');
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    expect((await allContractors()).find((c) => c.name === 'CSV商会株式会社')).toMatchObject({ corporateNumber: '5010401089998', privacyMarkStatus: 'none' });
  });

  it('所属長は自分の所属でない委託先を取り込めない（行の誤りとして示し、何も書かない）', async () => {
    const file = await officeList([[1, '他部署委託株式会社', null, null, '総務部', '発送', '○', null, null, null, 'なし', null]]);
    const res = await post(head, '?dryRun=0', file);
    expect(res.status).toBe(422);
    expect(res.body.rows[0]?.errors[0]?.message).toContain('総務部の委託先を登録・変更する権限がありません');
    expect((await allContractors()).some((c) => c.name === '他部署委託株式会社')).toBe(false);
  });
});

describe('委託先の備考: フォームで書け、取込と行き来する（issue #12）', () => {
  const list = async (rows: string[][]) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('委託先一覧');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  };
  const noteOf = async (id: string) => (await pms.get(`/api/contractors/${id}`)).body.note;

  it('備考を登録・変更でき、2001文字は項目名つきの日本語で 400、書き込まれない', async () => {
    const created = await pms.request('POST', '/api/contractors', { name: '備考テスト株式会社', entrustedWork: '名簿の印刷', note: '年1回実地確認' });
    expect(created.status, JSON.stringify(created.body).slice(0, 400)).toBe(201);
    expect(created.body.note).toBe('年1回実地確認');
    const changed = await pms.request('PATCH', `/api/contractors/${created.body.id}`, { note: '令和8年度は書面で確認\n次回は実地' });
    expect(changed.status).toBe(200);
    expect(await noteOf(created.body.id)).toBe('令和8年度は書面で確認\n次回は実地');
    // Another field alone leaves 備考 as it is (PATCH changes only what is sent).
    expect((await pms.request('PATCH', `/api/contractors/${created.body.id}`, { contactName: '担当 一郎' })).status).toBe(200);
    expect(await noteOf(created.body.id)).toBe('令和8年度は書面で確認\n次回は実地');

    const tooLong = await pms.request('PATCH', `/api/contractors/${created.body.id}`, { note: 'あ'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toContainEqual({ path: 'note', message: '備考は2000文字以内で入力してください（2001文字入力されています）' });
    expect(await noteOf(created.body.id)).toBe('令和8年度は書面で確認\n次回は実地');
  });

  it('フォームで書いた備考は、備考の列のない取込では残り、備考の列のある取込で置き換わる', async () => {
    const created = await pms.request('POST', '/api/contractors', { name: '往復備考株式会社', entrustedWork: '発送代行', note: 'フォームで書いた備考' });
    expect(created.status).toBe(201);
    const without = await post(
      pms,
      '?dryRun=0',
      await list([
        ['委託先名', '委託業務の内容'],
        ['往復備考株式会社', '発送代行'],
      ]),
    );
    expect(without.status, JSON.stringify(without.body).slice(0, 600)).toBe(200);
    expect(without.body).toMatchObject({ updated: 1 });
    expect(await noteOf(created.body.id)).toBe('フォームで書いた備考');

    const withNote = await post(
      pms,
      '?dryRun=0',
      await list([
        ['委託先名', '委託業務の内容', '備考'],
        ['往復備考株式会社', '発送代行', '一覧の備考'],
      ]),
    );
    expect(withNote.status, JSON.stringify(withNote.body).slice(0, 600)).toBe(200);
    expect(await noteOf(created.body.id)).toBe('一覧の備考');
  });
});
