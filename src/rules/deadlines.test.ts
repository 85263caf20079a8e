import holidayJp from '@holiday-jp/holiday_jp';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addCalendarDays, addStatutoryDays, daysBetween, HOLIDAY_DATA_RANGE, isIsoDate, isNonWorkingDay, nextWorkingDay, nthDay, targetWindow } from './deadlines.ts';

/** Dates from 2000-01-01 to 2050-08-31, so that +60 days and a 休日 run stay in the data. */
const dateArb = fc.integer({ min: 0, max: 18_505 }).map((offset) => addCalendarDays('2000-01-01', offset));
const periodArb = fc.integer({ min: 1, max: 60 });

describe('期限の計算（知った日を1日目とし、末日が行政機関の休日なら翌開庁日）', () => {
  it('知った日を1日目として数える：2026-01-05から30日は2026-02-03（SPEC §5.1の例）', () => {
    expect(addStatutoryDays('2026-01-05', 30)).toBe('2026-02-03');
  });

  it('確報60日：2026-01-05から60日目は2026-03-05（木）', () => {
    expect(addStatutoryDays('2026-01-05', 60)).toBe('2026-03-05');
  });

  it('期間中の土日・祝日も日数に含める（1日の期間は知った日そのもの）', () => {
    expect(addStatutoryDays('2026-01-07', 1)).toBe('2026-01-07');
    expect(addStatutoryDays('2026-01-07', 5)).toBe('2026-01-13'); // 1/10–1/12 (土日・成人の日) を含む
  });

  it('末日が日曜日なら翌日（月曜日）に延びる', () => {
    // day 30 from 2026-01-03 is Sunday 2026-02-01
    expect(addStatutoryDays('2026-01-03', 30)).toBe('2026-02-02');
  });

  it('末日が土曜日なら翌々日（月曜日）に延びる', () => {
    // day 30 from 2026-01-02 is Saturday 2026-01-31
    expect(addStatutoryDays('2026-01-02', 30)).toBe('2026-02-02');
  });

  it('末日が国民の祝日（建国記念の日）なら翌日に延びる', () => {
    expect(nthDay('2026-01-13', 30)).toBe('2026-02-11');
    expect(addStatutoryDays('2026-01-13', 30)).toBe('2026-02-12');
  });

  it('末日が振替休日を含む連休なら連休明けまで延びる（2026年5月）', () => {
    // day 30 = Sat 05-02; 05-03 (Sun) 憲法記念日, 05-04, 05-05, 05-06 振替休日 → Thu 05-07
    expect(addStatutoryDays('2026-04-03', 30)).toBe('2026-05-07');
  });

  it('末日が年末年始（12月29日〜1月3日）なら1月4日以降の最初の開庁日に延びる', () => {
    // day 30 = Mon 2025-12-29; 2026-01-04 is a Sunday → Mon 2026-01-05
    expect(addStatutoryDays('2025-11-30', 30)).toBe('2026-01-05');
    // 12/30 (平日) is also a closing day
    expect(isNonWorkingDay('2026-12-30')).toBe(true);
    expect(addStatutoryDays('2026-12-01', 30)).toBe('2027-01-04');
  });

  it('最長の連休（2019年のゴールデンウィーク10連休）では単純計算より10日延びる', () => {
    const knownOn = addCalendarDays('2019-04-27', -29);
    expect(nthDay(knownOn, 30)).toBe('2019-04-27');
    expect(addStatutoryDays(knownOn, 30)).toBe('2019-05-07');
  });

  it('平日は開庁日、土日・祝日・12/29〜1/3は休日と判定する', () => {
    expect(isNonWorkingDay('2026-01-05')).toBe(false); // 月
    expect(isNonWorkingDay('2026-01-10')).toBe(true); // 土
    expect(isNonWorkingDay('2026-01-11')).toBe(true); // 日
    expect(isNonWorkingDay('2026-01-12')).toBe(true); // 成人の日
    expect(isNonWorkingDay('2026-01-02')).toBe(true); // 金・年始
    expect(isNonWorkingDay('2025-12-29')).toBe(true); // 月・年末
    expect(isNonWorkingDay('2025-12-26')).toBe(false); // 金
    expect(isNonWorkingDay('2027-01-04')).toBe(false); // 月・御用始め
  });

  it('祝日の判定は @holiday-jp/holiday_jp と一致する', () => {
    for (const date of Object.keys(holidayJp.holidays)) expect(isNonWorkingDay(date)).toBe(true);
    fc.assert(
      fc.property(dateArb, (date) => {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const yearEnd = date.slice(5) >= '12-29' || date.slice(5) <= '01-03';
        expect(isNonWorkingDay(date)).toBe(weekday === 0 || weekday === 6 || yearEnd || holidayJp.isHoliday(date));
      }),
    );
  });

  it('速やかにの目安（知った日を1日目として3〜5日目）は休日で延ばさない', () => {
    expect(targetWindow('2026-01-05', 3, 5)).toEqual({ from: '2026-01-07', to: '2026-01-09' });
    expect(targetWindow('2026-01-09', 3, 5)).toEqual({ from: '2026-01-11', to: '2026-01-13' });
  });

  it('不正な日付・日数・祝日データの範囲外は RangeError で拒否する', () => {
    expect(() => addStatutoryDays('2026-02-30', 30)).toThrow(RangeError);
    expect(() => addStatutoryDays('2026/01/05', 30)).toThrow(RangeError);
    expect(() => addStatutoryDays('2026-01-05', 0)).toThrow(RangeError);
    expect(() => addStatutoryDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => isNonWorkingDay(addCalendarDays(HOLIDAY_DATA_RANGE.to, 1))).toThrow(/祝日データの範囲/);
    expect(() => nthDay('2026-01-05', 0)).toThrow(RangeError);
    expect(() => targetWindow('2026-01-05', 5, 3)).toThrow(RangeError);
  });

  it('YYYY-MM-DD の実在する日付だけを受け付ける', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
  });
});

describe('期限の計算はタイムゾーンに依存しない', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('TZ=%s でも同じ期限になる', (tz) => {
    process.env.TZ = tz;
    expect(addStatutoryDays('2026-01-05', 30)).toBe('2026-02-03');
    expect(addStatutoryDays('2025-11-30', 30)).toBe('2026-01-05');
    expect(isNonWorkingDay('2026-02-11')).toBe(true);
    expect(isNonWorkingDay('2026-02-10')).toBe(false);
  });
});

describe('期限計算の性質（fast-check）', () => {
  it('期限は必ず開庁日である', () => {
    fc.assert(fc.property(dateArb, periodArb, (knownOn, days) => !isNonWorkingDay(addStatutoryDays(knownOn, days))));
  });

  it('期限は単純計算の末日（知った日＋日数−1）以後である', () => {
    fc.assert(fc.property(dateArb, periodArb, (knownOn, days) => addStatutoryDays(knownOn, days) >= nthDay(knownOn, days)));
  });

  it('延長は最大10日（2019年の10連休）にとどまる', () => {
    fc.assert(
      fc.property(dateArb, periodArb, (knownOn, days) => {
        const shift = daysBetween(nthDay(knownOn, days), addStatutoryDays(knownOn, days));
        return shift >= 0 && shift <= 10;
      }),
    );
  });

  it('2020年以降の日付では延長は10日未満', () => {
    const laterArb = fc.integer({ min: 0, max: 11_150 }).map((offset) => addCalendarDays('2020-01-01', offset));
    fc.assert(
      fc.property(laterArb, periodArb, (knownOn, days) => {
        return daysBetween(nthDay(knownOn, days), addStatutoryDays(knownOn, days)) < 10;
      }),
    );
  });

  it('末日が開庁日なら延長しない', () => {
    fc.assert(
      fc.property(dateArb, periodArb, (knownOn, days) => {
        const naive = nthDay(knownOn, days);
        fc.pre(!isNonWorkingDay(naive));
        return addStatutoryDays(knownOn, days) === naive;
      }),
    );
  });

  it('延長するのは最初の開庁日まで（間の日はすべて休日）', () => {
    fc.assert(
      fc.property(dateArb, periodArb, (knownOn, days) => {
        const naive = nthDay(knownOn, days);
        const due = addStatutoryDays(knownOn, days);
        for (let d = naive; d < due; d = addCalendarDays(d, 1)) if (!isNonWorkingDay(d)) return false;
        return true;
      }),
    );
  });

  it('知った日が遅いほど期限も遅い（単調性）', () => {
    fc.assert(
      fc.property(dateArb, dateArb, periodArb, (a, b, days) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return addStatutoryDays(early, days) <= addStatutoryDays(late, days);
      }),
    );
  });

  it('日数が長いほど期限も遅い（30日の期限は60日の期限以前）', () => {
    fc.assert(
      fc.property(dateArb, periodArb, periodArb, (knownOn, x, y) => {
        const [short, long] = x <= y ? [x, y] : [y, x];
        return addStatutoryDays(knownOn, short) <= addStatutoryDays(knownOn, long);
      }),
    );
  });

  it('nextWorkingDay は冪等で、開庁日はそのまま返す', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const next = nextWorkingDay(date);
        return nextWorkingDay(next) === next && (isNonWorkingDay(date) || next === date);
      }),
    );
  });

  it('暦日の加算と差は互いに逆の操作', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        const moved = addCalendarDays(date, n);
        return isIsoDate(moved) && daysBetween(date, moved) === n && addCalendarDays(moved, -n) === date;
      }),
    );
  });
});
