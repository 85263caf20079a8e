import { SESSION_COOKIE, endSession, hashToken } from '../auth/sessions.ts';
import { endSessionAudited, type ResolvedSession, resolveSession, touchSession } from '../auth/login.ts';
import { SessionCache } from '../auth/sessionCache.ts';
import { asSystem } from '../db/tenancy.ts';
import { buildActor, can, isAdministrator } from '../policies/actor.ts';
import { isDeclaredPermission, type RouteAccess } from '../policies/permissions.ts';
import { HttpError, forbidden, unauthorized } from './errors.ts';
import type { App, Deps } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A registered /api route and what it requires (the negative-authorization suite walks these). */
export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

/**
 * Authentication and authorization for every /api route, in one hook:
 * session cookie → idle timeout (J.9.2 c 13) → account still enabled (J.9.2 c 7 ③) → second
 * factor → CSRF token on unsafe methods → the route's declared permission.
 * Routes must declare `config.access`; an undeclared /api route stops the server from starting.
 */
export function installAuthorization(app: App, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  const sessionCache = new SessionCache(deps.config.sessionCacheMs);
  /** The session of a token: from the cache when fresh, else from the database (and cached). */
  const lookUp = async (tokenHash: string, now: Date, fresh = false): Promise<ResolvedSession | null> => {
    const cached = fresh ? null : sessionCache.get(tokenHash);
    if (cached) return cached;
    const generation = sessionCache.generation();
    const session = await resolveSession(deps.database, tokenHash, now);
    if (session) sessionCache.set(tokenHash, session, generation);
    else sessionCache.delete(tokenHash);
    return session;
  };
  // Any write may have ended a session, disabled an account or changed a role: forget before the
  // reply leaves (its transaction has committed by then), so the client's next request looks up again.
  app.addHook('onSend', async (request) => {
    if (!SAFE_METHODS.has(request.method)) sessionCache.invalidateAll();
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    if (access !== 'public' && access !== 'authenticated' && !isDeclaredPermission(access)) {
      throw new Error(`Route ${route.method} ${route.url} declares unknown access ${access}`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const access = config?.access;
    if (!request.url.startsWith('/api/') || !access || access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized();
    const now = deps.now();
    const tokenHash = hashToken(token);
    let session = await lookUp(tokenHash, now);
    // A remembered session that looks idle is checked against the database before it is ended.
    if (session && isIdle(session, now)) session = await lookUp(tokenHash, now, true);
    if (!session) throw unauthorized('セッションが無効です。再度ログインしてください', 'session_invalid');
    if (session.disabled) {
      sessionCache.delete(tokenHash);
      await asSystem(deps.database, (tx) => endSession(tx, session.sessionId));
      throw unauthorized('このアカウントは無効になっています', 'account_disabled');
    }
    // J.9.2 c) 13: a session idle for longer than the organization's timeout ends.
    if (isIdle(session, now)) {
      sessionCache.delete(tokenHash);
      await endSessionAudited(deps.database, session, 'session_expired', request.ip);
      throw unauthorized(`${session.idleTimeoutMinutes}分間操作がなかったため、ログアウトしました。再度ログインしてください`, 'session_expired');
    }
    request.session = session;
    const partialAllowed = config.allowPartialSession === true;
    if (!session.secondFactorDone && !partialAllowed) throw new HttpError(401, '確認コード（二要素認証）を入力してください', 'totp_required');
    if (session.requireTotpForAdmins && !session.totpEnabled && isAdministrator(session.roles) && !partialAllowed) {
      throw new HttpError(403, '管理者は二要素認証の設定が必要です。設定画面から確認コードを登録してください', 'totp_enrollment_required');
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new HttpError(403, '不正なリクエストです（CSRFトークンが一致しません）。画面を再読み込みしてください', 'csrf');
    }
    const actor = buildActor({
      accountId: session.accountId,
      personId: session.personId,
      personName: session.personName,
      organizationId: session.organizationId,
      departmentId: session.departmentId,
      roles: session.roles,
      locale: session.locale,
    });
    if (access !== 'authenticated' && !can(actor, access)) throw forbidden();
    request.actor = actor;
    // Activity is written at most every 15 s: reads stay one query, the idle timeout stays exact enough.
    if (now.getTime() - session.lastSeenAt.getTime() > 15_000) {
      await touchSession(deps.database, session.sessionId, now);
      session.lastSeenAt = now;
    }
  });
}

/** J.9.2 c) 13: idle for longer than the organization's timeout. */
function isIdle(session: ResolvedSession, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() > session.idleTimeoutMinutes * 60_000;
}
