import { z } from 'zod';

/**
 * Password policy (SPEC §9, J.9.2 c): at least 8 characters mixing upper case, lower case,
 * digits and symbols. The same schema validates the API and the web form.
 */
export const passwordSchema = z
  .string({ error: 'パスワードを入力してください' })
  .min(8, { error: 'パスワードは8文字以上にしてください' })
  .max(128, { error: 'パスワードは128文字以内にしてください' })
  .refine((v) => /[A-Z]/.test(v), { error: 'パスワードには英大文字を含めてください' })
  .refine((v) => /[a-z]/.test(v), { error: 'パスワードには英小文字を含めてください' })
  .refine((v) => /[0-9]/.test(v), { error: 'パスワードには数字を含めてください' })
  .refine((v) => /[^A-Za-z0-9]/.test(v), { error: 'パスワードには記号を含めてください' });
