import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { asSystem } from '../db/tenancy.ts';
import { XLSX_TYPE } from '../exports/download.ts';
import { prepareSheet, writeXlsx } from '../exports/xlsx.ts';
import { departments, people } from './org.tables.ts';
import { personSheetColumns } from './people.import.ts';
import { shiftJis } from '../../../tests/support/shiftJis.ts';

type SheetRow = Partial<Record<(typeof personSheetColumns)[number]['key'], string | null>>;

/** An .xlsx in the 従業者一覧 layout (the same columns the export writes). */
async function peopleFile(rows: SheetRow[], columns = personSheetColumns): Promise<Buffer> {
  return writeXlsx(prepareSheet<SheetRow>({ name: '従業者一覧', columns: columns.map((c) => ({ header: c.header, type: c.type, value: (r) => r[c.key] ?? null })), rows }));
}

function multipart(filename: string, content: Buffer, options: { field?: string; contentType?: string } = {}) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${filename}"\r\nContent-Type: ${options.contentType ?? XLSX_TYPE}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** 30 new people of the 営業部; rows 7, 14 and 22 of the sheet are broken when `broken`. */
function thirtyRows(broken: boolean): SheetRow[] {
  return Array.from({ length: 30 }, (_, i) => {
    const row: SheetRow = {
      employeeNumber: `T${String(i + 1).padStart(3, '0')}`,
      name: `取込 太郎${i + 1}`,
      nameKana: `トリコミ タロウ${i + 1}`,
      employmentType: i % 5 === 0 ? '契約社員' : '正社員',
      department: i % 2 === 0 ? '営業部' : '総務部',
      joinedOn: '2024-04-01',
      leftOn: null,
      email: `import${i + 1}@example.jp`,
      phone: `03-1234-${String(5000 + i)}`,
    };
    if (broken && i === 5) row.name = null; // sheet row 7
    if (broken && i === 12) row.joinedOn = '2026-02-30'; // sheet row 14
    if (broken && i === 20) row.department = '存在しない部'; // sheet row 22
    return row;
  });
}

let t: TestApp;
let pms: Client;

async function peopleCount(): Promise<number> {
  const [row] = await asSystem(t.database, (tx) => tx.select({ n: count() }).from(people).where(eq(people.organizationId, t.demoOrganizationId)));
  return row?.n ?? 0;
}

async function upload(client: Client, file: Buffer, dryRun: '0' | '1', filename = 'people.xlsx', options: { field?: string; contentType?: string } = {}) {
  const form = multipart(filename, file, options);
  return client.request('POST', `/api/imports/people?dryRun=${dryRun}`, form.body, form.headers);
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('従業者の取込 (xlsx・確認のみの実行つき)', () => {
  it('30行中3行が壊れたファイルの確認: その3行だけを列名つきで報告し、1行も書き込まない', async () => {
    const before = await peopleCount();
    const res = await upload(pms, await peopleFile(thirtyRows(true)), '1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, total: 30, valid: 27, created: 27, updated: 0 });
    const errors = (res.body.rows as { row: number; action: string; errors: { field: string; message: string }[] }[]).filter((r) => r.action === 'error');
    expect(errors.map((r) => r.row)).toEqual([7, 14, 22]);
    expect(errors[0]?.errors).toEqual([{ field: '氏名', message: '氏名を入力してください' }]);
    expect(errors[1]?.errors).toEqual([{ field: '入社日', message: '入社日に存在しない日付が指定されています（2026-02-30）' }]);
    expect(errors[2]?.errors[0]?.field).toBe('所属');
    expect(errors[2]?.errors[0]?.message).toContain('存在しない部');
    expect(res.body.rows[0]).toMatchObject({ row: 2, key: 'T001', name: '取込 太郎1', action: 'create', errors: [] });
    expect(await peopleCount()).toBe(before);
  });

  it('エラーのあるファイルを実行すると 422 で同じ報告を返し、1行も書き込まない', async () => {
    const before = await peopleCount();
    const res = await upload(pms, await peopleFile(thirtyRows(true)), '0');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ dryRun: false, total: 30, valid: 27, error: { code: 'import_invalid' } });
    expect(res.body.error.message).toContain('3行にエラー');
    expect(res.body.rows.filter((r: { action: string }) => r.action === 'error').map((r: { row: number }) => r.row)).toEqual([7, 14, 22]);
    expect(await peopleCount()).toBe(before);
  });

  it('正しいファイルは1つのトランザクションで全行を登録し、取込を監査証跡に記録する', async () => {
    const before = await peopleCount();
    const res = await upload(pms, await peopleFile(thirtyRows(false)), '0');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, total: 30, valid: 30, created: 30, updated: 0 });
    expect(await peopleCount()).toBe(before + 30);
    const [imported] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(people)
        .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.employeeNumber, 'T006'))),
    );
    expect(imported).toMatchObject({ name: '取込 太郎6', employmentType: 'contract', joinedOn: '2024-04-01', email: 'import6@example.jp', phone: '03-1234-5005' });
    const [dept] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(departments)
        .where(eq(departments.id, imported?.departmentId ?? '')),
    );
    expect(dept?.name).toBe('総務部');
    const [event] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.action, 'import')))
        .orderBy(desc(auditLog.chainSeq))
        .limit(1),
    );
    expect(event).toMatchObject({ entityType: 'people', rowCount: 30 });
    expect(event?.meta).toMatchObject({ created: 30, updated: 0, fileName: 'people.xlsx' });
    expect(event?.actorAccountId).toBeTruthy();
  });

  it('同じ従業者番号の行は更新になり、ファイルにない列は元の値を保つ', async () => {
    const res = await upload(
      pms,
      await peopleFile(
        [{ employeeNumber: 'T001', name: '取込 一郎' }],
        personSheetColumns.filter((c) => c.key === 'employeeNumber' || c.key === 'name'),
      ),
      '0',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, rows: [{ row: 2, action: 'update' }] });
    const [row] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(people)
        .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.employeeNumber, 'T001'))),
    );
    expect(row).toMatchObject({ name: '取込 一郎', email: 'import1@example.jp', employmentType: 'contract' });
  });

  it('ファイル内で重複した従業者番号・空の従業者番号・使えない雇用区分を報告する', async () => {
    const res = await upload(
      pms,
      await peopleFile([
        { employeeNumber: 'D001', name: '重複 一', employmentType: '正社員' },
        { employeeNumber: 'D001', name: '重複 二', employmentType: '正社員' },
        { employeeNumber: null, name: '番号 なし' },
        { employeeNumber: 'D003', name: '区分 違い', employmentType: '嘱託' },
        { employeeNumber: 'D004', name: '日付 逆', joinedOn: '2025/04/01', leftOn: '2025/03/31' },
      ]),
      '1',
    );
    expect(res.status).toBe(200);
    const byRow = new Map((res.body.rows as { row: number; errors: { field: string; message: string }[] }[]).map((r) => [r.row, r.errors]));
    expect(byRow.get(2)).toEqual([]);
    expect(byRow.get(3)?.[0]).toMatchObject({ field: '従業者番号' });
    expect(byRow.get(3)?.[0]?.message).toContain('2行目と同じ');
    expect(byRow.get(4)?.[0]?.field).toBe('従業者番号');
    expect(byRow.get(5)?.[0]?.field).toBe('雇用区分');
    expect(byRow.get(6)).toEqual([{ field: '退職日', message: '退職日は入社日以降にしてください' }]);
  });

  it('出力したファイルをそのまま取り込める（全行が更新・エラーなし）', async () => {
    const exported = await pms.request('GET', '/api/people/export.xlsx?status=all');
    expect(exported.status).toBe(200);
    const res = await upload(pms, exported.raw, '1', 'export.xlsx');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(await peopleCount());
    expect(res.body.valid).toBe(res.body.total);
    expect(new Set(res.body.rows.map((r: { action: string }) => r.action))).toEqual(new Set(['update']));
  });

  it('出力 → 取込の往復で、全員のすべての項目（番号・氏名・カナ・雇用区分・所属・入社日・退職日・連絡先）が変わらない（issue #12）', async () => {
    const roster = async () => {
      const list = await pms.get('/api/people?status=all&pageSize=200');
      expect(list.body.total).toBeLessThanOrEqual(200);
      // The detail of each, contact details included (the list leaves them out).
      const details = [];
      for (const item of list.body.items) details.push({ ...item, ...(await pms.get(`/api/people/${item.id}`)).body });
      return details.sort((a, b) => a.id.localeCompare(b.id));
    };
    // Someone who left, without a kana or phone: the forms an export must carry back.
    const [sales] = await asSystem(t.database, (tx) =>
      tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, '営業部'))),
    );
    const left = await pms.request('POST', '/api/people', {
      employeeNumber: '00917',
      name: '往復 退職者',
      employmentType: 'part_time',
      departmentId: sales?.id,
      joinedOn: '2019-04-01',
      leftOn: '2025-03-31',
      email: 'ofuku@example.jp',
    });
    expect(left.status, JSON.stringify(left.body)).toBe(201);
    const before = await roster();
    expect(before.some((p) => p.leftOn === '2025-03-31' && p.employeeNumber === '00917' && p.nameKana === null && p.phone === null && p.email === 'ofuku@example.jp')).toBe(true);
    expect(before.filter((p) => p.email).length).toBeGreaterThan(3);
    expect(before.every((p) => p.contactVisible)).toBe(true);
    const exported = await pms.request('GET', '/api/people/export.xlsx?status=all');
    const res = await upload(pms, exported.raw, '0', 'export.xlsx');
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(await roster()).toEqual(before);
  });

  it('xlsx・CSV でないファイルは 400 で日本語のメッセージ', async () => {
    // CSV is read since issue #12 (see the CSV test below); an old .xls, or a CSV named .xlsx, is not.
    const csv = Buffer.from('従業者番号,氏名\nX1,山田\n', 'utf8');
    const asXls = await upload(pms, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '1', 'people.xls', { contentType: 'application/vnd.ms-excel' });
    expect(asXls.status).toBe(400);
    expect(asXls.body.error.message).toContain('Excelファイル（.xlsx）');
    const renamed = await upload(pms, csv, '1', 'people.xlsx');
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.message).toContain('.xlsx');
    const notMultipart = await pms.request('POST', '/api/imports/people?dryRun=1', { file: 'x' });
    expect(notMultipart.status).toBe(400);
    expect(notMultipart.body.error.message).toContain('multipart');
    const wrongField = await upload(pms, await peopleFile(thirtyRows(false)), '1', 'people.xlsx', { field: 'upload' });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.message).toContain('「file」欄');
  });

  it('必須の見出しがないファイルは 400 で、足りない列名を示す', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名簿');
    sheet.addRow(['番号', '名前']);
    sheet.addRow(['1', '山田']);
    const res = await upload(pms, Buffer.from(await wb.xlsx.writeBuffer()), '1');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('「従業者番号」の列がありません');
  });

  it('取込には people.manage が必要（一般の従業者は 403、何も書き込まない）', async () => {
    const staff = await t.login('staff@demo.mamori.local');
    const before = await peopleCount();
    const res = await upload(staff, await peopleFile(thirtyRows(false).map((r) => ({ ...r, employeeNumber: `S${r.employeeNumber}` }))), '0');
    expect(res.status).toBe(403);
    expect(await peopleCount()).toBe(before);
  });
});

describe('従業者の取込: 手元の名簿の形（issue #12）', () => {
  it('Shift_JIS の CSV・表題の行・名簿の見出し（社員番号・氏名・所属部署・入社年月日）・和暦とシリアル値の入社日を読み、番号の先頭の0を残す', async () => {
    const csv = shiftJis(
      [
        '従業員名簿（令和8年4月1日現在）',
        '社員番号,氏名,フリガナ,雇用形態,所属部署,入社年月日,備考',
        '000123,名簿 一郎,メイボ イチロウ,正社員,営業部,令和6年4月1日,',
        '000124,名簿 二郎,メイボ ジロウ,契約社員,総務部,45383,',
      ].join('\r\n'),
    );
    const dry = await upload(pms, csv, '1', '名簿.csv', { contentType: 'text/csv' });
    expect(dry.status, JSON.stringify(dry.body).slice(0, 400)).toBe(200);
    // 備考 is the person's notes field (issue #12: 「備考 into a notes field」), read rather than ignored.
    expect(dry.body).toMatchObject({ total: 2, valid: 2, ignoredColumns: [], keptColumns: [] });
    expect(dry.body.rows.map((r) => [r.row, r.key])).toEqual([
      [3, '000123'],
      [4, '000124'],
    ]);
    const run = await upload(pms, csv, '0', '名簿.csv', { contentType: 'text/csv' });
    expect(run.status, JSON.stringify(run.body).slice(0, 400)).toBe(200);
    const [one, two] = await asSystem(t.database, (tx) =>
      tx
        .select({ employeeNumber: people.employeeNumber, joinedOn: people.joinedOn })
        .from(people)
        .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.name, '名簿 一郎')))
        .then(async (a) => [
          a[0],
          (
            await tx
              .select({ employeeNumber: people.employeeNumber, joinedOn: people.joinedOn })
              .from(people)
              .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.name, '名簿 二郎')))
          )[0],
        ]),
    );
    expect(one).toEqual({ employeeNumber: '000123', joinedOn: '2024-04-01' });
    expect(two).toEqual({ employeeNumber: '000124', joinedOn: '2024-04-01' });
  });
});

describe('従業者の取込: 名簿が2枚目のシート（issue #12 段階1）', () => {
  it('表紙のシートを飛ばし、見出しが名簿に一致したシートを読む（1枚目を黙って読まない）', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表紙').addRow(['従業者名簿（令和8年度）']);
    const roster = workbook.addWorksheet('名簿');
    roster.addRow(['社員番号', '氏名', '所属部署', '入社年月日']);
    roster.addRow(['S901', 'シート 花子', '総務部', '2024/4/1']);
    const res = await upload(pms, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), '1');
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body).toMatchObject({ total: 1, valid: 1 });
    expect(res.body.rows[0]).toMatchObject({ row: 2, key: 'S901' });
  });
});

describe('従業者の備考: フォームで書け、取込と行き来する（issue #12）', () => {
  const roster = async (rows: (string | null)[][]) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名簿');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  };
  const noteOf = async (id: string) => (await pms.get(`/api/people/${id}`)).body.note;

  it('備考を登録・変更でき、2001文字は項目名つきの日本語で 400、書き込まれない', async () => {
    const created = await pms.request('POST', '/api/people', { name: '備考 一郎', employeeNumber: 'N-701', employmentType: 'employee', note: '育児休業中（令和8年10月まで）' });
    expect(created.status).toBe(201);
    expect(created.body.note).toBe('育児休業中（令和8年10月まで）');
    const changed = await pms.request('PUT', `/api/people/${created.body.id}`, {
      name: '備考 一郎',
      employeeNumber: 'N-701',
      employmentType: 'employee',
      note: '復職済み\n研修は受講済み',
    });
    expect(changed.status).toBe(200);
    expect(await noteOf(created.body.id)).toBe('復職済み\n研修は受講済み');

    const tooLong = await pms.request('PUT', `/api/people/${created.body.id}`, { name: '備考 一郎', employeeNumber: 'N-701', employmentType: 'employee', note: 'あ'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toContainEqual({ path: 'note', message: '備考は2000文字以内で入力してください（2001文字入力されています）' });
    expect(await noteOf(created.body.id)).toBe('復職済み\n研修は受講済み');
  });

  it('フォームで書いた備考は、備考の列のない取込では残り、備考の列のある取込で置き換わり、フォームでまた変えられる', async () => {
    const created = await pms.request('POST', '/api/people', { name: '往復 花子', employeeNumber: 'N-702', employmentType: 'employee', note: 'フォームで書いた備考' });
    expect(created.status).toBe(201);
    const withoutNote = await upload(
      pms,
      await roster([
        ['社員番号', '氏名'],
        ['N-702', '往復 花子'],
      ]),
      '0',
    );
    expect(withoutNote.status, JSON.stringify(withoutNote.body).slice(0, 400)).toBe(200);
    expect(await noteOf(created.body.id)).toBe('フォームで書いた備考');

    const withNote = await upload(
      pms,
      await roster([
        ['社員番号', '氏名', '備考'],
        ['N-702', '往復 花子', '名簿の備考'],
      ]),
      '0',
    );
    expect(withNote.status, JSON.stringify(withNote.body).slice(0, 400)).toBe(200);
    expect(await noteOf(created.body.id)).toBe('名簿の備考');

    const edited = await pms.request('PUT', `/api/people/${created.body.id}`, {
      name: '往復 花子',
      employeeNumber: 'N-702',
      employmentType: 'employee',
      note: '名簿の備考（確認済み）',
    });
    expect(edited.status).toBe(200);
    expect(await noteOf(created.body.id)).toBe('名簿の備考（確認済み）');
  });
});
