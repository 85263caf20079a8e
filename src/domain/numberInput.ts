// Numbers as people type them (Standards: "Never change what a person typed without saying so"):
// a fee typed with the Japanese IME 「１，０００」, a count 「約1,200人」 — read exactly, or refused
// with a Japanese field error quoting what was typed. Pure; the web's number fields read through
// this one reader, and the server's schemas accept only the number it gives (never a string).
// The 台帳 import reads 件数 cells through {@link readCountText} too (src/rules/ledgerValues/count.ts).

/** What a typed number was read as: the whole number, and whether it was written as a 概数 (約・程度…). */
export type NumberReading = { ok: true; value: number; approximate: boolean } | { ok: false; message: string };

export type NumberFieldOptions = {
  /** The field's Japanese name, for the refusal. */
  label: string;
  /** The unit written after the number and dropped (円, 人); the readers drop 件・名・人 already. */
  unit?: string;
  /** Whether a 概数 (約1,200人, 3万件程度, 100〜200) is a valid answer: yes for 本人の数, never for a fee. */
  approximate?: boolean;
  min?: number;
  max?: number;
};

// Full-width digits and separators as half-width (NFKC: １，０００ → 1,000; ￥ → ¥), spaces removed.
const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

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

/**
 * Reads a count written as text — 1200, 1,200, １２００, 約1,200件, 3万名, 1.2万, 1万2千, 5千件程度,
 * 概数 800, 100〜200 (its upper bound, approximate) — into a whole number and whether it was marked
 * as a 概数 (約・概数・程度・前後・以上 …). Not a count (「多数」「数千」, a decimal, なし) is
 * `{ ok: false }`; `reversed` when a range was written from the larger number.
 *
 * @example readCountText('約3万件') // { ok: true, value: 30000, approximate: true }
 */
export function readCountText(input: string): { ok: true; value: number; approximate: boolean } | { ok: false; reversed: boolean } {
  const whole = strip(normalize(input));
  const range = RANGE.exec(whole.text);
  if (range?.[1] && range[2]) {
    const lowValue = readNumber(strip(range[1]).text);
    const highValue = readNumber(strip(range[2]).text);
    if (lowValue === null || highValue === null) return { ok: false, reversed: false };
    if (lowValue > highValue) return { ok: false, reversed: true };
    return { ok: true, value: highValue, approximate: true };
  }
  const read = readNumber(whole.text);
  return read === null ? { ok: false, reversed: false } : { ok: true, value: read, approximate: whole.approximate };
}

/**
 * Reads a number typed into a field: digits in half or full width, with 桁区切り (1,000・１，０００),
 * 万・千 (1.2万), a leading ¥ and the field's unit (1000円). Where the field takes a 概数, 約・程度・
 * 前後 … and a range (its upper bound) read as approximate. Anything else — a decimal, a minus sign,
 * 「多数」, a 概数 where an exact number is needed — is refused, the message naming the field and
 * quoting what was typed. Blank is not a number: the caller decides what empty means.
 *
 * @example readTypedNumber('１，０００', { label: '手数料' }) // { ok: true, value: 1000, approximate: false }
 * @example readTypedNumber('約1,200人', { label: '本人の数', approximate: true }) // { ok: true, value: 1200, approximate: true }
 */
export function readTypedNumber(input: string, { label, unit, approximate = false, min = 0, max }: NumberFieldOptions): NumberReading {
  const typed = input.trim();
  let text = normalize(typed);
  if (unit && text.endsWith(unit)) text = text.slice(0, -unit.length);
  if (unit === '円') text = text.replace(/^¥/, '');
  // A year is written without 桁区切り (2026年, not 2,026年).
  const year = unit === '年';
  const shown = (n: number) => (year ? String(n) : n.toLocaleString('ja-JP'));
  const example = approximate ? '例: 1,200・約1,200・3万' : year ? '例: 2026年' : `例: 1,000${unit ?? ''}`;
  const refuse = (why: string): NumberReading => ({ ok: false, message: `${label}${why}（入力値: ${typed}）` });
  if (text === '') return refuse(`は数値で入力してください（${example}）`);
  if (/^[-−]/.test(text)) return refuse(`は${min}以上で入力してください`);
  const reading = readCountText(text);
  if (!reading.ok) return refuse(reading.reversed ? 'の範囲は小さい数から書いてください' : `は整数で入力してください（${example}）`);
  if (reading.approximate && !approximate) return refuse('は正確な数で入力してください。「約」「程度」などの概数や範囲は使えません');
  if (reading.value < min) return refuse(`は${shown(min)}以上で入力してください`);
  if (max !== undefined && reading.value > max) return refuse(`は${shown(max)}以下で入力してください`);
  return { ok: true, value: reading.value, approximate: reading.approximate };
}

/**
 * A count as the app shows it: 「1,200人」, or 「約1,200人（概数）」 when it was typed as one — the
 * 約 a person wrote is never dropped from what is shown or printed.
 */
export function countText(value: number, approximate: boolean | undefined, unit = '人'): string {
  const digits = value.toLocaleString('ja-JP');
  return approximate ? `約${digits}${unit}（概数）` : `${digits}${unit}`;
}
