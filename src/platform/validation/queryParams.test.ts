import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { optionalQueryInteger, pageQuery, queryBoolean, queryInteger } from './queryParams.ts';

const messageOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : result.error.issues[0]?.message;
};

describe('queryInteger: a whole number read exactly from the query text', () => {
  const page = queryInteger('ページ番号', 1, { min: 1 });

  it('left out or empty (?page=) is the default, never 0', () => {
    expect(page.parse(undefined)).toBe(1);
    expect(page.parse('')).toBe(1);
    expect(pageQuery.parse({ page: '', pageSize: '' })).toEqual({ page: 1, pageSize: 50 });
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: 50 });
  });

  it('decimal digits are read as the number they write', () => {
    expect(page.parse('3')).toBe(3);
    expect(page.parse('007')).toBe(7);
    expect(pageQuery.parse({ page: '2', pageSize: '200' })).toEqual({ page: 2, pageSize: 200 });
  });

  it('text, fractions, exponents, hex, spaces and full-width digits are refused naming the field and quoting what was sent', () => {
    for (const text of ['abc', '1.5', '1e3', '0x10', ' 2', '2 ', '+2', '２', 'Infinity']) {
      expect(messageOf(page, text), text).toBe(`ページ番号は整数で指定してください（入力値: ${text}）`);
    }
  });

  it('outside the range: refused naming the field and the bound, not clamped', () => {
    expect(messageOf(page, '0')).toBe('ページ番号は1以上で指定してください（入力値: 0）');
    expect(messageOf(page, '-3')).toBe('ページ番号は1以上で指定してください（入力値: -3）');
    expect(messageOf(pageQuery, { pageSize: '201' })).toBe('表示件数は200以下で指定してください（入力値: 201）');
    expect(messageOf(page, '99999999999999999999')).toBe('ページ番号の数が大きすぎます（入力値: 99999999999999999999）');
  });

  it('a parameter sent twice (?page=1&page=2) is refused naming the field', () => {
    expect(messageOf(page, ['1', '2'])).toBe('ページ番号は整数で1つだけ指定してください');
  });

  it('a long value is quoted cut to 20 characters', () => {
    expect(messageOf(page, 'x'.repeat(100))).toBe(`ページ番号は整数で指定してください（入力値: ${'x'.repeat(20)}…）`);
  });
});

describe('optionalQueryInteger: left out or empty is no value (the route decides, e.g. this year)', () => {
  const year = optionalQueryInteger('年', { min: 2000, max: 2100 });

  it('empty is undefined, not 0 (「2000以上」 for a 0 nobody typed)', () => {
    expect(year.parse('')).toBeUndefined();
    expect(year.parse(undefined)).toBeUndefined();
    expect(year.parse('2026')).toBe(2026);
  });

  it('the range is checked with the field name', () => {
    expect(messageOf(year, '1999')).toBe('年は2000以上で指定してください（入力値: 1999）');
    expect(messageOf(year, '2101')).toBe('年は2100以下で指定してください（入力値: 2101）');
    expect(messageOf(year, '2e3')).toBe('年は整数で指定してください（入力値: 2e3）');
  });
});

describe('queryBoolean: only true and false', () => {
  const overdue = queryBoolean('期限超過のみ');

  it("'false' is false (z.coerce.boolean read it as true); left out or empty is the default", () => {
    expect(overdue.parse('false')).toBe(false);
    expect(overdue.parse('true')).toBe(true);
    expect(overdue.parse('')).toBe(false);
    expect(overdue.parse(undefined)).toBe(false);
    expect(queryBoolean('含める', true).parse(undefined)).toBe(true);
  });

  it('anything else is refused naming the field, in Japanese', () => {
    for (const text of ['yes', '1', 'on', 'TRUE', 'False']) {
      expect(messageOf(overdue, text), text).toBe(`期限超過のみの指定が正しくありません（入力値: ${text}）`);
    }
  });
});
