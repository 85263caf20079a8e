import { describe, expect, it } from 'vitest';
import type { LedgerCell } from '../ledgerValues/cell.ts';
import { detectHeaderRow, foldHeading, headingsAt, indexHeadings, inventoryHeadings, mapColumns, matchHeading, type PreviewRow } from './index.ts';

// 見出し行の検出と見出しの対応付け (issue #12 stage 2), on sheets built in code the way
// organizations lay out their ledgers: title rows above, headings merged over two rows.

const index = indexHeadings(inventoryHeadings);

/** Preview rows from arrays of cells (column A first), numbered from `from`. */
function sheet(rows: (LedgerCell | undefined)[][], from = 1): PreviewRow[] {
  return rows.map((cells, i) => ({ rowNumber: from + i, cells: [undefined, ...cells] as LedgerCell[] }));
}
const fieldsOf = (columns: { heading: string; field: string | null }[]) => Object.fromEntries(columns.filter((c) => c.field).map((c) => [c.heading, c.field]));

describe('見出しの対応付け（同義語の辞書と確からしさ）', () => {
  it.each([
    ['個人情報の名称', 'name', 'exact'],
    ['個人情報の種類', 'name', 'exact'],
    ['資産名称', 'name', 'exact'],
    ['管理部門', 'department', 'exact'],
    ['記録項目', 'items', 'exact'],
    ['保存年限', 'retainUntil', 'exact'],
    ['保管場所', 'storageLocation', 'exact'],
    ['利用目的', 'purpose', 'exact'],
    ['取得方法', 'acquisitionMethods', 'exact'],
    ['件数', 'recordCount', 'exact'],
    ['委託先', 'entrustedTo', 'exact'],
    ['廃棄方法', 'disposalMethod', 'exact'],
    ['管理する個人情報の件数（概数でも可）', 'recordCount', 'normalized'],
    ['個人情報名称', 'name', 'normalized'],
    ['※利用目的', 'purpose', 'normalized'],
    ['保管 場所', 'storageLocation', 'exact'],
    ['３．保管場所', 'storageLocation', 'normalized'],
    ['記録情報の経常的提供先', 'thirdPartyDetails', 'exact'],
    ['管理部門名', 'department', 'partial'],
    ['個人情報の保存年限（年）', 'retainUntil', 'partial'],
  ])('「%s」→ %s（%s）', (heading, key, confidence) => {
    expect(matchHeading(heading, index)).toMatchObject({ key, confidence });
  });

  it.each(['No.', '備考', '更新日', ''])('台帳の項目でない見出し「%s」は対応付けない', (heading) => {
    expect(matchHeading(heading, index)).toBeNull();
  });

  it('1つの項目には最も確かな列を1つだけ（同じ項目を名指す別の列は対応付けない）', () => {
    const mapped = mapColumns(
      [
        { column: 1, heading: '管理部門名' },
        { column: 2, heading: '所管部署' },
        { column: 3, heading: '件数' },
        { column: 4, heading: '件数（概数）' },
      ],
      index,
    );
    expect(mapped.map((c) => [c.field, c.confidence])).toEqual([
      [null, null],
      ['department', 'exact'],
      ['recordCount', 'exact'],
      [null, null],
    ]);
  });

  it('アクセス権を有する者と（補足）は別の項目', () => {
    expect(matchHeading('アクセス権を有する者', index)?.key).toBe('accessHolders');
    expect(matchHeading('アクセス権を有する者（補足）', index)?.key).toBe('accessHolderNote');
  });

  it('正規化: 全角・空白・※・括弧の注記・の を畳む', () => {
    expect(foldHeading('※ 個人情報の名称（帳票名）')).toBe(foldHeading('個人情報名称'));
  });
});

describe('見出し行の検出', () => {
  const HEADINGS = ['No.', '個人情報の種類', '管理部門', '記録項目', '利用目的', '保管場所', '保存年限', '件数', '備考'];
  const DATA = [1, '顧客名簿', '営業部', '氏名、住所', '商品の発送', '書庫', '5年', '約3万件', ''];

  it('1行目が見出しならそのまま（表題なし）', () => {
    const found = detectHeaderRow(sheet([HEADINGS, DATA]), index);
    expect(found).toMatchObject({ headerRow: 1, rowSpan: 1 });
    expect(fieldsOf(found?.columns ?? [])).toEqual({
      個人情報の種類: 'name',
      管理部門: 'department',
      記録項目: 'items',
      利用目的: 'purpose',
      保管場所: 'storageLocation',
      保存年限: 'retainUntil',
      件数: 'recordCount',
    });
  });

  it('表題の行（「令和8年度 個人情報管理台帳」と作成日）を飛ばして見出し行を見つける', () => {
    const rows = sheet([
      ['令和8年度 個人情報管理台帳'],
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined, '作成日', '2026/4/1'],
      [],
      HEADINGS,
      DATA,
      DATA,
    ]);
    expect(detectHeaderRow(rows, index)).toMatchObject({ headerRow: 4, rowSpan: 1 });
  });

  it('見出しのすぐ上の表題（「委託先一覧（…現在）」）を、辞書にない見出し（取引先・依頼内容）に結合しない（表題の部分一致で列を取らない）', () => {
    // Found with the 委託先一覧 import (issue #12): the title was carried over 「取引先」 and read as 「委託先一覧… 取引先」 → 名称.
    const contractorsIndex = indexHeadings([
      { key: 'name', label: '名称', synonyms: ['委託先名', '委託先'] },
      { key: 'number', label: '法人番号', synonyms: [] },
      { key: 'address', label: '所在地', synonyms: [] },
    ]);
    const rows = sheet([
      ['委託先一覧（令和8年12月1日現在）'],
      ['No.', '取引先', '法人番号', '所在地', '依頼内容', '備考'],
      [1, '株式会社例', '5010001008846', '東京都', '発送', ''],
    ]);
    expect(detectHeaderRow(rows, contractorsIndex)).toMatchObject({ headerRow: 2, rowSpan: 1 });
    expect(headingsAt(rows, 1, 2, contractorsIndex).map((h) => h.heading)).toEqual(['No.', '取引先', '法人番号', '所在地', '依頼内容', '備考']);
  });

  it('2行にまたがる見出し（上の行に「保管」、下の行に「場所」「方法」「期限」）を結合して読む（結合セルは空）', () => {
    const rows = sheet([
      ['個人情報管理台帳'],
      ['個人情報の名称', '所管部署', '利用目的', '保管', undefined, undefined, '件数'],
      [undefined, undefined, undefined, '場所', '方法', '期限', undefined],
      ['顧客名簿', '営業部', '商品の発送', '書庫', '施錠保管', '5年', 100],
    ]);
    const found = detectHeaderRow(rows, index);
    expect(found).toMatchObject({ headerRow: 2, rowSpan: 2 });
    expect(fieldsOf(found?.columns ?? [])).toEqual({
      個人情報の名称: 'name',
      所管部署: 'department',
      利用目的: 'purpose',
      '保管 場所': 'storageLocation',
      '保管 方法': 'storageDescription',
      '保管 期限': 'retainUntil',
      件数: 'recordCount',
    });
  });

  it('2行にまたがる見出し（結合セルの値が両方の行に出る形）も同じに読む', () => {
    const rows = sheet([
      ['個人情報の名称', '所管部署', '保管', '保管', '件数'],
      ['個人情報の名称', '所管部署', '場所', '方法', '件数'],
      ['顧客名簿', '営業部', '書庫', '施錠保管', 100],
    ]);
    const found = detectHeaderRow(rows, index);
    expect(found).toMatchObject({ headerRow: 1, rowSpan: 2 });
    expect(fieldsOf(found?.columns ?? [])).toMatchObject({ '保管 場所': 'storageLocation', '保管 方法': 'storageDescription', 個人情報の名称: 'name' });
  });

  it('見出しらしい行がなければ null（利用者がプレビューで選ぶ）', () => {
    expect(detectHeaderRow(sheet([['メモ'], ['顧客名簿', '営業部']]), index)).toBeNull();
  });

  it('利用者が選んだ行（と2行結合）の見出し', () => {
    const rows = sheet([
      ['個人情報の名称', '保管'],
      [undefined, '場所'],
    ]);
    expect(headingsAt(rows, 1, 1, index).map((h) => h.heading)).toEqual(['個人情報の名称', '保管']);
    expect(headingsAt(rows, 1, 2, index).map((h) => h.heading)).toEqual(['個人情報の名称', '保管 場所']);
  });

  it('21行目より下は探さない', () => {
    const rows = sheet([...Array.from({ length: 20 }, () => ['メモ']), HEADINGS]);
    expect(detectHeaderRow(rows, index)).toBeNull();
  });
});
