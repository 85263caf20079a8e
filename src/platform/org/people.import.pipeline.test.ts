import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../db/tenancy.ts';
import { XLSX_TYPE } from '../exports/download.ts';
import { departments, people } from './org.tables.ts';

// 従業者の取込 on the 台帳's pipeline (issue #12 「One import pipeline」): the row limit by database
// kind, the inspection (every sheet previewed, the sheet and header row chosen or given), and
// unknown 所属 names listed once, mapped and remembered per organization.

let t: TestApp;
let pms: Client;

function multipart(filename: string, content: Buffer, contentType = XLSX_TYPE) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function post(client: Client, url: `/api/imports/people?${string}`, file: Buffer, filename = 'roster.xlsx') {
  const form = multipart(filename, file, filename.endsWith('.csv') ? 'text/csv' : XLSX_TYPE);
  return client.request('POST', url, form.body, form.headers);
}

async function inspect(client: Client, query: `?${string}` | '', file: Buffer) {
  const form = multipart('roster.xlsx', file);
  if (query === '') return client.request('POST', '/api/imports/people/inspect', form.body, form.headers);
  return client.request('POST', `/api/imports/people/inspect${query}`, form.body, form.headers);
}

async function workbook(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function departmentIdOf(name: string): Promise<string> {
  const [row] = await asSystem(t.database, (tx) =>
    tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, name))),
  );
  if (!row) throw new Error(`no department ${name}`);
  return row.id;
}

async function personByNumber(employeeNumber: string) {
  const [row] = await asSystem(t.database, (tx) =>
    tx
      .select({ name: people.name, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.employeeNumber, employeeNumber))),
  );
  return row;
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('従業者の取込: 行数の上限（issue #12 Scale、台帳と同じ 10,000行／PostgreSQL 50,000行）', () => {
  const csv = (rows: number, prefix = 'L') =>
    Buffer.from(['従業者番号,氏名,所属', ...Array.from({ length: rows }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')},上限 太郎${i + 1},営業部`)].join('\n'), 'utf8');

  it('5,001行の名簿は上限の内として確認できる（以前の 5,000行の上限はない）', async () => {
    const res = await post(pms, '/api/imports/people?dryRun=1', csv(5001), '上限.csv');
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ total: 5001, valid: 5001 });
  }, 120_000);

  it('新しい従業者は 500 行ずつ書き込み（複数行の INSERT）、1,201 行が全員、所属つきで1つのトランザクションに入る', async () => {
    const before = await asSystem(t.database, (tx) => tx.select({ id: people.id }).from(people).where(eq(people.organizationId, t.demoOrganizationId)));
    const res = await post(pms, '/api/imports/people?dryRun=0', csv(1201, 'B'), '一括.csv');
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ total: 1201, created: 1201, updated: 0 });
    const after = await asSystem(t.database, (tx) => tx.select({ id: people.id }).from(people).where(eq(people.organizationId, t.demoOrganizationId)));
    expect(after.length - before.length).toBe(1201);
    expect(await personByNumber('B01201')).toMatchObject({ name: '上限 太郎1201', departmentId: await departmentIdOf('営業部') });
  }, 120_000);

  it('上限を超える名簿は 400 で、上限と行数を日本語で示す（何も書き込まない）', async () => {
    const limit = t.database.kind === 'postgres' ? 50_000 : 10_000;
    const res = await post(pms, '/api/imports/people?dryRun=0', csv(limit + 1), '超過.csv');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `一度に取り込めるのは${limit.toLocaleString('ja-JP')}行までです（このファイルは${(limit + 1).toLocaleString('ja-JP')}行）。ファイルを分けてください`,
    );
    expect(await personByNumber('L00001')).toBeUndefined();
  }, 120_000);
});

describe('従業者の取込の読込（POST /api/imports/people/inspect、issue #12 段階1・2）', () => {
  it('表題の行の下の見出し行を見つけ、シートの先頭行を見せる', async () => {
    const file = await workbook([{ name: '名簿', rows: [['従業員名簿（令和8年4月1日現在）'], ['社員番号', '氏名', '所属部署', '備考'], ['P001', '読込 一郎', '営業部', '']] }]);
    const res = await inspect(pms, '', file);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({
      register: 'people',
      label: '従業者一覧',
      headerRow: 2,
      headers: ['社員番号', '氏名', '所属部署', '備考'],
      rowCount: 1,
      missingColumns: [],
    });
    expect(res.body.sheet).toMatchObject({ index: 1, name: '名簿', reason: 'only' });
    // 備考 is the person's notes field (issue #12: 「備考 into a notes field」): four headings match.
    expect(res.body.sheets[0]).toMatchObject({ index: 1, name: '名簿', headerRow: 2, matchedFields: 4 });
    expect(res.body.sheets[0]?.rows[0]).toEqual({ row: 1, cells: ['従業員名簿（令和8年4月1日現在）'] });
    expect(res.body.columns).toContainEqual({ header: '社員番号', field: 'employeeNumber', suggested: 'employeeNumber', confidence: 'exact', source: 'dictionary' });
    expect(res.body.columns).toContainEqual({ header: '備考', field: 'note', suggested: 'note', confidence: 'exact', source: 'dictionary' });
    expect(res.body.choices.department?.some((d) => d.label.startsWith('営業部'))).toBe(true);
  });

  it('名簿が2枚目のシートなら、そのシートを選んだ理由とともに返し、どのシートも先頭行を見せる', async () => {
    const file = await workbook([
      { name: '表紙', rows: [['従業者名簿（令和8年度）'], ['作成: 総務部']] },
      {
        name: '名簿',
        rows: [
          ['社員番号', '氏名', '所属部署'],
          ['P101', '二枚目 花子', '総務部'],
        ],
      },
    ]);
    const res = await inspect(pms, '', file);
    expect(res.status).toBe(200);
    expect(res.body.sheet).toMatchObject({ index: 2, name: '名簿', reason: 'best_header' });
    expect(res.body.sheet.message).toContain('シート「名簿」（2枚目');
    expect(res.body.sheets.map((s: { name: string; headerRow: number | null }) => [s.name, s.headerRow])).toEqual([
      ['表紙', null],
      ['名簿', 1],
    ]);
    // 1枚目を指定すると見出しがないことを示し（読込）、取込は見出しの列名を挙げて 400。
    const first = await inspect(pms, '?sheet=1', file);
    expect(first.body.sheet).toMatchObject({ index: 1, reason: 'requested' });
    expect(first.body.missingColumns).toEqual(['従業者番号', '氏名']);
    const refused = await post(pms, '/api/imports/people?dryRun=1&sheet=%E8%A1%A8%E7%B4%99', file);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('シート「表紙」の見出し行（1行目）に「従業者番号」の列がありません');
    const named = await post(pms, `/api/imports/people?dryRun=1&sheet=${encodeURIComponent('名簿')}`, file);
    expect(named.body).toMatchObject({ total: 1, valid: 1, headerRow: 1, sheet: { index: 2, reason: 'requested' } });
    const missing = await post(pms, `/api/imports/people?dryRun=1&sheet=${encodeURIComponent('社員')}`, file);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('シート「社員」がファイルにありません');
  });

  it('見出し行を指定すると、その行を見出しとして読む（それより上の行は読まない）', async () => {
    // Row 1 looks like a header too (an old layout kept above): the user says row 3 is the header.
    const file = await workbook([
      {
        name: '名簿',
        rows: [
          ['社員番号', '氏名', '所属', '入社日', 'メール'],
          ['（旧様式）', '', ''],
          ['従業者番号', '氏名', '所属'],
          ['P201', '指定 三郎', '営業部'],
        ],
      },
    ]);
    const detected = await inspect(pms, '', file);
    expect(detected.body.headerRow).toBe(1);
    const chosen = await inspect(pms, '?headerRow=3', file);
    expect(chosen.body).toMatchObject({ headerRow: 3, headers: ['従業者番号', '氏名', '所属'], rowCount: 1 });
    const dry = await post(pms, '/api/imports/people?dryRun=1&headerRow=3', file);
    expect(dry.status, JSON.stringify(dry.body).slice(0, 300)).toBe(200);
    expect(dry.body).toMatchObject({ headerRow: 3, total: 1, valid: 1 });
    expect(dry.body.rows[0]).toMatchObject({ row: 4, key: 'P201' });
    const bad = await inspect(pms, '?headerRow=21', file);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('見出し行は20行目までです');
  });
});

describe('従業者の取込: 見つからない所属の対応付けと記憶（issue #12 段階3）', () => {
  const file = () =>
    workbook([
      {
        name: '名簿',
        rows: [
          ['社員番号', '氏名', '所属部署'],
          ['Q001', '対応 一郎', '営業本部'],
          ['Q002', '対応 二郎', '営業本部 '],
          ['Q003', '対応 三郎', '総務部'],
        ],
      },
    ]);

  it('確認で見つからない所属を一度だけ挙げ、対応付けると取り込め、次の取込ではその対応付けを覚えている', async () => {
    const dry = await post(pms, '/api/imports/people?dryRun=1', await file());
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ total: 3, valid: 1, rememberedValues: [] });
    expect(dry.body.unknownValues).toEqual([{ field: 'department', column: '所属部署', value: '営業本部', rows: [2, 3] }]);
    expect(dry.body.rows[0]?.errors[0]).toMatchObject({ field: '所属', message: expect.stringContaining('所属「営業本部」が見つかりません') });

    const sales = await departmentIdOf('営業部');
    const values = encodeURIComponent(JSON.stringify({ department: { 営業本部: sales } }));
    const mapped = await post(pms, `/api/imports/people?dryRun=1&values=${values}`, await file());
    expect(mapped.body).toMatchObject({ total: 3, valid: 3, unknownValues: [] });
    const run = await post(pms, `/api/imports/people?dryRun=0&values=${values}`, await file());
    expect(run.status, JSON.stringify(run.body).slice(0, 300)).toBe(200);
    expect(await personByNumber('Q002')).toEqual({ name: '対応 二郎', departmentId: sales });

    // The next roster: no values — 営業本部 is read as the organization mapped it (「前回の対応付け」).
    const next = await workbook([
      {
        name: '名簿',
        rows: [
          ['社員番号', '氏名', '所属部署'],
          ['Q004', '記憶 四郎', '営業本部'],
        ],
      },
    ]);
    const again = await post(pms, '/api/imports/people?dryRun=1', next);
    expect(again.body).toMatchObject({ total: 1, valid: 1, unknownValues: [] });
    expect(again.body.rememberedValues).toEqual([{ field: 'department', column: '所属部署', value: '営業本部', target: sales, rows: [2] }]);
  });

  it('対応付けの誤り（JSON でない・ない項目・所属のIDでない・存在しない所属）は項目を名指して断り、何も登録しない', async () => {
    const notJson = await post(pms, '/api/imports/people?dryRun=1&values=%7B', await file());
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toContain('値の対応付け（values）は JSON で指定してください');
    const noField = await post(pms, `/api/imports/people?dryRun=1&values=${encodeURIComponent(JSON.stringify({ section: { 営業本部: 'x' } }))}`, await file());
    expect(noField.status).toBe(400);
    expect(noField.body.error.message).toContain('値の対応付けの項目「section」はありません');
    const notId = await post(pms, `/api/imports/people?dryRun=0&values=${encodeURIComponent(JSON.stringify({ department: { 営業本部: 'x' } }))}`, await file());
    expect(notId.status).toBe(422);
    expect(notId.body.rows[0]?.errors[0]?.message).toContain('所属部署「営業本部」の対応付け先が見つかりません');
    const gone = encodeURIComponent(JSON.stringify({ department: { 営業本部: '00000000-0000-4000-8000-000000000000' } }));
    const goneRun = await post(pms, `/api/imports/people?dryRun=0&values=${gone}`, await file());
    expect(goneRun.status).toBe(422);
    expect(goneRun.body.error?.message).toContain('1行も登録していません');
    expect(goneRun.body.rows[0]?.errors[0]?.message).toContain('の対応付け先が見つかりません');
  });
});
