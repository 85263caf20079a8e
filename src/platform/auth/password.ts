import { z } from 'zod';
import { tooLongMessage, typedLength } from '../validation/fields.ts';

/**
 * Password policy (SPEC §9, J.9.2 c): at least 8 characters mixing upper case, lower case,
 * digits and symbols. The same schema validates the API and the web form.
 */
export const passwordSchema = z
  .string({ error: 'パスワードを入力してください' })
  .min(8, { error: (issue) => `パスワードは8文字以上にしてください（${typedLength(issue.input)}文字入力されています）` })
  // The limit and what was typed, never a cut (issue 10).
  .max(128, { error: tooLongMessage('パスワード', 128) })
  .refine((v) => /[A-Z]/.test(v), { error: 'パスワードには英大文字を含めてください' })
  .refine((v) => /[a-z]/.test(v), { error: 'パスワードには英小文字を含めてください' })
  .refine((v) => /[0-9]/.test(v), { error: 'パスワードには数字を含めてください' })
  .refine((v) => /[^A-Za-z0-9]/.test(v), { error: 'パスワードには記号を含めてください' });
