import { describe, expect, it } from 'vitest';
import { dateTimeRefusalMessage, readTime, readTypedYear, readYear, timeRefusalMessage, typedDateTime } from './timeInput.ts';

describe('時刻の入力（人が書く形を正確に読む。読めなければ理由つきで拒み、推測しない）', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
  ])('画面が表示する形 %s → %s（読み方を言うまでもない）', (text, hhmm) => {
    expect(readTime(text)).toEqual({ ok: true, hhmm, plain: true });
  });

  it.each([
    ['１４：３０', '14:30'],
    ['14：30', '14:30'],
    ['14時30分', '14:30'],
    ['１４時３０分', '14:30'],
    ['14時5分', '14:05'],
    ['14時05分', '14:05'],
    ['14時30', '14:30'],
    ['14時', '14:00'],
    ['9時', '09:00'],
    ['14時半', '14:30'],
    ['午後2時30分', '14:30'],
    ['午後 2時 30分', '14:30'],
    ['午後2:30', '14:30'],
    ['午後2時', '14:00'],
    ['午後2時半', '14:30'],
    ['午前9時', '09:00'],
    ['午前9時15分', '09:15'],
    ['午前0時', '00:00'],
    ['午後0時', '12:00'],
    ['午後11時59分', '23:59'],
    ['正午', '12:00'],
    ['1430', '14:30'],
    ['0930', '09:30'],
    ['１４３０', '14:30'],
  ])('%s → %s（どう読んだかを欄の下に示す）', (text, hhmm) => {
    expect(readTime(text)).toEqual({ ok: true, hhmm, plain: false });
  });

  it.each([
    ['14.30', 'format'],
    ['14', 'format'],
    ['930', 'format'],
    ['14:3', 'format'],
    ['14時5', 'format'],
    ['14時30分00秒', 'format'],
    ['14:30:00', 'format'],
    ['PM2:30', 'format'],
    ['午後1430', 'format'],
    ['午後', 'format'],
    ['昼ごろ', 'format'],
    ['14時70分', 'nonexistent'],
    ['14:60', 'nonexistent'],
    ['1460', 'nonexistent'],
    ['30時', 'nonexistent'],
    ['24:00', 'nextDay'],
    ['24時', 'nextDay'],
    ['25時', 'nextDay'],
    ['2500', 'nextDay'],
    ['午後13時', 'halfDay'],
    ['午前14時30分', 'halfDay'],
    ['午前12時', 'twelve'],
    ['午後12時', 'twelve'],
  ])('%s は読まない（%s）', (text, reason) => {
    expect(readTime(text)).toEqual({ ok: false, reason, text });
  });

  it('拒む理由は日本語で、欄の名前と入力されたままの値を示す', () => {
    const refused = (text: string) => {
      const reading = readTime(text);
      if (reading.ok) throw new Error(`${text} was read`);
      return timeRefusalMessage('発見日時の時刻', reading);
    };
    expect(refused('25時')).toBe('発見日時の時刻に24時以降は使えません（入力値: 25時）。翌日の日付にして 0:00〜 の時刻で入力してください');
    expect(refused('午後13時')).toBe('発見日時の時刻の午前・午後の後の時は0〜11で入力してください（入力値: 午後13時）。付けない場合は0〜23時です');
    expect(refused('午後12時')).toContain('正午は 12:00、夜中は 0:00 と入力してください');
    expect(refused('14時70分')).toBe('発見日時の時刻に存在しない時刻が指定されています（入力値: 14時70分）。時は0〜23、分は0〜59で入力してください');
    expect(refused(' 昼ごろ ')).toBe('発見日時の時刻は 14:30・14時30分・14時半・午後2時30分・正午 のいずれかの形で入力してください（入力値: 昼ごろ）');
  });
});

describe('日時の欄（日付と時刻）の拒否は、読めなかった方をそのまま示す', () => {
  it.each([
    ['2026/11/28', '25時', '発見日時の時刻に24時以降は使えません（入力値: 25時）'],
    ['2026/02/30', '14:30', '発見日時の日付に存在しない日付が指定されています（2026/02/30）'],
    ['', '14:30', '発見日時の日付を入力してください（例: 2026/03/02）'],
    ['令和8年11月28日', '', '発見日時の時刻を入力してください（例: 14:30・14時30分・14時半・午後2時30分・正午）'],
  ])('日付「%s」時刻「%s」', (date, time, message) => {
    expect(dateTimeRefusalMessage('発見日時', typedDateTime(date, time))).toContain(message);
  });

  it('欄から来たものでない文字列（API の呼び出し）には ISO の例を示す', () => {
    expect(dateTimeRefusalMessage('日時', '2026-03-02 9:30')).toBe('日時は日時（例: 2026-03-02T09:30:00+09:00）で入力してください');
    expect(dateTimeRefusalMessage('日時', 42)).toBe('日時は日時（例: 2026-03-02T09:30:00+09:00）で入力してください');
  });
});

describe('年・年度の入力（西暦・和暦・略号・元年を正確に読む。年度は始まる年として読み、そう示す）', () => {
  it.each([
    ['2026', 2026, false],
    ['２０２６', 2026, false],
    ['2026年', 2026, false],
    ['2026年度', 2026, true],
    ['令和8年', 2026, false],
    ['令和８年', 2026, false],
    ['令和8', 2026, false],
    ['令和8年度', 2026, true],
    ['令和元年', 2019, false],
    ['令和元年度', 2019, true],
    ['令和1年', 2019, false],
    ['R8', 2026, false],
    ['r8', 2026, false],
    ['Ｒ８', 2026, false],
    ['R8年', 2026, false],
    ['R8年度', 2026, true],
    ['R元', 2019, false],
    ['平成31年', 2019, false],
    ['平成31年度', 2019, true],
    ['H30', 2018, false],
    ['平成元年', 1989, false],
    ['昭和64年', 1989, false],
    ['S63', 1988, false],
  ])('%s → %i 年（年度: %s）', (text, year, fiscal) => {
    expect(readYear(text)).toEqual({ ok: true, year, fiscal });
  });

  it.each([
    ['26', 'format'],
    ['20266', 'format'],
    ['2026/4', 'format'],
    ['令和', 'format'],
    ['令和0年', 'format'],
    ['R0', 'format'],
    ['X8', 'format'],
    ['今年', 'format'],
    ['2026.5', 'format'],
    ['平成32年', 'era'],
    ['H32', 'era'],
    ['昭和65年', 'era'],
  ])('%s は読まない（%s）', (text, reason) => {
    expect(readYear(text)).toEqual({ ok: false, reason, text });
  });

  it('欄の年: 画面の形（2026・2026年）はそのまま、他の形は何年と読んだかを示す', () => {
    const field = { label: '評価の年', min: 2000, max: 2100 };
    expect(readTypedYear('2026', field)).toEqual({ ok: true, year: 2026, readAs: null });
    expect(readTypedYear('2026年', field)).toEqual({ ok: true, year: 2026, readAs: null });
    expect(readTypedYear('R8', field)).toEqual({ ok: true, year: 2026, readAs: '2026年' });
    expect(readTypedYear('令和8年度', field)).toEqual({ ok: true, year: 2026, readAs: '2026年（年度の始まる年）' });
    expect(readTypedYear('2026年度', field)).toEqual({ ok: true, year: 2026, readAs: '2026年（年度の始まる年）' });
  });

  it('欄の年の拒否は欄の名前と入力値を示し、範囲外なら何年と読んだかも示す', () => {
    const field = { label: '評価の年', min: 2000, max: 2100 };
    expect(readTypedYear('昭和50年', field)).toEqual({ ok: false, message: '評価の年は2000年以降で入力してください（入力値: 昭和50年 = 1975年）' });
    expect(readTypedYear('2101', field)).toEqual({ ok: false, message: '評価の年は2100年以前で入力してください（入力値: 2101）' });
    expect(readTypedYear('平成32年', field)).toEqual({ ok: false, message: '評価の年の元号と年が合いません（入力値: 平成32年）。その元号にない年です' });
    expect(readTypedYear('26', field)).toEqual({
      ok: false,
      message: '評価の年は 2026・2026年・令和8年・R8・令和8年度 のいずれかの形で入力してください（入力値: 26）',
    });
  });
});
