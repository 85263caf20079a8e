import { z } from 'zod';

// Query-string parameters (?page=2&year=2026&overdue=true). A query value is always text; it is
// read exactly or refused, never coerced: `z.coerce.number()` read `?page=` as 0 (「1以上で指定して
// ください（入力値: 0）」 for a 0 nobody typed), `?headerRow=0x10` as 16 and `?year=1e3` as 1000, and
// `z.coerce.boolean()` reads 'false' as true. Every refusal names the field in Japanese.

/** A whole number written in decimal digits (an optional minus sign): no spaces, signs, fractions, exponents, hex or full-width digits. */
const DECIMAL_INTEGER = /^-?[0-9]+$/;

/** What was sent, quoted in a refusal (cut: a URL can carry anything). */
const quoted = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/** A range a query integer must fall in; `aboveMax` words the refusal above it in the field's own terms (「見出し行は20行目までです」). */
export type QueryIntegerRange = { min?: number; max?: number; aboveMax?: string };

/**
 * Reads `text` as a whole number in `range`, or records the field's refusal: 「ページ番号は整数で
 * 指定してください（入力値: 1.5）」「年は2100以下で指定してください（入力値: 3000）」.
 */
function readQueryInteger(label: string, text: string, { min, max, aboveMax }: QueryIntegerRange, ctx: z.RefinementCtx): number {
  const refuse = (message: string) => {
    ctx.addIssue({ code: 'custom', message: `${message}（入力値: ${quoted(text)}）`, input: text });
    return z.NEVER;
  };
  if (!DECIMAL_INTEGER.test(text)) return refuse(`${label}は整数で指定してください`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return refuse(`${label}の数が大きすぎます`);
  if (min !== undefined && value < min) return refuse(`${label}は${min}以上で指定してください`);
  if (max !== undefined && value > max) return refuse(aboveMax ?? `${label}は${max}以下で指定してください`);
  return value;
}

/**
 * The query text of a whole number, read by {@link readQueryInteger}; left out or empty, undefined.
 * The OpenAPI document shows it as the integer it reads, with its range and default (the text
 * schema would say only 「string」).
 */
const integerText = (label: string, range: QueryIntegerRange, fallback?: number) =>
  z
    .string({ error: `${label}は整数で1つだけ指定してください` })
    .meta({
      type: 'integer',
      ...(range.min !== undefined ? { minimum: range.min } : {}),
      ...(range.max !== undefined ? { maximum: range.max } : {}),
      ...(fallback !== undefined ? { default: fallback } : {}),
    })
    .optional()
    .transform((text, ctx) => (text === undefined || text === '' ? undefined : readQueryInteger(label, text, range, ctx)));

/**
 * An optional whole-number query parameter: left out or empty (`?year=`), it is undefined — the
 * route's own default applies (e.g. this year). Anything else must be decimal digits within `range`.
 *
 * @example optionalQueryInteger('年', { min: 2000, max: 2100 }).parse('2026') // 2026
 */
export const optionalQueryInteger = (label: string, range: QueryIntegerRange = {}) => integerText(label, range);

/**
 * A whole-number query parameter with a default: left out or empty (`?page=`), it is `fallback`
 * (never 0). Anything else must be decimal digits within `range`.
 *
 * @example queryInteger('ページ番号', 1, { min: 1 }).parse('') // 1
 */
export const queryInteger = (label: string, fallback: number, range: QueryIntegerRange = {}) => integerText(label, range, fallback).transform((value) => value ?? fallback);

/**
 * A yes/no query parameter: only `true` and `false`; left out or empty, it is `fallback`. 'false'
 * is false (`z.coerce.boolean()` reads every non-empty text as true), and 'yes', '1', 'on' are
 * refused naming the field. The OpenAPI document shows it as the boolean it reads.
 */
export const queryBoolean = (label: string, fallback = false) =>
  z
    .string({ error: `${label}の指定が正しくありません` })
    .meta({ type: 'boolean', default: fallback })
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return fallback;
      if (text === 'true' || text === 'false') return text === 'true';
      ctx.addIssue({ code: 'custom', message: `${label}の指定が正しくありません（入力値: ${quoted(text)}）`, input: text });
      return z.NEVER;
    });

/** Page parameters of list endpoints (lists are paged: SPEC §6): 1st page and 50 rows unless asked. */
export const pageQuery = z.object({
  page: queryInteger('ページ番号', 1, { min: 1 }),
  pageSize: queryInteger('表示件数', 50, { min: 1, max: 200 }),
});
