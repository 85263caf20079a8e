import { z } from 'zod';
import { defineContract, okResponse } from '../http/contract.ts';
import { changePasswordBody, loginBody, totpCodeBody } from './auth.schema.ts';

// ログイン・ログアウト・二要素認証・パスワード変更 (SPEC §9): every route with its response.
// Pure (zod only): the SPA and the test client take their types here.

/** After the password: whether the second factor is still to be entered or set up. */
export const loginResponse = z.object({ needsTotp: z.boolean(), mustEnrollTotp: z.boolean() });

/** The signed-in account, its roles and permissions, and the CSRF token of the session. */
export const sessionResponse = z.object({
  csrfToken: z.string(),
  account: z.object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    locale: z.string(),
    totpEnabled: z.boolean(),
  }),
  roles: z.array(z.object({ role: z.string(), departmentId: z.string().nullable() })),
  /** The permissions the roles give (policies/permissions.ts); the SPA shows what they allow. */
  abilities: z.array(z.string()),
  idleTimeoutMinutes: z.number(),
  /** The second factor is still to be entered (the session is half signed in). */
  needsTotp: z.boolean(),
  /** An administrator must set up the second factor first (organization setting). */
  mustEnrollTotp: z.boolean(),
});

/** A new TOTP secret and its otpauth:// URI (shown once, as a QR code). */
export const totpSetupResponse = z.object({ secret: z.string(), uri: z.string() });

export const authContract = defineContract({
  login: { method: 'POST', path: '/api/auth/login', access: 'public', summary: 'ログイン', body: loginBody, response: loginResponse },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'authenticated', summary: 'ログアウト', response: okResponse, allowPartialSession: true },
  session: { method: 'GET', path: '/api/auth/session', access: 'authenticated', summary: 'ログイン中のアカウント', response: sessionResponse, allowPartialSession: true },
  verifyTotp: {
    method: 'POST',
    path: '/api/auth/totp/verify',
    access: 'authenticated',
    summary: '確認コードの入力（二要素認証）',
    body: totpCodeBody,
    response: okResponse,
    allowPartialSession: true,
  },
  setupTotp: {
    method: 'POST',
    path: '/api/auth/totp/setup',
    access: 'authenticated',
    summary: '二要素認証の設定開始（秘密鍵の発行）',
    response: totpSetupResponse,
    allowPartialSession: true,
  },
  enableTotp: {
    method: 'POST',
    path: '/api/auth/totp/enable',
    access: 'authenticated',
    summary: '二要素認証の有効化',
    body: totpCodeBody,
    response: okResponse,
    allowPartialSession: true,
  },
  changePassword: { method: 'POST', path: '/api/auth/password', access: 'authenticated', summary: 'パスワード変更', body: changePasswordBody, response: okResponse },
});

/** The session as the SPA holds it (GET /api/auth/session). */
export type SessionInfo = z.output<typeof sessionResponse>;
