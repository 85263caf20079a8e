import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoneText, mediumWithin, QUOTE_MAX_CHARS, quoteCell, readCount, readDateCell, readList, readMedium, readText, serialToIso } from './index.ts';

// 台帳の値の読み取り (issue #12): one test per form a Japanese ledger writes, the form in its name.
// SPEC §1.7: understood exactly as written, or refused with a Japanese error quoting the cell.

describe('件数（J.3.1.1 の台帳: 件数は概数でも可）', () => {
  it.each([
    ['数値のセル 1200', 1200, 1200, false],
    ['半角 1200', '1200', 1200, false],
    ['全角 １２００', '１２００', 1200, false],
    ['桁区切り 1,200', '1,200', 1200, false],
    ['全角の桁区切り １，２００', '１，２００', 1200, false],
    ['件つき 1,200件', '1,200件', 1200, false],
    ['名つき 350名', '350名', 350, false],
    ['人つき 35人', '35人', 35, false],
    ['約 約1,200件', '約1,200件', 1200, true],
    ['概数 概数800', '概数800', 800, true],
    ['概数の注記 800（概数）', '800（概数）', 800, true],
    ['およそ およそ500名', 'およそ500名', 500, true],
    ['程度 1000程度', '1000程度', 1000, true],
    ['件程度 5千件程度', '5千件程度', 5000, true],
    ['前後 300前後', '300前後', 300, true],
    ['以上 1万件以上', '1万件以上', 10000, true],
    ['万 3万', '3万', 30000, false],
    ['万件 3万件', '3万件', 30000, false],
    ['約と万 約3万名', '約3万名', 30000, true],
    ['小数の万 1.2万', '1.2万', 12000, false],
    ['万と千 1万2千', '1万2千', 12000, false],
    ['万と端数 1万2500件', '1万2500件', 12500, false],
    ['千 5千', '5千', 5000, false],
    ['億 1億', '1億', 100000000, false],
    ['空白を含む 約 1,200 件', '約 1,200 件', 1200, true],
    ['0件', '0件', 0, false],
  ])('%s', (_form, cell, value, approximate) => {
    expect(readCount(cell)).toEqual({ value, approximate });
  });

  it.each([
    ['範囲 100〜200', '100〜200', 200],
    ['範囲（全角チルダ）100～200', '100～200', 200],
    ['範囲（半角チルダ）100~200', '100~200', 200],
    ['範囲（ハイフン）100-200件', '100-200件', 200],
    ['範囲（から）100から200', '100から200', 200],
    ['範囲（単位つき）100件〜200件', '100件〜200件', 200],
    ['範囲（万）1万〜2万件', '1万〜2万件', 20000],
    ['範囲（約）約100〜200名', '約100〜200名', 200],
  ])('%s → 上限、概数', (_form, cell, value) => {
    expect(readCount(cell)).toEqual({ value, approximate: true });
  });

  it.each(['', 'なし', '－', '該当なし'])('空・なしの表記「%s」は件数なし（null）', (cell) => {
    expect(readCount(cell || null)).toBeNull();
  });

  it.each([
    ['多数', '多数'],
    ['数千', '数千'],
    ['不明', '不明'],
    ['小数 12.5', '12.5'],
    ['桁区切りの誤り 1,20', '1,20'],
    ['逆順の範囲 200〜100', '200〜100'],
    ['単位の順の誤り 5千1万', '5千1万'],
    ['負の数 -5', '-5'],
    ['数値のセルの小数', 12.5],
    ['数値のセルの負数', -3],
    ['日付の混じった文 令和7年度末で1200', '令和7年度末で1200'],
  ])('読めない件数（%s）はセルを引用して拒む（推測しない）', (_form, cell) => {
    const result = readCount(cell);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(`件数「${String(cell)}」は数値で入力してください`);
  });

  it('拒否の引用は長いセルを切り詰める（40文字と「…」）', () => {
    const long = 'た'.repeat(500);
    const result = readCount(long) as { error: string };
    expect(result.error).toContain(`「${'た'.repeat(QUOTE_MAX_CHARS)}…」`);
    expect(result.error.length).toBeLessThan(200);
  });

  it('性質: 桁区切りで書いた整数は、その整数として読む（約を付ければ概数）', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.boolean(), (n, approx) => {
        const text = `${approx ? '約' : ''}${n.toLocaleString('en-US')}件`;
        expect(readCount(text)).toEqual({ value: n, approximate: approx });
      }),
    );
  });
});

describe('日付（西暦・和暦・Excel のシリアル値・文字列）', () => {
  it.each([
    ['Excel の日付セル', new Date(Date.UTC(2030, 2, 31)), '2030-03-31'],
    ['西暦 2026/3/31', '2026/3/31', '2026-03-31'],
    ['西暦 2026-03-31', '2026-03-31', '2026-03-31'],
    ['西暦 2026年3月31日', '2026年3月31日', '2026-03-31'],
    ['全角の西暦 ２０２６／３／３１', '２０２６／３／３１', '2026-03-31'],
    ['8桁 20260331', '20260331', '2026-03-31'],
    ['和暦 令和8年3月31日', '令和8年3月31日', '2026-03-31'],
    ['和暦の元年 令和元年5月1日', '令和元年5月1日', '2019-05-01'],
    ['和暦 平成31年4月30日', '平成31年4月30日', '2019-04-30'],
    ['和暦 昭和64年1月7日', '昭和64年1月7日', '1989-01-07'],
    ['略号 R8.3.31', 'R8.3.31', '2026-03-31'],
    ['略号 H30.4.1', 'H30.4.1', '2018-04-01'],
    ['略号 S63/12/1', 'S63/12/1', '1988-12-01'],
    ['略号の元年 R元.5.1', 'R元.5.1', '2019-05-01'],
    ['Excel のシリアル値（数値のセル）46112', 46112, '2026-03-31'],
    ['Excel のシリアル値（CSV の文字）46112', '46112', '2026-03-31'],
  ])('%s', (_form, cell, iso) => {
    expect(readDateCell(cell, '保管期限')).toEqual({ date: iso });
  });

  it('シリアル値は Excel の 1900 年方式（1950-01-01 = 18264、2199-12-31 = 109574）', () => {
    expect(serialToIso(18264)).toBe('1950-01-01');
    expect(serialToIso(109574)).toBe('2199-12-31');
    expect(serialToIso(18263)).toBeNull();
    expect(serialToIso(46112.5)).toBeNull();
  });

  it('期限の欄の文字列（業務終了まで）は記載のまま残す', () => {
    expect(readDateCell('業務終了まで', '利用期限', { allowText: true })).toEqual({ text: '業務終了まで' });
    expect(readDateCell('業務終了まで', '取得日')).toHaveProperty('error');
  });

  it.each(['なし', '－', '―', ''])('なしの表記「%s」は日付なし（null）', (cell) => {
    expect(readDateCell(cell || null, '保管期限', { allowText: true })).toBeNull();
  });

  it.each([
    ['存在しない日 2026/2/30', '2026/2/30', '存在しない日付です'],
    ['存在しない日（8桁）20260230', '20260230', '存在しない日付です'],
    ['元号の範囲外 平成31年5月1日', '平成31年5月1日', '元号と年が合いません'],
    ['範囲外のシリアル値 2030', 2030, '日付として読めません'],
    ['時刻つきのシリアル値 46112.5', 46112.5, '日付として読めません'],
  ])('%s は期限の欄でも拒む（近い日に動かさない）', (_form, cell, reason) => {
    const result = readDateCell(cell, '保管期限', { allowText: true }) as { error: string };
    expect(result.error).toContain(`保管期限「${String(cell)}」`);
    expect(result.error).toContain(reason);
  });
});

describe('「なし」の表記（空欄と同じ）', () => {
  it.each(['なし', '無し', '無', '－', '―', 'ー', '-', '該当なし', '特になし', '非該当', '（なし）', ' ー ', 'ナシ', 'N/A', ''])('「%s」はなし', (text) => {
    expect(isNoneText(text)).toBe(true);
    expect(readText(text)).toBeNull();
  });

  it.each(['なし（社内のみ）', 'A社', '有', '無線LAN'])('「%s」はなしではない', (text) => {
    expect(isNoneText(text)).toBe(false);
  });
});

describe('複数の値を書いたセル（一覧の項目）', () => {
  it('改行区切り', () => expect(readList('氏名\n住所\n電話番号', 'items')).toEqual(['氏名', '住所', '電話番号']));
  it('読点区切り', () => expect(readList('氏名、住所、電話番号', 'items')).toEqual(['氏名', '住所', '電話番号']));
  it('中黒区切り（項目）', () => expect(readList('氏名・住所・電話番号', 'items')).toEqual(['氏名', '住所', '電話番号']));
  it('行頭の記号（・ ① 1.）を外す', () => expect(readList('・氏名\n① 住所\n1. 電話番号', 'items')).toEqual(['氏名', '住所', '電話番号']));
  it('名称（委託先）は中黒で切らない', () => expect(readList('エヌ・ティ・ティ株式会社\n株式会社A', 'names')).toEqual(['エヌ・ティ・ティ株式会社', '株式会社A']));
  it('委託先「なし」は委託先なし（空の一覧）', () => {
    for (const none of ['なし', '無し', '－', '―', '該当なし', '特になし']) expect(readList(none, 'names')).toEqual([]);
  });
  it('同じ項目は1度だけ', () => expect(readList('氏名、氏名', 'items')).toEqual(['氏名']));
});

describe('保管媒体（紙・電子）', () => {
  it.each([
    ['紙', 'paper'],
    ['電子', 'electronic'],
    ['紙・電子', 'both'],
    ['両方', 'both'],
    ['電子データ', 'electronic'],
  ])('保管媒体の列「%s」', (text, medium) => expect(readMedium(text)).toBe(medium));
  it('保管媒体の列の読めない値は拒む', () => expect(readMedium('金庫')).toEqual({ error: '保管媒体「金庫」は 紙・電子・紙と電子 のいずれかで入力してください' }));
  it.each([
    ['紙媒体で施錠保管', 'paper'],
    ['書面を綴じて保管', 'paper'],
    ['電子データ（ファイルサーバ）', 'electronic'],
    ['申込書（紙）はスキャンしてサーバに保存', 'both'],
    ['施錠して保管', null],
  ])('保管方法の中の紙・電子「%s」', (text, medium) => expect(mediumWithin(text)).toBe(medium));
});

describe('引用', () => {
  it('改行は空白にして1行で引用する', () => expect(quoteCell('A\nB')).toBe('A B'));
});
