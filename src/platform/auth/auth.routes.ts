import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import { inOrg, asSystem } from '../db/tenancy.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { type App, type Deps, scopeOf } from '../http/types.ts';
import { organizations } from '../org/org.tables.ts';
import { buildActor, isAdministrator } from '../policies/actor.ts';
import { accounts, sessions } from './auth.tables.ts';
import { changePasswordBody, loginBody, sessionResponse, totpCodeBody } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './hashing.ts';
import { endSessionAudited, login } from './login.ts';
import { SESSION_COOKIE, endAccountSessions } from './sessions.ts';
import { checkTotp, newTotpSecret } from './totp.ts';

const okResponse = z.object({ ok: z.literal(true) });

/** ログイン・ログアウト・二要素認証・パスワード変更 (SPEC §9). */
export function authRoutes(app: App, deps: Deps): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.cookieSecure };

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'ログイン', body: loginBody, response: { 200: z.object({ needsTotp: z.boolean(), mustEnrollTotp: z.boolean() }) } },
      // Rate limit per IP on top of the per-account lockout.
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await login(deps.database, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, deps.now());
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { needsTotp: result.needsTotp, mustEnrollTotp: result.mustEnrollTotp };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'ログアウト', response: { 200: okResponse } }, config: { access: 'authenticated', allowPartialSession: true } },
    async (request, reply) => {
      const session = request.session;
      if (session) await endSessionAudited(deps.database, session, 'logout', request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'ログイン中のアカウント', response: { 200: sessionResponse } }, config: { access: 'authenticated', allowPartialSession: true } },
    async (request) => {
      const session = request.session;
      if (!session) throw new HttpError(401, 'ログインしてください', 'unauthorized');
      const actor = buildActor({ ...session, roles: session.roles });
      const [org] = await asSystem(deps.database, (tx) => tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, session.organizationId)));
      return {
        csrfToken: session.csrfToken,
        account: {
          id: session.accountId,
          personId: session.personId,
          name: session.personName,
          organizationId: session.organizationId,
          organizationName: org?.name ?? '',
          locale: session.locale,
          totpEnabled: session.totpEnabled,
        },
        roles: session.roles,
        abilities: [...actor.permissions],
        idleTimeoutMinutes: session.idleTimeoutMinutes,
        needsTotp: !session.secondFactorDone,
        mustEnrollTotp: session.requireTotpForAdmins && !session.totpEnabled && isAdministrator(session.roles),
      };
    },
  );

  app.post(
    '/api/auth/totp/verify',
    {
      schema: { tags: ['auth'], summary: '確認コードの入力（二要素認証）', body: totpCodeBody, response: { 200: okResponse } },
      config: { access: 'authenticated', allowPartialSession: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      const session = request.session;
      if (!session) throw new HttpError(401, 'ログインしてください', 'unauthorized');
      const [account] = await asSystem(deps.database, (tx) => tx.select().from(accounts).where(eq(accounts.id, session.accountId)));
      if (!account?.totpEnabled || !account.totpSecret) throw invalid('code', '二要素認証が設定されていません');
      if (!(await checkTotp(account.totpSecret, request.body.code))) {
        await asSystem(deps.database, (tx) =>
          recordAuditEvent(tx, {
            organizationId: session.organizationId,
            action: 'login_failed',
            entityType: 'accounts',
            entityId: session.accountId,
            actorAccountId: session.accountId,
            meta: { reason: 'bad_totp', ip: request.ip },
          }),
        );
        throw invalid('code', '確認コードが正しくありません');
      }
      await asSystem(deps.database, (tx) => tx.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, session.sessionId)));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: { tags: ['auth'], summary: '二要素認証の設定開始（秘密鍵の発行）', response: { 200: z.object({ secret: z.string(), uri: z.string() }) } },
      config: { access: 'authenticated', allowPartialSession: true },
    },
    async (request) => {
      const session = request.session;
      if (!session?.secondFactorDone) throw new HttpError(401, '確認コード（二要素認証）を入力してください', 'totp_required');
      const [account] = await asSystem(deps.database, (tx) =>
        tx.select({ loginId: accounts.loginId, totpEnabled: accounts.totpEnabled }).from(accounts).where(eq(accounts.id, session.accountId)),
      );
      if (account?.totpEnabled) throw new HttpError(409, '二要素認証は既に有効です', 'totp_already_enabled');
      const fresh = newTotpSecret(account?.loginId ?? session.accountId);
      await inOrg(deps.database, { organizationId: session.organizationId, actorAccountId: session.accountId, ip: request.ip }, (tx) =>
        tx.update(accounts).set({ totpSecret: fresh.secret }).where(eq(accounts.id, session.accountId)),
      );
      return fresh;
    },
  );

  app.post(
    '/api/auth/totp/enable',
    {
      schema: { tags: ['auth'], summary: '二要素認証の有効化', body: totpCodeBody, response: { 200: okResponse } },
      config: { access: 'authenticated', allowPartialSession: true },
    },
    async (request) => {
      const session = request.session;
      if (!session?.secondFactorDone) throw new HttpError(401, '確認コード（二要素認証）を入力してください', 'totp_required');
      await inOrg(deps.database, { organizationId: session.organizationId, actorAccountId: session.accountId, ip: request.ip }, async (tx) => {
        const [account] = await tx.select().from(accounts).where(eq(accounts.id, session.accountId));
        if (!account?.totpSecret) throw invalid('code', '先に二要素認証の設定を開始してください');
        if (!(await checkTotp(account.totpSecret, request.body.code))) throw invalid('code', '確認コードが正しくありません');
        await tx.update(accounts).set({ totpEnabled: true }).where(eq(accounts.id, session.accountId));
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: 'パスワード変更', body: changePasswordBody, response: { 200: okResponse } }, config: { access: 'authenticated' } },
    async (request) => {
      const scope = scopeOf(request);
      await inOrg(deps.database, scope, async (tx) => {
        const [account] = await tx
          .select()
          .from(accounts)
          .where(eq(accounts.id, scope.actorAccountId ?? ''));
        if (!account) throw new HttpError(404, 'アカウントが見つかりません', 'not_found');
        if (!(await verifyPassword(account.passwordHash, request.body.currentPassword))) throw invalid('currentPassword', '現在のパスワードが正しくありません');
        // SPEC §9: the previous password may not be reused.
        if (
          (await verifyPassword(account.passwordHash, request.body.newPassword)) ||
          (account.previousPasswordHash && (await verifyPassword(account.previousPasswordHash, request.body.newPassword)))
        ) {
          throw invalid('newPassword', '以前と同じパスワードは使用できません');
        }
        await tx
          .update(accounts)
          .set({ previousPasswordHash: account.passwordHash, passwordHash: await hashPassword(request.body.newPassword), passwordChangedAt: deps.now() })
          .where(eq(accounts.id, account.id));
        await endAccountSessions(tx, account.id);
      });
      return { ok: true as const };
    },
  );
}
