import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRefusalMessage, readDate } from './dateInput.ts';

const ok = (iso: string) => ({ ok: true, iso });

describe('日付の入力（画面が表示する形・ISO・和暦を正確に読む。読めなければ理由つきで拒む）', () => {
  it.each([
    ['2026/11/28', '2026-11-28'],
    ['2026/1/5', '2026-01-05'],
    ['2026-11-28', '2026-11-28'],
    ['2026.11.28', '2026-11-28'],
    ['２０２６／１１／２８', '2026-11-28'],
    [' 2026/11/28 ', '2026-11-28'],
    ['2026年11月28日', '2026-11-28'],
    ['令和8年11月28日', '2026-11-28'],
    ['令和８年１１月２８日', '2026-11-28'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.11.28', '2026-11-28'],
    ['r8.11.28', '2026-11-28'],
    ['R8/11/28', '2026-11-28'],
    ['R8年11月28日', '2026-11-28'],
    ['R元.5.1', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['H31.4.30', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['S64.1.7', '1989-01-07'],
  ])('%s → %s', (text, iso) => {
    expect(readDate(text)).toEqual(ok(iso));
  });

  it.each([
    ['2026-02-30', 'nonexistent'],
    ['2026/13/01', 'nonexistent'],
    ['2025/02/29', 'nonexistent'],
    ['令和8年2月30日', 'nonexistent'],
    ['平成31年5月1日', 'era'],
    ['H31.5.1', 'era'],
    ['昭和64年1月8日', 'era'],
    ['令和元年4月30日', 'era'],
    ['11/28', 'format'],
    ['28/11/2026', 'format'],
    ['2026年11月', 'format'],
    ['明日', 'format'],
    ['', 'format'],
    ['R0.1.1', 'format'],
  ])('%s は拒む（%s）', (text, reason) => {
    expect(readDate(text)).toEqual({ ok: false, reason, text });
  });

  it('うるう年の2月29日は存在する年だけ読む', () => {
    expect(readDate('2028/02/29')).toEqual(ok('2028-02-29'));
    expect(readDate('2100/02/29')).toMatchObject({ ok: false, reason: 'nonexistent' });
  });

  it('1868年から2199年のどの日も、西暦の3つの形と Intl の和暦表示から同じ日に読み戻せる', () => {
    const wareki = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1873-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(readDate(iso)).toEqual(ok(iso));
        expect(readDate(`${y}/${m}/${day}`)).toEqual(ok(iso));
        expect(readDate(`${y}年${Number(m)}月${Number(day)}日`)).toEqual(ok(iso));
        expect(readDate(wareki.format(d))).toEqual(ok(iso));
      }),
      { numRuns: 500 },
    );
  });

  it('拒む理由ごとに、項目名と入力した文字を含む日本語のメッセージ', () => {
    expect(dateRefusalMessage('知った日', { reason: 'format', text: '11/28' })).toBe(
      '知った日は 2026/11/28・2026-11-28・2026年11月28日・令和8年11月28日・R8.11.28 のいずれかの形で入力してください（11/28）',
    );
    expect(dateRefusalMessage('知った日', { reason: 'nonexistent', text: '2026-02-30' })).toBe('知った日に存在しない日付が指定されています（2026-02-30）');
    expect(dateRefusalMessage('知った日', { reason: 'era', text: '平成31年5月1日' })).toMatch(/^知った日の元号と年が合いません（平成31年5月1日）/);
  });
});
