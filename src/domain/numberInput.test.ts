import { describe, expect, it } from 'vitest';
import { countText, readTypedNumber } from './numberInput.ts';

// Standards: "Never change what a person typed without saying so" — a number typed by hand is
// read exactly, or refused with a Japanese error naming the field and quoting the input.

const fee = { label: '手数料', unit: '円', max: 100_000 } as const;
const persons = { label: '本人の数', unit: '人', approximate: true } as const;

describe('readTypedNumber: a fee (exact only)', () => {
  it.each([
    ['1000', 1000],
    ['1,000', 1000],
    ['１０００', 1000],
    ['１，０００', 1000],
    ['1000円', 1000],
    ['１，０００円', 1000],
    ['￥1,000', 1000],
    [' 300 ', 300],
    ['0', 0],
    ['1万', 10000],
  ])('reads 「%s」 as %i', (typed, value) => {
    expect(readTypedNumber(typed, fee)).toEqual({ ok: true, value, approximate: false });
  });

  it.each([
    ['約1000', '正確な数'],
    ['100〜200', '正確な数'],
    ['12.5', '整数'],
    ['-5', '0以上'],
    ['abc', '整数'],
    ['多数', '整数'],
    ['なし', '整数'],
    ['1,00', '整数'],
    ['200000', '100,000以下'],
    ['', '数値で入力'],
  ])('refuses 「%s」, naming the field and quoting the input', (typed, why) => {
    const reading = readTypedNumber(typed, fee);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.message).toContain('手数料');
    expect(reading.message).toContain(why);
    expect(reading.message).toContain(`（入力値: ${typed}）`);
  });
});

describe('readTypedNumber: 本人の数 (a 概数 is kept as one)', () => {
  it.each([
    ['1200', 1200, false],
    ['1,200人', 1200, false],
    ['約1,200人', 1200, true],
    ['約１，２００人', 1200, true],
    ['1.2万人', 12000, false],
    ['1,000人程度', 1000, true],
    ['100〜200', 200, true],
  ])('reads 「%s」 as %i (approximate: %s)', (typed, value, approximate) => {
    expect(readTypedNumber(typed, persons)).toEqual({ ok: true, value, approximate });
  });

  it('refuses a range written from the larger number', () => {
    expect(readTypedNumber('200〜100', persons)).toEqual({ ok: false, message: '本人の数の範囲は小さい数から書いてください（入力値: 200〜100）' });
  });

  it('refuses 「数千人」 rather than guessing', () => {
    expect(readTypedNumber('数千人', persons)).toEqual({ ok: false, message: '本人の数は整数で入力してください（例: 1,200・約1,200・3万）（入力値: 数千人）' });
  });
});

describe('countText', () => {
  it('shows a 概数 with its 約 and says so', () => {
    expect(countText(1200, true)).toBe('約1,200人（概数）');
    expect(countText(1200, false)).toBe('1,200人');
  });
});

describe('readTypedNumber: 年 (written without 桁区切り)', () => {
  it('reads ２０２６年 and refuses a year out of range quoting the limit as a year is written (2100, not 2,100)', () => {
    expect(readTypedNumber('２０２６年', { label: '評価の年', unit: '年', min: 2000, max: 2100 })).toEqual({ ok: true, value: 2026, approximate: false });
    expect(readTypedNumber('2200', { label: '評価の年', unit: '年', min: 2000, max: 2100 })).toEqual({
      ok: false,
      message: '評価の年は2100以下で入力してください（入力値: 2200）',
    });
    expect(readTypedNumber('令和', { label: '評価の年', unit: '年', min: 2000, max: 2100 })).toEqual({
      ok: false,
      message: '評価の年は整数で入力してください（例: 2026年）（入力値: 令和）',
    });
  });
});
