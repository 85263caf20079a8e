import { readCountText } from '../../domain/numberInput.ts';
import { type CellRefusal, type LedgerCell, cellText, isNoneCell, quoteCell } from './cell.ts';

// 台帳の値の読み取り: 件数（概数でも可, J.3.1.1 の台帳の記載例）as ledgers write it (the text read by src/domain/numberInput.ts, shared with the number fields) — 1200, 1,200,
// １２００, 約1,200件, 3万名, 1.2万, 1万2千, 5千件程度, 概数 800, 100〜200 — read exactly, or refused
// quoting the cell. Never a silent guess: 「多数」「数千」「不明」 are refused, not read as a number.

/** A count read from a cell: the number, and whether the ledger marked it as approximate. */
export type CountReading = { value: number; approximate: boolean };

/** The largest count a 台帳 takes (the entry schema's limit). */
export const MAX_COUNT = 10_000_000_000;

/**
 * Reads a 件数 cell. A whole number (a number cell, or text in any of the forms above, 全角 too)
 * gives `{ value, approximate }`; 約・概数・程度・前後・以上 … mark it approximate; a range
 * 「100〜200」 gives its upper bound, approximate (the ledger promises at most that many). Blank
 * or なし gives null. Anything else is refused, naming the field and quoting the cell.
 *
 * @example readCount('約3万件') // { value: 30000, approximate: true }
 * @example readCount('100〜200') // { value: 200, approximate: true }
 */
export function readCount(value: LedgerCell, label = '件数'): CountReading | null | CellRefusal {
  if (isNoneCell(value)) return null;
  const refuse = (why = '') => ({
    error: `${label}「${quoteCell(value)}」は数値で入力してください${why}（概数でも可。例: 1,200・約1,200件・3万件・100〜200）`,
  });
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) return refuse('。小数は使えません');
    if (value < 0) return refuse('。0以上の数です');
    if (value > MAX_COUNT) return refuse('。大きすぎます');
    return { value, approximate: false };
  }
  if (typeof value !== 'string') return refuse();
  const read = readCountText(cellText(value));
  if (!read.ok) return refuse(read.reversed ? '。範囲は小さい数から書いてください' : '');
  if (read.value > MAX_COUNT) return refuse('。大きすぎます');
  return { value: read.value, approximate: read.approximate };
}
