import { z } from 'zod';
import { dateRefusalMessage, readDate } from '../../domain/dateInput.ts';

/**
 * Field builders whose every error message names the field in Japanese (Standards: "Bad input
 * gets a clear Japanese error naming the field"). Shared by the API schemas and the web forms.
 */

/** A required single-line text. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label}を入力してください` })
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(max, { error: `${label}は${max}文字以内で入力してください` });

/** An optional text; empty strings become null. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string({ error: `${label}は文字列で入力してください` })
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` })
    .nullish()
    .transform((v) => (v ? v : null));

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

export const emailField = (label: string) => z.email({ error: `${label}はメールアドレスの形式で入力してください` }).max(254, { error: `${label}は254文字以内で入力してください` });

export const optionalEmail = (label: string) =>
  z
    .union([emailField(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/** Page parameters of list endpoints (lists are paged: SPEC §6). */
export const pageQuery = z.object({
  page: z.coerce.number({ error: 'ページ番号は数値で指定してください' }).int().min(1, { error: 'ページ番号は1以上で指定してください' }).default(1),
  pageSize: z.coerce
    .number({ error: '表示件数は数値で指定してください' })
    .int()
    .min(1, { error: '表示件数は1以上で指定してください' })
    .max(200, { error: '表示件数は200以下で指定してください' })
    .default(50),
});
