import { route } from '../http/route.ts';
import { type App, type Deps, scopeOf } from '../http/types.ts';
import { authContract } from './auth.contract.ts';
import { presentLogin, presentSession, presentTotpSetup } from './auth.presenters.ts';
import { changePassword, enableTotp, organizationNameOf, requireSession, startTotpSetup, verifySecondFactor } from './auth.service.ts';
import { endSessionAudited, login } from './login.ts';
import { SESSION_COOKIE } from './sessions.ts';

const tags = ['auth'];

/** ログイン・ログアウト・二要素認証・パスワード変更 (SPEC §9). Thin: validate → one business function → present. */
export function authRoutes(app: App, deps: Deps): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.cookieSecure };

  route(
    app,
    authContract.login,
    async (request, reply) => {
      const result = await login(deps.database, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, deps.now());
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return presentLogin(result);
    },
    // Rate limit per IP on top of the per-account lockout.
    { tags, rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
  );

  route(
    app,
    authContract.logout,
    async (request, reply) => {
      if (request.session) await endSessionAudited(deps.database, request.session, 'logout', request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
    { tags },
  );

  route(
    app,
    authContract.session,
    async (request) => {
      const session = requireSession(request.session);
      return presentSession(session, await organizationNameOf(deps.database, session.organizationId));
    },
    { tags },
  );

  route(
    app,
    authContract.verifyTotp,
    async (request) => {
      await verifySecondFactor(deps.database, requireSession(request.session), request.body.code, request.ip, deps.now());
      return { ok: true as const };
    },
    { tags, rateLimit: { max: 10, timeWindow: '1 minute' } },
  );

  route(app, authContract.setupTotp, async (request) => presentTotpSetup(await startTotpSetup(deps.database, requireSession(request.session), request.ip)), { tags });

  route(
    app,
    authContract.enableTotp,
    async (request) => {
      await enableTotp(deps.database, requireSession(request.session), request.body.code, request.ip);
      return { ok: true as const };
    },
    { tags },
  );

  route(
    app,
    authContract.changePassword,
    async (request) => {
      await changePassword(deps.database, scopeOf(request), request.body, deps.now());
      return { ok: true as const };
    },
    // Issue 11 #10: per IP on top of the account's lockout, as for the login.
    { tags, rateLimit: { max: 10, timeWindow: '1 minute' } },
  );
}
