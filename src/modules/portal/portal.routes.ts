import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { clockAt } from '../../domain/time.ts';
import { errorResponse } from '../../platform/http/errorHandler.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { route } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { challengeKey } from './portal.challenge.ts';
import { portalContract as c } from './portal.contract.ts';
import { errorBodyInEnglish } from './portal.english.shared.ts';
import { consentStatus, giveConsent, publicNotice, withdrawConsentByLink } from './portal.consents.ts';
import { PORTAL_BODY_LIMIT } from './portal.files.schema.ts';
import { answerCorrection, portalProgress } from './portal.followup.ts';
import { publicPage, readSettings, saveSettings, submitPortalRequest } from './portal.service.ts';

/**
 * 公開窓口 (issue #14 M5). The settings are the 個人情報保護管理者's; the public routes need no
 * account, so they carry rate limits (a page view, a submission, a status check per minute and
 * address) besides the bot check of the form.
 */
export function portalRoutes(app: App, deps: Deps): void {
  const key = challengeKey(deps.config.encryptionKey);
  const tags = ['portal'];
  // The public routes answer their errors in English when the page asks (portal.english.ts).
  const publicRoute = { tags, errorHandler: portalPublicErrorHandler };
  route(app, c.settings, async (request) => inOrg(deps.database, scopeOf(request), (tx) => readSettings(tx, actorOf(request).organizationId)), { tags });
  route(app, c.saveSettings, async (request) => inOrg(deps.database, scopeOf(request), (tx) => saveSettings(tx, actorOf(request), request.body, clockAt(deps.now()))), { tags });
  route(app, c.page, async (request) => publicPage(deps.database, request.params.slug, key, deps.now()), { ...publicRoute, rateLimit: { max: 60, timeWindow: '1 minute' } });
  route(app, c.submit, async (request) => submitPortalRequest(deps.database, request.params.slug, request.body, key, clockAt(deps.now()), request.ip), {
    ...publicRoute,
    rateLimit: { max: 5, timeWindow: '10 minutes' },
    bodyLimit: PORTAL_BODY_LIMIT,
  });
  route(app, c.progress, async (request) => portalProgress(deps.database, request.params.slug, request.params.number, request.query.token, deps.now(), request.ip), {
    ...publicRoute,
    rateLimit: { max: 30, timeWindow: '1 minute' },
  });
  // 補正の回答: as few a minute as the form's submissions, with files.
  route(app, c.answer, async (request) => answerCorrection(deps.database, request.params.slug, request.params.number, request.body, clockAt(deps.now()), request.ip), {
    ...publicRoute,
    rateLimit: { max: 5, timeWindow: '10 minutes' },
    bodyLimit: PORTAL_BODY_LIMIT,
  });
  // 同意の取得 (M6, J.8.5 j)): the notice page, the consent (with the bot check), the withdrawal link.
  route(app, c.notice, async (request) => publicNotice(deps.database, request.params.slug, request.params.templateId, key, deps.now()), {
    ...publicRoute,
    rateLimit: { max: 60, timeWindow: '1 minute' },
  });
  route(app, c.consent, async (request) => giveConsent(deps.database, request.params.slug, request.params.templateId, request.body, key, clockAt(deps.now()), request.ip), {
    ...publicRoute,
    rateLimit: { max: 5, timeWindow: '10 minutes' },
  });
  route(app, c.consentStatus, async (request) => consentStatus(deps.database, request.params.slug, request.query.token, request.ip), {
    ...publicRoute,
    rateLimit: { max: 30, timeWindow: '1 minute' },
  });
  route(app, c.withdrawConsent, async (request) => withdrawConsentByLink(deps.database, request.params.slug, request.body.token, clockAt(deps.now()), request.ip), {
    ...publicRoute,
    rateLimit: { max: 5, timeWindow: '10 minutes' },
  });
}

/**
 * Whether the public page asked for English: `lang=en` in the query or the JSON body, else the
 * first language of `Accept-Language` (the page sends its own choice, not the browser's list).
 */
export function wantsEnglish(request: FastifyRequest): boolean {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang ?? (request.body as { lang?: unknown } | undefined)?.lang;
  if (lang === 'en') return true;
  if (lang === 'ja') return false;
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') || first.startsWith('en;');
}

/**
 * The error handler of the portal's public routes: the platform's error body
 * (platform/http/errorHandler.ts), in English when the page asked for it. Staff routes keep the
 * platform's handler (Japanese only).
 */
export function portalPublicErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = errorResponse(error);
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  return reply.status(status).send(wantsEnglish(request) ? errorBodyInEnglish(body) : body);
}
