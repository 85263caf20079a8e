import { describe, expect, it } from 'vitest';
import { shiftJis } from '../../../tests/support/shiftJis.ts';
import { decodeCsv, parseCsv, readCsvGrid } from './csv.ts';

// 取込の CSV (issue #12): UTF-8 and Shift_JIS detected, every cell kept as text.

describe('CSV の文字コード', () => {
  it('UTF-8（BOM なし）', () => expect(decodeCsv(Buffer.from('氏名,所属\n', 'utf8'))).toEqual({ text: '氏名,所属\n', encoding: 'utf-8' }));
  it('UTF-8（Excel の「CSV UTF-8」の BOM つき）は BOM を外す', () =>
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名', 'utf8')]))).toEqual({ text: '氏名', encoding: 'utf-8' }));
  it('Shift_JIS（Excel の「CSV」）を見分ける', () =>
    expect(decodeCsv(shiftJis('個人情報の名称,所管部署\r\n顧客名簿,営業部\r\n'))).toEqual({ text: '個人情報の名称,所管部署\r\n顧客名簿,営業部\r\n', encoding: 'shift_jis' }));
  it('どちらでもないバイト列は拒む（置換文字で読まない）', () => expect(() => decodeCsv(Uint8Array.of(0x81, 0x20, 0xff, 0xfe))).toThrow('文字コードが読み取れません'));
});

describe('CSV の行と列（RFC 4180）', () => {
  it('引用符の中のカンマ・改行・二重の引用符', () =>
    expect(parseCsv('a,"b,c","d\n e","f""g"\r\nh,,i')).toEqual([
      ['a', 'b,c', 'd\n e', 'f"g'],
      ['h', '', 'i'],
    ]));
  it('最後の改行の有無で行は変わらない', () => expect(parseCsv('a,b\n')).toEqual(parseCsv('a,b')));
  it('閉じていない引用符は行を示して拒む', () => expect(() => parseCsv('a\n"b,c')).toThrow('2行目で「"」が閉じられていません'));
  it('行数の上限', () => expect(() => parseCsv('a\n'.repeat(40), { maxRows: 10, maxCells: 1000, maxCellChars: 100 })).toThrow('行数が多すぎる'));
  it('セルの文字数の上限（内容は返さない）', () =>
    expect(() => parseCsv(`x,${'あ'.repeat(101)}`, { maxRows: 10, maxCells: 1000, maxCellChars: 100 })).toThrow('1行目 2列目のセルの文字数'));
});

describe('CSV の表（すべて文字のまま）', () => {
  it('001234 は 001234、2026/3/31 は文字、空欄は null、空行は飛ばし行番号は Excel と同じ', () => {
    const grid = readCsvGrid(Buffer.from('番号,日付,備考\n001234,2026/3/31,\n,,\n000042,令和8年4月1日,"=1+1"\n', 'utf8'), '台帳');
    expect(grid.encoding).toBe('utf-8');
    expect(grid.rows).toEqual([
      { rowNumber: 1, cells: [undefined, '番号', '日付', '備考'] },
      { rowNumber: 2, cells: [undefined, '001234', '2026/3/31', null] },
      { rowNumber: 4, cells: [undefined, '000042', '令和8年4月1日', '=1+1'] },
    ]);
  });
});
