// Dates as people type them (Standards: "a date in any form the app displays, ISO or 和暦 —
// understood exactly, or refused with a Japanese field error"). Pure; the server's field schemas,
// the web's date fields and the Excel import read dates through this one parser, so a date is
// never silently replaced: what cannot be read exactly is refused, with the reason.

/** The Japanese eras a PMS record can meet, newest first, with their first and last days. */
export const eras = [
  { name: '令和', letter: 'R', from: '2019-05-01', to: null },
  { name: '平成', letter: 'H', from: '1989-01-08', to: '2019-04-30' },
  { name: '昭和', letter: 'S', from: '1926-12-25', to: '1989-01-07' },
  { name: '大正', letter: 'T', from: '1912-07-30', to: '1926-12-24' },
  { name: '明治', letter: 'M', from: '1868-01-25', to: '1912-07-29' },
] as const;

type Era = (typeof eras)[number];

/** The forms accepted, as a person reads them (for messages and placeholders). */
export const acceptedDateForms = '2026/11/28・2026-11-28・2026年11月28日・令和8年11月28日・R8.11.28';

/** Why a typed date was refused. */
export type DateRefusal = 'format' | 'nonexistent' | 'era';

export type DateReading = { ok: true; iso: string } | { ok: false; reason: DateRefusal; text: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date of year/month/day when that day exists in the Gregorian calendar, else null. */
function realDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1868 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// Full-width digits, letters and punctuation as half-width (ＮＦＫＣ), spaces removed.
const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

const western = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const westernKanji = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const eraKanji = /^(令和|平成|昭和|大正|明治)(元|\d{1,3})年(\d{1,2})月(\d{1,2})日$/;
const eraLetter = /^([RHSTMrhstm])(元|\d{1,3})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;

function fromEra(era: Era, yearText: string, month: number, day: number, text: string): DateReading {
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  if (eraYear < 1) return { ok: false, reason: 'format', text };
  const iso = realDate(Number(era.from.slice(0, 4)) + eraYear - 1, month, day);
  if (!iso) return { ok: false, reason: 'nonexistent', text };
  // 平成31年5月1日 does not exist: that day is 令和元年5月1日. Refused, not moved to another era.
  if (iso < era.from || (era.to !== null && iso > era.to)) return { ok: false, reason: 'era', text };
  return { ok: true, iso };
}

/**
 * Reads a typed date: 2026/11/28, 2026-11-28, 2026.11.28, 2026年11月28日, 令和8年11月28日
 * (元年 too), R8.11.28, R8/11/28, R8年11月28日 — full-width digits allowed. Returns the ISO date,
 * or the reason it was refused: not one of these forms, a day that does not exist (2026-02-30),
 * or an era year outside the era (平成31年5月1日).
 */
export function readDate(input: string): DateReading {
  const text = normalize(input);
  let m = western.exec(text) ?? westernKanji.exec(text);
  if (m) {
    const iso = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, iso } : { ok: false, reason: 'nonexistent', text: input };
  }
  m = eraKanji.exec(text);
  if (m) {
    const era = eras.find((e) => e.name === m?.[1]);
    if (era) return fromEra(era, m[2] ?? '', Number(m[3]), Number(m[4]), input);
  }
  m = eraLetter.exec(text);
  if (m) {
    const era = eras.find((e) => e.letter === m?.[1]?.toUpperCase());
    if (era) return fromEra(era, m[2] ?? '', Number(m[3] ?? m[5]), Number(m[4] ?? m[6]), input);
  }
  return { ok: false, reason: 'format', text: input };
}

/** The Japanese field error for a refused date, naming the field and keeping what was typed. */
export function dateRefusalMessage(label: string, reading: { reason: DateRefusal; text: string }): string {
  switch (reading.reason) {
    case 'nonexistent':
      return `${label}に存在しない日付が指定されています（${reading.text}）`;
    case 'era':
      return `${label}の元号と年が合いません（${reading.text}）。改元の日をまたぐ日付は新しい元号で入力してください`;
    default:
      return `${label}は ${acceptedDateForms} のいずれかの形で入力してください（${reading.text}）`;
  }
}
