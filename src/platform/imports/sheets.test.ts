import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseWorkbookSheets, readAllSheets, WorkbookLimitError, XLSX_LIMITS } from '../exports/xlsx.ts';
import { indexHeadings, inventoryHeadings } from '../../rules/ledgerImport/index.ts';
import { chooseSheet, previewSheets } from './sheets.ts';

// シートの選択 (issue #12 stage 1): every sheet read within the same limits, previewed, and the
// register's sheet chosen by its header — never silently the first.

const index = indexHeadings(inventoryHeadings);

async function workbook(sheets: Record<string, (string | number)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('every sheet is parsed in the worker, within the same limits', () => {
  it('readAllSheets returns every sheet in order (parsed off the main thread)', async () => {
    const sheets = await readAllSheets(
      await workbook({
        表紙: [['台帳']],
        台帳: [
          ['個人情報の名称', '所管部署'],
          ['顧客名簿', '営業部'],
        ],
      }),
    );
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['表紙', 1],
      ['台帳', 2],
    ]);
    expect(sheets[1]?.rows[1]?.cells.slice(1)).toEqual(['顧客名簿', '営業部']);
  });

  it('a second sheet over the row limit is refused, naming the sheet', async () => {
    const bytes = await workbook({ 表紙: [['a']], 台帳: [['1'], ['2'], ['3']] });
    await expect(parseWorkbookSheets(bytes, { ...XLSX_LIMITS, maxRows: 2 })).rejects.toThrow('シート「台帳」の行数が多すぎるため');
  });

  it('the cell limit counts the cells of every sheet together', async () => {
    const bytes = await workbook({ 一: [['a', 'b']], 二: [['c', 'd']] });
    await expect(parseWorkbookSheets(bytes, { ...XLSX_LIMITS, maxCells: 3 })).rejects.toBeInstanceOf(WorkbookLimitError);
    await expect(parseWorkbookSheets(bytes, { ...XLSX_LIMITS, maxCells: 4 })).resolves.toMatchObject({ sheets: [{ name: '一' }, { name: '二' }] });
  });
});

describe('chooseSheet / previewSheets', () => {
  const grid = (name: string, rows: (string | null)[][]) => ({ name, rows: rows.map((cells, i) => ({ rowNumber: i + 1, cells: [null, ...cells] })) });
  const cover = grid('表紙', [['個人情報管理台帳'], ['作成日', '2026/4/1']]);
  const small = grid('旧台帳', [['名称', '部署']]);
  const full = grid('台帳', [['令和8年度'], ['個人情報の名称', '所管部署', '利用目的', '保管場所']]);

  it('the sheet whose header matches best wins, with the reason; a tie keeps the earlier', () => {
    const { grid: chosen, choice } = chooseSheet([cover, small, full], index);
    expect(chosen.name).toBe('台帳');
    expect(choice).toEqual({
      index: 3,
      name: '台帳',
      reason: 'best_header',
      message: '3枚のシートのうち、見出しが最もよく一致したシート「台帳」（3枚目、2行目の見出しで4項目が一致）を読みました',
    });
    expect(chooseSheet([full, { ...full, name: '台帳(2)' }], index).choice.index).toBe(1);
  });

  it('no sheet with a header: the first, said so', () => {
    expect(chooseSheet([cover, cover], index).choice).toMatchObject({ index: 1, reason: 'no_header', message: expect.stringContaining('どのシートにも見出しが見つからない') });
  });

  it('a requested sheet by name, then by position; an unknown one is a 400 on sheet', () => {
    expect(chooseSheet([cover, full], index, '表紙').choice).toMatchObject({ index: 1, reason: 'requested' });
    expect(chooseSheet([cover, full], index, '2').choice).toMatchObject({ index: 2, name: '台帳' });
    expect(chooseSheet([grid('2', []), full], index, '2').choice).toMatchObject({ index: 1, name: '2' });
    expect(() => chooseSheet([cover, full], index, '3')).toThrow('シート「3」がファイルにありません');
  });

  it('previews: the first 20 rows as text from column A, the header row found', () => {
    const long = grid('長い', [['個人情報の名称', '所管部署'], ['あ'.repeat(100), null], ...Array.from({ length: 25 }, (_, i) => [`行${i}`])]);
    const [preview] = previewSheets([long], index);
    expect(preview?.headerRow).toBe(1);
    expect(preview?.matchedFields).toBe(2);
    expect(preview?.rows).toHaveLength(20);
    expect(preview?.rowCount).toBe(27);
    expect(preview?.rows[1]?.cells).toEqual([`${'あ'.repeat(59)}…`, '']);
  });
});
