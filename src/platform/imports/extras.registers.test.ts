import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { contractors } from '../../modules/contractors/contractors.tables.ts';
import { laws } from '../../modules/laws/laws.tables.ts';
import { asSystem } from '../db/tenancy.ts';
import { XLSX_TYPE } from '../exports/download.ts';
import { people } from '../org/org.tables.ts';

// 取込時の追加情報 and 備考 for every register on the one pipeline (issue #12: 「Unmapped columns can be
// kept: 備考 into a notes field; other columns into a 「取込時の追加情報」 key/value block on the record,
// visible on its page and in the export」), over real HTTP on a real database: 従業者・委託先・法令規範
// each keep a file's other columns as written, show them on the record, write them in the export,
// and an export imported back leaves every record unchanged.

let t: TestApp;
let pms: Client;

function multipart(content: Buffer) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="register.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const post = (path: string, file: Buffer) => {
  const form = multipart(file);
  return pms.requestAnyRoute('POST', path, form.body, form.headers);
};

async function workbook(headings: string[], rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('一覧');
  sheet.addRow(headings);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What each register's test needs: its route, a file with 備考 and two columns no field takes, its export, its stored rows, its page. */
type Register = {
  register: string;
  label: string;
  /** Whether 備考 is the register's own notes field (people and contractors got one with this issue; laws had it). */
  file: () => Promise<Buffer>;
  exportPath: string;
  rows: () => Promise<{ id: string; name: string; note: string | null; importExtras: { heading: string; value: string }[] | null; updatedAt: Date }[]>;
  detailPath: (id: string) => string;
  name: string;
};

const registers: Register[] = [
  {
    register: 'people',
    label: '従業者',
    name: '追加 情報子',
    file: () =>
      workbook(
        ['No.', '従業者番号', '氏名', '備考', '内線', '社員区分コード'],
        [
          ['1', 'X-001', '追加 情報子', '産休中（2027年3月復帰予定）', '2315', 'A1'],
          ['2', 'X-002', '追加 空欄', null, null, 'B2'],
        ],
      ),
    exportPath: '/api/people/export.xlsx?status=all',
    rows: () => asSystem(t.database, (tx) => tx.select().from(people).where(eq(people.organizationId, t.demoOrganizationId)).orderBy(people.id)),
    detailPath: (id) => `/api/people/${id}`,
  },
  {
    register: 'contractors',
    label: '委託先',
    name: '追加情報テスト株式会社',
    file: () =>
      workbook(
        ['No.', '委託先名', '委託業務', '備考', '内線', '社員区分コード'],
        [
          ['1', '追加情報テスト株式会社', '発送代行', '産休中（2027年3月復帰予定）', '2315', 'A1'],
          ['2', '追加空欄合同会社', '印刷', null, null, 'B2'],
        ],
      ),
    exportPath: '/api/contractors/export.xlsx',
    rows: () => asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.organizationId, t.demoOrganizationId)).orderBy(contractors.id)),
    detailPath: (id) => `/api/contractors/${id}`,
  },
  {
    register: 'laws',
    label: '法令規範',
    name: '追加情報の規範',
    file: () =>
      workbook(
        ['No.', '名称', '種別', '備考', '内線', '社員区分コード'],
        [
          ['1', '追加情報の規範', '指針', '産休中（2027年3月復帰予定）', '2315', 'A1'],
          ['2', '追加空欄の規範', '指針', null, null, 'B2'],
        ],
      ),
    exportPath: '/api/laws/export.xlsx',
    rows: () => asSystem(t.database, (tx) => tx.select().from(laws).where(eq(laws.organizationId, t.demoOrganizationId)).orderBy(laws.id)),
    detailPath: (id) => `/api/laws/${id}`,
  },
];

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-07T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe.each(registers)('取込時の追加情報と備考（issue #12、$register）', (r) => {
  it(`${r.label}: 備考は備考の項目に、ほかのどの項目にも対応しない列は「取込時の追加情報」に書かれたまま残し（No. の列と空のセルは残さない）、記録の画面の応答に出す`, async () => {
    const file = await r.file();
    const inspected = await post(`/api/imports/${r.register}/inspect`, file);
    expect(inspected.status, JSON.stringify(inspected.body).slice(0, 400)).toBe(200);
    expect(inspected.body).toMatchObject({ keptColumns: ['内線', '社員区分コード'], keepableColumns: ['内線', '社員区分コード'], ignoredColumns: ['No.'] });
    expect((inspected.body as { columns: { header: string; field: string | null }[] }).columns.find((c: { header: string }) => c.header === '備考')).toMatchObject({
      field: 'note',
    });

    const run = await post(`/api/imports/${r.register}?dryRun=0`, file);
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    expect(run.body).toMatchObject({ created: 2, keptColumns: ['内線', '社員区分コード'], ignoredColumns: ['No.'] });
    const stored = (await r.rows()).find((row) => row.name === r.name);
    expect(stored?.note).toBe('産休中（2027年3月復帰予定）');
    expect(stored?.importExtras).toEqual([
      { heading: '内線', value: '2315' },
      { heading: '社員区分コード', value: 'A1' },
    ]);
    const detail = await pms.requestAnyRoute('GET', r.detailPath(stored?.id ?? ''));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ note: '産休中（2027年3月復帰予定）', importExtras: stored?.importExtras });
  });

  it(`${r.label}: 出力の最後の列「取込時の追加情報」に「見出し: 値」を1行ずつ書き、出力 → 取込の往復で備考・追加情報を含むすべての項目が変わらない`, async () => {
    const before = await r.rows();
    expect(before.some((row) => row.importExtras?.length === 2)).toBe(true);
    const exported = await pms.requestAnyRoute('GET', r.exportPath);
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.raw as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('the export has no sheet');
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings.at(-1)).toBe('取込時の追加情報');
    expect(headings).toContain('備考');
    const nameColumn = headings.indexOf(r.register === 'people' ? '氏名' : '名称') + 1;
    let cell: unknown = null;
    sheet.eachRow((row) => {
      if (row.getCell(nameColumn).value === r.name) cell = row.getCell(headings.length).value;
    });
    expect(cell).toBe('内線: 2315\n社員区分コード: A1');

    const dry = await post(`/api/imports/${r.register}?dryRun=1`, exported.raw);
    expect(dry.status, JSON.stringify(dry.body).slice(0, 400)).toBe(200);
    expect(dry.body).toMatchObject({ created: 0, updated: before.length, ignoredColumns: [], keptColumns: [] });
    const run = await post(`/api/imports/${r.register}?dryRun=0`, exported.raw);
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    const strip = (rows: typeof before) => rows.map(({ updatedAt: _u, ...rest }) => rest);
    expect(strip(await r.rows())).toEqual(strip(before));
  });

  it(`${r.label}: keep=[] は追加情報を残さず、その列を「取り込まない列」として示す（既存の記録の追加情報は消える）。keep が配列でなければ 400`, async () => {
    const file = await r.file();
    const dry = await post(`/api/imports/${r.register}?dryRun=1&keep=${encodeURIComponent('[]')}`, file);
    expect(dry.status, JSON.stringify(dry.body).slice(0, 400)).toBe(200);
    expect(dry.body).toMatchObject({ keptColumns: [], ignoredColumns: ['No.', '内線', '社員区分コード'], updated: 2 });
    const run = await post(`/api/imports/${r.register}?dryRun=0&keep=${encodeURIComponent('["内線"]')}`, file);
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    expect((await r.rows()).find((row) => row.name === r.name)?.importExtras).toEqual([{ heading: '内線', value: '2315' }]);
    const bad = await post(`/api/imports/${r.register}?dryRun=1&keep=${encodeURIComponent('{"内線":true}')}`, file);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toContain('残す列');
  });
});
