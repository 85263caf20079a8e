import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentDisposition, datedFilename } from './download.ts';
import { displayWidth, looksLikeXlsx, prepareSheet, readFirstSheet, safeSheetName, UnreadableWorkbookError, writeXlsx } from './xlsx.ts';

type Row = { name: string; dept: string; joinedOn: string | null; count: number; at: Date };

const rows: Row[] = [
  { name: '佐藤 花子', dept: '総務部', joinedOn: '2020-04-01', count: 3, at: new Date('2026-04-01T01:02:03Z') },
  { name: '髙橋 﨑子', dept: '情報システム部', joinedOn: null, count: 0, at: new Date('2026-04-02T15:00:00Z') },
];

async function sample(): Promise<Buffer> {
  return writeXlsx(
    prepareSheet<Row>({
      name: '従業者一覧',
      columns: [
        { header: '氏名', width: 16, value: (r) => r.name },
        { header: '所属', value: (r) => r.dept },
        { header: '入社日', type: 'date', value: (r) => r.joinedOn },
        { header: '件数', type: 'number', value: (r) => r.count },
        { header: '日時', type: 'datetime', value: (r) => r.at },
      ],
      rows,
    }),
  );
}

describe('xlsx 出力', () => {
  it('日本語の見出しと値を書き、exceljs で読み戻すと一致する', async () => {
    const buffer = await sample();
    expect(looksLikeXlsx(buffer)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('従業者一覧');
    expect(sheet).toBeDefined();
    expect((sheet?.getRow(1).values as unknown[] | undefined)?.slice(1)).toEqual(['氏名', '所属', '入社日', '件数', '日時']);
    expect(sheet?.getCell('A2').value).toBe('佐藤 花子');
    expect(sheet?.getCell('A3').value).toBe('髙橋 﨑子');
    expect(sheet?.getCell('B3').value).toBe('情報システム部');
  });

  it('日付は文字列ではなく日付セルとして書く（表示形式 yyyy/mm/dd）、日時は日本時間', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sample()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const joined = sheet?.getCell('C2');
    expect(joined?.value).toBeInstanceOf(Date);
    expect((joined?.value as Date | undefined)?.toISOString()).toBe('2020-04-01T00:00:00.000Z');
    expect(joined?.numFmt).toBe('yyyy/mm/dd');
    expect(sheet?.getCell('C3').value).toBeNull();
    expect(sheet?.getCell('D2').value).toBe(3);
    // 2026-04-01T01:02:03Z is 10:02:03 in Japan; the cell shows that wall-clock time.
    expect((sheet?.getCell('E2').value as Date | undefined)?.toISOString()).toBe('2026-04-01T10:02:03.000Z');
  });

  it('見出し行を固定し、列幅とオートフィルタを設定する', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sample()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(1).width).toBe(16);
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(10);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.autoFilter).toBeTruthy();
  });

  it('readFirstSheet は見出しと値（日付は Date）を返し、空行を飛ばす', async () => {
    const sheet = await readFirstSheet(await sample());
    expect(sheet.headers.slice(1)).toEqual(['氏名', '所属', '入社日', '件数', '日時']);
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(sheet.rows[0]?.cells[1]).toBe('佐藤 花子');
    expect(sheet.rows[0]?.cells[3]).toBeInstanceOf(Date);
  });

  it('xlsx でないファイルは UnreadableWorkbookError', async () => {
    await expect(readFirstSheet(Buffer.from('氏名,所属\n佐藤,総務部\n'))).rejects.toBeInstanceOf(UnreadableWorkbookError);
    await expect(readFirstSheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });

  it('シート名の禁止文字と長さ、全角の表示幅', () => {
    expect(safeSheetName('2026/04 台帳[確定]')).toBe('2026・04 台帳・確定・');
    expect(safeSheetName('あ'.repeat(40))).toHaveLength(31);
    expect(displayWidth('氏名ab')).toBe(6);
  });
});

describe('ダウンロードのファイル名 (RFC 5987)', () => {
  it('日本語のファイル名を filename* に UTF-8 で、ASCII の代替を filename に入れる', () => {
    const header = contentDisposition('従業者一覧_20260401.xlsx');
    expect(header).toBe(`attachment; filename="20260401.xlsx"; filename*=UTF-8''${encodeURIComponent('従業者一覧_20260401.xlsx')}`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('従業者一覧_20260401.xlsx');
  });

  it('パス区切り・引用符・改行はヘッダーに入らない', () => {
    const header = contentDisposition('../"悪意"\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).not.toContain('../');
    expect(header.match(/"/g)).toHaveLength(2);
    expect(contentDisposition("体制図 (案)'s.pdf")).toContain("filename*=UTF-8''%E4%BD%93%E5%88%B6%E5%9B%B3%20%28%E6%A1%88%29%27s.pdf");
  });

  it('日付付きのファイル名は日本の日付', () => {
    expect(datedFilename('体制図', 'pdf', new Date('2026-03-31T16:00:00Z'))).toBe('体制図_20260401.pdf');
  });
});
