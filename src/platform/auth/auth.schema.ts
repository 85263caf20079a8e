import { z } from 'zod';
import { passwordSchema } from './password.ts';

// Request schemas of the sign-in routes (auth.contract.ts); the login and settings forms of the
// SPA validate with the same ones.

/** The password policy, for the forms that set one (SPEC §9). */
export { passwordSchema };

export const loginBody = z.object({
  loginId: z
    .string({ error: 'ログインIDを入力してください' })
    .trim()
    .min(1, { error: 'ログインIDを入力してください' })
    .max(254, { error: 'ログインIDは254文字以内で入力してください' }),
  password: z.string({ error: 'パスワードを入力してください' }).min(1, { error: 'パスワードを入力してください' }).max(128, { error: 'パスワードは128文字以内で入力してください' }),
});

export const totpCodeBody = z.object({
  code: z.string({ error: '確認コードを入力してください' }).regex(/^\d{6}$/, { error: '確認コードは6桁の数字で入力してください' }),
});

export const changePasswordBody = z.object({
  currentPassword: z.string({ error: '現在のパスワードを入力してください' }).min(1, { error: '現在のパスワードを入力してください' }),
  newPassword: passwordSchema,
});
