import { describe, expect, it } from 'vitest';
import { formatExemption, parseExemptions, parseNoticeVersions, parseOverseasBasis, parseSensitiveBasis, parseSpecialCategories, parseTerm } from './parse-ledger-values.ts';

// The 台帳's columns that Mamori's own export adds so that it imports back unchanged (issue #12):
// what each cell may hold, and the Japanese error quoting it when it holds something else.

describe('利用期限・保管期限: 日付と説明の両方', () => {
  it('「2031-03-31 退職後5年」は日付と説明の両方（出力の形）', () => {
    expect(parseTerm('2031-03-31 退職後5年', '保管期限')).toEqual({ date: '2031-03-31', description: '退職後5年' });
    expect(parseTerm('令和13年3月31日 退職後5年', '保管期限')).toEqual({ date: '2031-03-31', description: '退職後5年' });
  });
  it('先頭が日付でなければ説明のまま（「業務終了まで」「5年 経過後」）', () => {
    expect(parseTerm('業務終了まで', '利用期限')).toEqual({ date: null, description: '業務終了まで' });
    expect(parseTerm('5年 経過後', '利用期限')).toEqual({ date: null, description: '5年 経過後' });
  });
  it('存在しない日付は推測せずエラー', () => {
    expect(parseTerm('2031/2/30', '保管期限')).toEqual({ error: expect.stringContaining('存在しない日付') });
  });
});

describe('要配慮個人情報の取得根拠（J.8.3 2）', () => {
  it('「書面同意（文書名）」は書面同意と同意書の名前', () => {
    expect(parseSensitiveBasis('書面同意（健康情報の取扱いに関する同意書）')).toEqual({ kind: 'written_consent', noticeRef: '健康情報の取扱いに関する同意書' });
    expect(parseSensitiveBasis('書面同意')).toEqual({ kind: 'written_consent', noticeRef: null });
  });
});

describe('外国にある第三者への提供の根拠（J.8.8.1 1 a〜c）', () => {
  it('「b) 体制整備」も「b」も b、空欄・なしは根拠なし', () => {
    expect(parseOverseasBasis('b) 体制整備')).toBe('b');
    expect(parseOverseasBasis('ｃ')).toBe('c');
    expect(parseOverseasBasis('J.8.8.1 1 a) 本人の同意')).toBe('a');
    expect(parseOverseasBasis('')).toBeNull();
    expect(parseOverseasBasis('なし')).toBeNull();
  });
  it('a〜c 以外はセルを引用したエラー', () => {
    expect(parseOverseasBasis('d) その他')).toEqual({ error: expect.stringContaining('「d) その他」') });
    expect(parseOverseasBasis('同意')).toEqual({ error: expect.stringContaining('J.8.8.1 1') });
  });
});

describe('特に配慮を要する記述の分類（J.8.3 留意事項）', () => {
  it('1行に1分類。分類名の中の「、」で分けない', () => {
    expect(parseSpecialCategories('勤労者の団結権、団体交渉及びその他団体行動の行為\n思想')).toEqual(['labor_action', 'thought']);
  });
  it('1行に「、」で並べた分類も読む', () => {
    expect(parseSpecialCategories('病歴、信条')).toEqual(['medical_history', 'creed']);
  });
  it('一覧にない分類はその名前を挙げたエラー', () => {
    expect(parseSpecialCategories('病歴、趣味')).toEqual({ error: expect.stringContaining('「趣味」') });
  });
});

describe('通知・同意等の例外（J.8.4・J.8.5・J.8.7・J.8.8・J.8.8.3）', () => {
  const exemptions = [
    { clause: 'J.8.4' as const, letter: 'd', subItem: '1' as const, reason: '名刺交換により取得\n（取引先担当者）' },
    { clause: 'J.8.8.3' as const, letter: 'd', subItem: null, reason: null },
  ];
  it('出力の形（1件1行、理由の改行は次の行に続く）を読み戻すと同じ', () => {
    const cell = exemptions.map(formatExemption).join('\n');
    expect(cell).toBe('J.8.4 d) 1: 名刺交換により取得\n（取引先担当者）\nJ.8.8.3 d)');
    expect(parseExemptions(cell)).toEqual(exemptions);
  });
  it('条項にない号はエラー（J.8.8.3 に z) はない）', () => {
    expect(parseExemptions('J.8.8.3 z): 理由')).toEqual({ error: expect.stringContaining('J.8.8.3 に z) はありません') });
  });
  it('条項で始まらない1行目はエラー（推測しない）', () => {
    expect(parseExemptions('名刺交換のため')).toEqual({ error: expect.stringContaining('「J.8.4 d) 1: 理由」の形') });
  });
  it('空欄は例外なし', () => {
    expect(parseExemptions('')).toEqual([]);
  });
});

describe('通知文（公開済みの版）の読み取り（issue #12 の出力 → 取込）', () => {
  const published = [
    { id: 'v1', title: '会員登録の通知文', versionNo: 1 },
    { id: 'v2', title: '会員登録の通知文', versionNo: 2 },
    { id: 'v3', title: '採用応募者への通知', versionNo: 1 },
  ];
  it('「名称 第N版」を1行ずつ公開済みの版として読む（全角数字・空白の違いを問わない）', () => {
    expect(parseNoticeVersions('会員登録の通知文 第2版\n採用応募者への通知　第１版', published)).toEqual({ ids: ['v2', 'v3'] });
    expect(parseNoticeVersions('', published)).toEqual({ ids: [] });
  });
  it('形の違う行・公開済みの版にない版は、セルを引用したエラー（黙って落とさない）', () => {
    expect(parseNoticeVersions('会員登録の通知文', published)).toEqual({ error: expect.stringContaining('「名称 第N版」の形で入力してください') });
    expect(parseNoticeVersions('会員登録の通知文 第3版', published)).toEqual({ error: expect.stringContaining('通知文「会員登録の通知文 第3版」は公開済みの版にありません') });
  });
});
