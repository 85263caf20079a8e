/**
 * Date display. Dates travel as `YYYY-MM-DD` (calendar dates, no time zone) or ISO timestamps;
 * timestamps are shown in Japan time, where the organizations work. 和暦 uses the Japanese
 * calendar of Intl (`ja-JP-u-ca-japanese`), e.g. 令和7年4月1日.
 */

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: string): { date: Date; timeZone: string } | null {
  if (dateOnly.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : { date, timeZone: 'UTC' };
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, timeZone: 'Asia/Tokyo' };
}

/** 令和7年4月1日 */
export function toWareki(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = parse(value);
  if (!parsed) return value;
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: parsed.timeZone }).format(parsed.date);
}

/** 2025/04/01 (or 2025/04/01（令和7年4月1日） with the Japanese-calendar preference). */
export function formatDate(value: string | null | undefined, calendar: 'gregorian' | 'japanese' = 'gregorian'): string {
  if (!value) return '';
  const parsed = parse(value);
  if (!parsed) return value;
  const base = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: parsed.timeZone }).format(parsed.date);
  return calendar === 'japanese' ? `${base}（${toWareki(value)}）` : base;
}

/** 2025/04/01 09:30 in Japan time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(date);
}

/** Today's date (YYYY-MM-DD) in Japan. */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(now);
}
