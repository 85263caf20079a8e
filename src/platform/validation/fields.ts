import { z } from 'zod';

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

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const dateField = (label: string) =>
  z
    .string({ error: `${label}を入力してください` })
    .regex(isoDate, { error: `${label}はYYYY-MM-DD形式で入力してください` })
    .refine(isRealDate, { error: `${label}に存在しない日付が指定されています` });

export const optionalDate = (label: string) =>
  z
    .union([dateField(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

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
