// Times of day and years as people type them (Standards: "Never change what a person typed without
// saying so"): 「午後2時30分」 in an incident's 発見日時, 「令和8年度」 in a review's year — read
// exactly, or refused with a Japanese field error quoting what was typed; nothing is guessed.
// Pure; the web's date-and-time and year fields read through these readers, and the server's
// date-time schema words its refusal with them. The era table is dateInput.ts's (one table).

import { dateRefusalMessage, eras, readDate } from './dateInput.ts';

// Full-width digits, letters and punctuation as half-width (ＮＦＫＣ: １４：３０ → 14:30), spaces removed.
const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

const pad = (n: number) => String(n).padStart(2, '0');

// ---- 時刻 -------------------------------------------------------------------------------------

/**
 * Why a typed time was refused: not one of the forms; an hour or minute that does not exist (14時70分,
 * 30時); 24時 and later (深夜の「25時」 is the next day's 1:00 — the day is the date's business);
 * 午前・午後 with an hour of 13 and more (午後13時); 午前12時・午後12時 (read as noon by some and
 * as midnight by others).
 */
export type TimeRefusal = 'format' | 'nonexistent' | 'nextDay' | 'halfDay' | 'twelve';

export type TimeReading = { ok: true; hhmm: string; plain: boolean } | { ok: false; reason: TimeRefusal; text: string };

/** The forms accepted, as a person reads them (for messages and placeholders). */
export const acceptedTimeForms = '14:30・14時30分・14時半・午後2時30分・正午';

// [午前|午後] then H:mm, H時, H時m分, H時m, H時半 — or, with no 午前・午後, four digits HHmm (1430).
const clock = /^(午前|午後)?(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分|(\d{2})|(半))?)$/;
const fourDigits = /^(\d{2})(\d{2})$/;

/**
 * Reads a typed time of day into `HH:mm`. The grammar, after full-width characters are read as
 * half-width and spaces dropped (「１４：３０」「午後 2時」):
 * - `H:mm` / `HH:mm` (14:30, 9:05; the minutes always two digits);
 * - `H時`, `H時m分`, `H時mm` and `H時半` (14時 = 14:00, 14時5分 = 14:05, 14時30 = 14:30, 14時半 = 14:30;
 *   14時5 is refused: the minutes without 分 are two digits);
 * - either of these after 午前 or 午後, with an hour of 0 to 11 (午後2時30分 = 14:30, 午前0時 = 0:00,
 *   午後0時 = 12:00);
 * - 正午 (12:00);
 * - four digits `HHmm` without 午前・午後 (1430 = 14:30, 0930 = 9:30); three digits (930) are refused.
 * Refused, with the reason: anything else (14.30, 14時30分00秒, PM2:30), 24時 and later, 午後13時,
 * and 午前12時・午後12時, whose meaning differs between readers. `plain` when typed as the app shows
 * times (14:30, 9:30), so there is nothing to say about how it was read.
 *
 * @example readTime('午後2時30分') // { ok: true, hhmm: '14:30', plain: false }
 */
export function readTime(input: string): TimeReading {
  const text = normalize(input);
  const refuse = (reason: TimeRefusal): TimeReading => ({ ok: false, reason, text: input.trim() });
  if (text === '正午') return { ok: true, hhmm: '12:00', plain: false };
  const four = fourDigits.exec(text);
  const m = four ? null : clock.exec(text);
  if (!four && !m) return refuse('format');
  const halfDay = m?.[1];
  let hours = Number(four?.[1] ?? m?.[2]);
  const minutes = m?.[6] ? 30 : Number(four?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5] ?? '0');
  if (minutes > 59) return refuse('nonexistent');
  if (halfDay) {
    if (hours === 12) return refuse('twelve');
    if (hours > 12) return refuse('halfDay');
    if (halfDay === '午後') hours += 12;
  } else if (hours >= 24) return refuse(hours < 30 ? 'nextDay' : 'nonexistent');
  const hhmm = `${pad(hours)}:${pad(minutes)}`;
  return { ok: true, hhmm, plain: /^\d{1,2}:\d{2}$/.test(input.trim()) };
}

/** The Japanese field error for a refused time, naming the field and quoting what was typed. */
export function timeRefusalMessage(label: string, reading: { reason: TimeRefusal; text: string }): string {
  const typed = `（入力値: ${reading.text}）`;
  switch (reading.reason) {
    case 'nonexistent':
      return `${label}に存在しない時刻が指定されています${typed}。時は0〜23、分は0〜59で入力してください`;
    case 'nextDay':
      return `${label}に24時以降は使えません${typed}。翌日の日付にして 0:00〜 の時刻で入力してください`;
    case 'halfDay':
      return `${label}の午前・午後の後の時は0〜11で入力してください${typed}。付けない場合は0〜23時です`;
    case 'twelve':
      return `${label}の午前12時・午後12時は正午とも夜中の0時とも読めます${typed}。正午は 12:00、夜中は 0:00 と入力してください`;
    default:
      return `${label}は ${acceptedTimeForms} のいずれかの形で入力してください${typed}`;
  }
}

// ---- 日時（日付と時刻の二つの欄） -----------------------------------------------------------------

/**
 * What a date-and-time field holds while its two parts cannot be read into an instant: the date
 * and the time as typed, on two lines. A one-line input cannot hold a line break, so the parts come
 * back apart exactly — {@link dateTimeRefusalMessage} words the refusal from them.
 */
export function typedDateTime(date: string, time: string): string {
  return `${date}\n${time}`;
}

/**
 * The field error for a date-time that is not an ISO instant. Text from a date-and-time field
 * ({@link typedDateTime}) is refused part by part, quoting what was typed; anything else (an API
 * client's text) gets the ISO example.
 */
export function dateTimeRefusalMessage(label: string, input: unknown): string {
  const iso = `${label}は日時（例: 2026-03-02T09:30:00+09:00）で入力してください`;
  if (typeof input !== 'string' || !input.includes('\n')) return iso;
  const [date = '', time = ''] = input.split('\n');
  if (!date.trim()) return `${label}の日付を入力してください（例: 2026/03/02）`;
  const day = readDate(date);
  if (!day.ok) return dateRefusalMessage(`${label}の日付`, day);
  if (!time.trim()) return `${label}の時刻を入力してください（例: ${acceptedTimeForms}）`;
  const clockTime = readTime(time);
  if (!clockTime.ok) return timeRefusalMessage(`${label}の時刻`, clockTime);
  return iso;
}

// ---- 年・年度 ----------------------------------------------------------------------------------

/** Why a typed year was refused: not one of the forms, or an era year the era never reached (平成32年). */
export type YearRefusal = 'format' | 'era';

export type YearReading = { ok: true; year: number; fiscal: boolean } | { ok: false; reason: YearRefusal; text: string };

/** The forms accepted, as a person reads them (for messages). */
export const acceptedYearForms = '2026・2026年・令和8年・R8・令和8年度';

const westernYear = /^(\d{4})(年度?)?$/;
const eraYear = /^(令和|平成|昭和|大正|明治|[RHSTM])(元|\d{1,2})(年度?)?$/i;

/**
 * Reads a typed year: 2026, 2026年, 2026年度, 令和8年, 令和8年度, 令和元年 (= 2019), R8, R8年度,
 * H30 — full-width too. A 年度 is read as the year it starts in (令和8年度 = 2026年4月〜, read as 2026);
 * `fiscal` says it was typed as one, so the field can say so. An era year must be one the era had:
 * 平成31年 (2019) is read, 平成32年 is refused, never moved to 令和2年. Two digits alone (26) and
 * anything else are refused.
 *
 * @example readYear('令和元年度') // { ok: true, year: 2019, fiscal: true }
 */
export function readYear(input: string): YearReading {
  const text = normalize(input);
  const refuse = (reason: YearRefusal): YearReading => ({ ok: false, reason, text: input.trim() });
  const western = westernYear.exec(text);
  if (western) return { ok: true, year: Number(western[1]), fiscal: western[2] === '年度' };
  const m = eraYear.exec(text);
  const name = m?.[1]?.toUpperCase();
  const era = eras.find((e) => e.name === name || e.letter === name);
  if (!m || !era) return refuse('format');
  const nth = m[2] === '元' ? 1 : Number(m[2]);
  if (nth < 1) return refuse('format');
  const year = Number(era.from.slice(0, 4)) + nth - 1;
  if (era.to !== null && year > Number(era.to.slice(0, 4))) return refuse('era');
  return { ok: true, year, fiscal: m[3] === '年度' };
}

export type YearFieldOptions = {
  /** The field's Japanese name, for the refusal. */
  label: string;
  min?: number;
  max?: number;
};

/** A typed year read for a field: the year and how to say what was read (null when typed as shown), or the field error. */
export type TypedYear = { ok: true; year: number; readAs: string | null } | { ok: false; message: string };

/**
 * Reads a year typed into a field ({@link readYear}) and checks the field's range. `readAs` is what
 * the field says under the input when the year was not typed as the app shows it (「令和8年度」 →
 * 「2026年（年度の始まる年）」); a refusal names the field, quotes what was typed and, for a year out
 * of range, the year it was read as.
 *
 * @example readTypedYear('R8', { label: '評価の年', min: 2000 }) // { ok: true, year: 2026, readAs: '2026年' }
 */
export function readTypedYear(input: string, { label, min, max }: YearFieldOptions): TypedYear {
  const typed = input.trim();
  const reading = readYear(typed);
  if (!reading.ok) {
    if (reading.reason === 'era') return { ok: false, message: `${label}の元号と年が合いません（入力値: ${typed}）。その元号にない年です` };
    return { ok: false, message: `${label}は ${acceptedYearForms} のいずれかの形で入力してください（入力値: ${typed}）` };
  }
  const { year, fiscal } = reading;
  // Typed as the app shows years (2026, 2026年): nothing to say about how it was read.
  const plain = /^\d{4}年?$/.test(typed);
  const shownAs = plain ? typed : `${typed} = ${year}年`;
  if (min !== undefined && year < min) return { ok: false, message: `${label}は${min}年以降で入力してください（入力値: ${shownAs}）` };
  if (max !== undefined && year > max) return { ok: false, message: `${label}は${max}年以前で入力してください（入力値: ${shownAs}）` };
  if (fiscal) return { ok: true, year, readAs: `${year}年（年度の始まる年）` };
  return { ok: true, year, readAs: plain ? null : `${year}年` };
}
