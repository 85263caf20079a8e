import { type CellRefusal, type LedgerCell, cellText, isNoneCell, quoteCell } from './cell.ts';

// 台帳の値の読み取り: 件数（概数でも可, J.3.1.1 の台帳の記載例）as ledgers write it — 1200, 1,200,
// １２００, 約1,200件, 3万名, 1.2万, 1万2千, 5千件程度, 概数 800, 100〜200 — read exactly, or refused
// quoting the cell. Never a silent guess: 「多数」「数千」「不明」 are refused, not read as a number.

/** A count read from a cell: the number, and whether the ledger marked it as approximate. */
export type CountReading = { value: number; approximate: boolean };

/** Words before a count that mark it approximate. */
const APPROX_PREFIX = /^(?:約|概ね|おおむね|およそ|凡そ|概数|概算|推定|ca\.?|approx\.?)[:：]?/i;
/** Words after a count that mark it approximate. */
const APPROX_SUFFIX = /(?:[(（](?:概数|概算|推定|見込み?)[)）]|程度|前後|ほど|位|くらい|ぐらい|余り|余|強|弱|超|以上|以下|未満|概数|概算|見込み?)$/;
/** Units a count is written with (件・名・人 …), dropped. */
const UNIT_SUFFIX = /(?:件分|人分|レコード|世帯|団体|件|名|人|通|枚|冊|社|個|行|部|者)$/;
/** The separators of a range: 〜 ～ ~ - － ー ― から. */
const RANGE = /^(.+?)(?:〜|~|-|－|ー|―|−|から)(.+)$/;
/** One group of a number: digits (with valid 桁区切り or a decimal part) and a unit of 億・万・千・百. */
const GROUP = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(億|万|千|百)?/y;
const UNIT_VALUE = { 億: 100_000_000, 万: 10_000, 千: 1_000, 百: 100 } as const;

/** What {@link readNumber} makes of one side: the number, or null when it is not one. */
function readNumber(text: string): number | null {
  let total = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  let position = 0;
  let groups = 0;
  let bare = false;
  while (position < text.length) {
    GROUP.lastIndex = position;
    const m = GROUP.exec(text);
    if (!m?.[1]) return null;
    // A bare number (no unit) can only close the count: 「1万2千500」, not 「500万1万」.
    if (bare) return null;
    const digits = Number(m[1].replaceAll(',', ''));
    const unit = m[2] ? UNIT_VALUE[m[2] as keyof typeof UNIT_VALUE] : 1;
    if (unit >= lastUnit) return null;
    if (!m[2]) bare = true;
    lastUnit = unit;
    total += digits * unit;
    position = GROUP.lastIndex;
    groups++;
  }
  if (groups === 0) return null;
  // 1.5万 is 15,000; 1.23456万 or 12.5 is not a whole count.
  const rounded = Math.round(total * 1e6) / 1e6;
  return Number.isInteger(rounded) ? rounded : null;
}

/** One side of a count with its approximate marks and unit removed; `approximate` when a mark was there. */
function strip(text: string): { text: string; approximate: boolean } {
  let rest = text;
  let approximate = false;
  for (let changed = true; changed; ) {
    changed = false;
    const before = rest;
    if (APPROX_PREFIX.test(rest)) {
      rest = rest.replace(APPROX_PREFIX, '');
      approximate = true;
    }
    if (APPROX_SUFFIX.test(rest)) {
      rest = rest.replace(APPROX_SUFFIX, '');
      approximate = true;
    }
    rest = rest.replace(UNIT_SUFFIX, '');
    if (rest !== before) changed = true;
  }
  return { text: rest, approximate };
}

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
  const text = cellText(value).normalize('NFKC').replace(/\s+/g, '');
  const whole = strip(text);
  const range = RANGE.exec(whole.text);
  if (range?.[1] && range[2]) {
    const low = strip(range[1]);
    const high = strip(range[2]);
    const lowValue = readNumber(low.text);
    const highValue = readNumber(high.text);
    if (lowValue === null || highValue === null) return refuse();
    if (lowValue > highValue) return refuse('。範囲は小さい数から書いてください');
    if (highValue > MAX_COUNT) return refuse('。大きすぎます');
    return { value: highValue, approximate: true };
  }
  const read = readNumber(whole.text);
  if (read === null) return refuse();
  if (read > MAX_COUNT) return refuse('。大きすぎます');
  return { value: read, approximate: whole.approximate };
}
