// 台帳の値の読み取り (issue #12, SPEC §1.7 "What a person typed is sacred"): the cell of an
// organization's own ledger as the readers see it, and how a refusal quotes it. Pure.

/** A cell of an imported sheet: text, number, boolean, date (Excel dates arrive as UTC Dates), or empty. */
export type LedgerCell = string | number | boolean | Date | null;

/** A refusal of a cell: the Japanese message names the field and quotes the cell. */
export type CellRefusal = { error: string };

/** How many characters of a cell a message quotes (a 2,000-character 備考 is not echoed whole). */
export const QUOTE_MAX_CHARS = 40;

/** A cell as text: dates as YYYY-MM-DD (the UTC date Excel stored), everything else trimmed. */
export function cellText(value: LedgerCell): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * The cell as a message quotes it: on one line, cut to {@link QUOTE_MAX_CHARS} characters with
 * 「…」 when longer.
 *
 * @example quoteCell('約3万件') // '約3万件'
 */
export function quoteCell(value: LedgerCell | string): string {
  const text = cellText(value).replace(/\s*\n\s*/g, ' ');
  const chars = [...text];
  return chars.length > QUOTE_MAX_CHARS ? `${chars.slice(0, QUOTE_MAX_CHARS).join('')}…` : text;
}

/**
 * What ledgers write for "none" (なし・無し・－・―・ー・-・該当なし・特になし …): read as absent.
 * Compared width-folded and without spaces or brackets, so 「（なし）」「 ー 」「ナシ」 meet too.
 */
const NONE_WORDS = new Set([
  'なし',
  '無し',
  '無',
  'ナシ',
  'ない',
  '該当なし',
  '該当無し',
  '該当無',
  '非該当',
  '特になし',
  '特に無し',
  '特になし。',
  'なし。',
  'とくになし',
  '無し。',
  '-',
  '−',
  '‐',
  '–',
  '—',
  '―',
  'ー',
  'ｰ',
  '─',
  '--',
  '---',
  '・',
  '/',
  '／',
  '×',
  'n/a',
  'na',
  'none',
  'nil',
]);

/** The text as {@link isNoneText} compares it: NFKC, no spaces, no enclosing brackets, lower case. */
const foldNone = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[(（［[【「『]+|[)）］\]】」』]+$/g, '')
    .toLowerCase();

/**
 * Whether a cell's text means "none" (blank included): なし, 無し, －, ―, ー, -, 該当なし, 特になし ….
 *
 * @example isNoneText('該当なし') // true; isNoneText('なし（社内のみ）') // false
 */
export function isNoneText(text: string): boolean {
  const folded = foldNone(text);
  return folded === '' || NONE_WORDS.has(folded);
}

/** Whether a cell is empty or a "none" placeholder ({@link isNoneText}). */
export const isNoneCell = (value: LedgerCell): boolean => value === null || (typeof value === 'string' && isNoneText(value));
