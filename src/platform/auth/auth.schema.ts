import { z } from 'zod';
import { requiredText, tooLongMessage } from '../validation/fields.ts';
import { passwordSchema } from './password.ts';

// Request schemas of the sign-in routes (auth.contract.ts); the login and settings forms of the
// SPA validate with the same ones.

/** The password policy, for the forms that set one (SPEC §9). */
export { passwordSchema };

export const loginBody = z.object({
  loginId: requiredText('ログインID', 254),
  // Not trimmed: spaces are part of a password. Over-long is refused saying the limit and the typed length (issue 10).
  password: z
    .string({ error: 'パスワードを入力してください' })
    .min(1, { error: 'パスワードを入力してください' })
    .max(128, { error: tooLongMessage('パスワード', 128) }),
});

export const totpCodeBody = z.object({
  code: z.string({ error: '確認コードを入力してください' }).regex(/^\d{6}$/, { error: '確認コードは6桁の数字で入力してください' }),
});

export const changePasswordBody = z.object({
  currentPassword: z.string({ error: '現在のパスワードを入力してください' }).min(1, { error: '現在のパスワードを入力してください' }),
  newPassword: passwordSchema,
});
