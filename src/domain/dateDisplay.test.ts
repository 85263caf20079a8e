import { describe, expect, it } from 'vitest';
import { displayDate, displayDateRange } from './dateDisplay.ts';

describe('文章の中の日付（画面と同じ 2026/12/06 の形）', () => {
  it('ISO の日付は画面の表記で書く', () => {
    expect(displayDate('2026-12-06')).toBe('2026/12/06');
    expect(displayDate('2027-01-04')).toBe('2027/01/04');
    expect(displayDateRange('2026-12-08', '2026-12-10')).toBe('2026/12/08〜2026/12/10');
  });

  it('日付でないもの・日付と時刻は変えずにそのまま返す（読めないものを黙って書き換えない）', () => {
    for (const text of ['', '不明', '2026/12/06', '令和8年12月6日', '2026-12-06T09:30:00+09:00', '2026-1-5', ' 2026-12-06']) {
      expect(displayDate(text)).toBe(text);
    }
  });
});
