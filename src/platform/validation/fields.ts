import { z } from 'zod';
import { dateRefusalMessage, readDate } from '../../domain/dateInput.ts';
import { type NumberFieldOptions, readTypedNumber } from '../../domain/numberInput.ts';

/**
 * How many characters were typed, counted as the limit counts them: zod measures strings in code
 * points, so 「𠮷」 is one character, not two UTF-16 units (a 201-character name with 𠮷 read as 202).
 */
export const typedLength = (input: unknown) => (typeof input === 'string' ? [...input].length : 0);

/**
 * The Japanese fallback for any check declared without its own message (a bare `z.boolean()`, a
 * body that is not an object, an unknown key): zod's defaults are English and name internal keys
 * (「Invalid input: expected boolean」). Every field should still name itself through the builders
 * below; this only keeps English out of what people read. Installed once, for the server and the
 * web alike, by importing this file.
 */
function japaneseFallback(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object'
        ? '入力の形式が正しくありません'
        : issue.expected === 'boolean'
          ? '「はい」か「いいえ」で指定してください'
          : issue.expected === 'number'
            ? '数値で入力してください'
            : issue.expected === 'array'
              ? '一覧で指定してください'
              : '入力の形式が正しくありません';
    case 'too_big':
      if (issue.origin === 'string') return `${String(issue.maximum)}文字以内で入力してください（${typedLength(input)}文字入力されています）`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${String(issue.maximum)}件以内で指定してください（${Array.isArray(input) ? input.length : 0}件指定されています）`;
      return `${String(issue.maximum)}以下で入力してください（入力値: ${String(input)}）`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '入力してください' : `${String(issue.minimum)}文字以上で入力してください`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${String(issue.minimum)}件以上指定してください`;
      return `${String(issue.minimum)}以上で入力してください（入力値: ${String(input)}）`;
    case 'unrecognized_keys':
      return '受け付けない項目が含まれています';
    case 'invalid_value':
    case 'invalid_union':
      return '選択肢にない値です';
    default:
      return '入力が正しくありません';
  }
}
z.config({ customError: japaneseFallback });

/**
 * Field builders whose every error message names the field in Japanese (Standards: "Bad input
 * gets a clear Japanese error naming the field"). Shared by the API schemas and the web forms.
 */

/**
 * The refusal of an over-long text: names the field, the limit and how much was typed —
 * 「個人情報の名称は200文字以内で入力してください（500文字入力されています）」. A text is never cut
 * to its limit (issue 10: a 500-character name was silently saved as its first 200).
 */
export const tooLongMessage = (label: string, max: number) => (issue: { input?: unknown }) =>
  `${label}は${max}文字以内で入力してください（${typedLength(issue.input)}文字入力されています）`;

/** A text of at most `max` characters (no minimum): the building block of the text fields. */
export const textUpTo = (label: string, max: number) =>
  z
    .string({ error: `${label}は文字で入力してください` })
    .trim()
    .max(max, { error: tooLongMessage(label, max) });

/** A required single-line text. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label}を入力してください` })
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(max, { error: tooLongMessage(label, max) });

/** An optional text; empty strings become null. */
export const optionalText = (label: string, max = 2000) =>
  textUpTo(label, max)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * The refusal of a number field sent anything but a number. A number is never read from text here
 * (「１０００」 and 「1e3」 are not coerced: the web's NumberInput reads what was typed and sends the
 * number); the web form passes on text it could not read, so the message says why that text is not
 * a number — the same words the field showed — quoting it.
 *
 * @example numberTypeError({ label: '手数料' })({ input: '-5' }) // '手数料は0以上で入力してください（入力値: -5）'
 */
export const numberTypeError =
  (options: NumberFieldOptions) =>
  (issue: { input?: unknown }): string => {
    const input = issue.input;
    if (input === undefined || input === null || input === '') return `${options.label}を入力してください`;
    if (typeof input === 'string') {
      const reading = readTypedNumber(input, options);
      if (!reading.ok) return reading.message;
    }
    return `${options.label}は数値で入力してください（入力値: ${typeof input === 'string' ? input : JSON.stringify(input)}）`;
  };

/**
 * A whole number in a range (件数, 人数): anything else — a fraction, a negative count, text — is a
 * field error quoting what was typed, never clamped (issue 10: 件数 −5 was saved as 0).
 * `approximate`: the field takes a 概数 (the form sends its flag beside the number), so the refusal
 * of text gives the same example as the field did (約1,200).
 */
export const countField = (label: string, { min = 0, max = 10_000_000_000, unit, approximate }: { min?: number; max?: number; unit?: string; approximate?: boolean } = {}) =>
  z
    .number({ error: numberTypeError({ label, min, max, ...(unit ? { unit } : {}), ...(approximate ? { approximate } : {}) }) })
    .int({ error: (issue) => `${label}は整数で入力してください（入力値: ${String(issue.input)}）` })
    .min(min, { error: (issue) => `${label}は${min}以上で入力してください（入力値: ${String(issue.input)}）` })
    .max(max, { error: (issue) => `${label}は${max.toLocaleString('ja-JP')}以下で入力してください（入力値: ${String(issue.input)}）` });

/**
 * A calendar date typed as people type it — 2026/11/28 (as the app displays it), 2026-11-28,
 * 2026年11月28日, 令和8年11月28日, R8.11.28 — read exactly into `YYYY-MM-DD` (domain/dateInput.ts).
 * Anything else is refused with one Japanese error naming the field and quoting what was typed:
 * a day that does not exist (2026-02-30) or an era year outside its era is never moved to
 * another day. The web forms validate with this same schema before submitting.
 */
export const dateField = (label: string) =>
  z
    .string({ error: `${label}を入力してください` })
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .transform((text, ctx) => readDateFor(label, text, ctx));

/** Reads a typed date for a field, or records the field's refusal (one issue, in Japanese). */
function readDateFor(label: string, text: string, ctx: z.RefinementCtx): string {
  const reading = readDate(text);
  if (reading.ok) return reading.iso;
  ctx.addIssue({ code: 'custom', message: dateRefusalMessage(label, reading) });
  return z.NEVER;
}

/** An optional date, read like {@link dateField}; empty (missing, null, '') is null. */
export const optionalDate = (label: string) =>
  z
    .string({ error: `${label}は日付で入力してください` })
    .nullish()
    .transform((text, ctx) => (text === undefined || text === null || text.trim() === '' ? null : readDateFor(label, text, ctx)));

/** Nothing picked: a list field left empty (missing, null or ''). */
const unpicked = (input: unknown) => input === undefined || input === null || input === '';

/**
 * A reference to another record by id, picked from a list: nothing picked reads
 * 「担当者を選択してください」, anything but an id 「担当者の指定が正しくありません」.
 */
export const idField = (label: string) => z.uuid({ error: (issue) => (unpicked(issue.input) ? `${label}を選択してください` : `${label}の指定が正しくありません`) });
export const optionalId = (label: string) =>
  z
    .union([idField(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/** One of a fixed list of values: nothing picked reads 「役割を選択してください」, another value 「役割の値が正しくありません」. */
export const enumField = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: (issue) => (unpicked(issue.input) ? `${label}を選択してください` : `${label}の値が正しくありません`) });

export const emailField = (label: string) => z.email({ error: `${label}はメールアドレスの形式で入力してください` }).max(254, { error: tooLongMessage(label, 254) });

export const optionalEmail = (label: string) =>
  z
    .union([emailField(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/** Page parameters of list endpoints, read exactly (queryParams.ts): re-exported where the list queries build on it. */
export { pageQuery } from './queryParams.ts';
