import { readDate } from '../../domain/dateInput.ts';
import { type CellRefusal, type LedgerCell, cellText, isNoneCell, quoteCell } from './cell.ts';

// 台帳の値の読み取り: dates as ledgers hold them — an Excel date cell, an Excel serial number
// (a date column saved without its format, or a CSV of one), 2026/3/31, 20260331, 令和8年3月31日,
// R8.3.31, 令和元年 … (the text forms through src/domain/dateInput.ts readDate) — or, in a 期限
// field, a description such as 「業務終了まで」. A text that looks like a date but is not a real
// one (2026/2/30, 平成31年5月1日) is refused: it is never moved to a nearby day.

/** Excel's serial of 1950-01-01 and 2199-12-31: a number outside them is not a date of a PMS record. */
export const SERIAL_RANGE = { min: 18_264, max: 109_574 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Excel's day 0 in its 1900 date system (with the phantom 1900-02-29, so 1899-12-30 for every serial after it). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** The ISO date of an Excel serial number (whole days; a time of day is refused, not dropped). */
export function serialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < SERIAL_RANGE.min || serial > SERIAL_RANGE.max) return null;
  return new Date(SERIAL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}

const compact = /^(\d{4})(\d{2})(\d{2})$/;

export type DateCellReading = { date: string } | { text: string } | null | CellRefusal;

/**
 * Reads a date cell. Returns `{ date }` (ISO), `{ text }` for a text that is no date at all
 * (only where `allowText`, the 期限 fields), null when blank or なし, or a refusal naming the field
 * and quoting the cell.
 *
 * @example readDateCell('令和8年3月31日', '保管期限') // { date: '2026-03-31' }
 * @example readDateCell(46112, '保管期限') // { date: '2026-03-31' } (an Excel serial)
 * @example readDateCell('業務終了まで', '利用期限', { allowText: true }) // { text: '業務終了まで' }
 */
export function readDateCell(value: LedgerCell, label: string, options: { allowText?: boolean } = {}): DateCellReading {
  if (isNoneCell(value)) return null;
  const refuse = (why: string) => ({ error: `${label}「${quoteCell(value)}」${why}` });
  const forms = '（例: 2026/3/31・令和8年3月31日・R8.3.31）';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refuse('は日付として読めません');
    return { date: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    const iso = serialToIso(value);
    return iso ? { date: iso } : refuse(`は日付として読めません。日付の形で入力してください${forms}`);
  }
  if (typeof value === 'boolean') return refuse(`は日付として読めません${forms}`);
  const text = cellText(value);
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  // A number typed as text: a serial (from a CSV) or 20260331.
  if (/^\d+$/.test(folded)) {
    const m = compact.exec(folded);
    if (m) {
      const reading = readDate(`${m[1]}-${m[2]}-${m[3]}`);
      return reading.ok ? { date: reading.iso } : refuse(`は存在しない日付です${forms}`);
    }
    const iso = serialToIso(Number(folded));
    return iso ? { date: iso } : refuse(`は日付として読めません${forms}`);
  }
  const reading = readDate(text);
  if (reading.ok) return { date: reading.iso };
  if (reading.reason === 'nonexistent') return refuse(`は存在しない日付です${forms}`);
  if (reading.reason === 'era') return refuse('は元号と年が合いません。改元の日をまたぐ日付は新しい元号で入力してください');
  // Looks like a date (digits with date separators, or an era with a year) but is not one of the forms.
  if (/^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|(?:令和|平成|昭和|[RHS])(?:元|\d{1,2})[年.\-/]\d{1,2}[-/.月]\d{1,2}日?)$/i.test(folded))
    return refuse(`は日付として読めません${forms}`);
  return options.allowText ? { text } : refuse(`は日付として読めません${forms}`);
}
