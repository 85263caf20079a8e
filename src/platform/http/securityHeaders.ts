import helmet from 'helmet';
import type { App } from './types.ts';

/**
 * Security headers on every response (SPEC §9; IPA「安全なウェブサイトの作り方」: CSP,
 * clickjacking, referrer, MIME sniffing, HSTS …), set by helmet.
 * The middleware is built once here: @fastify/helmet rebuilt it — parsing the CSP directives
 * again — on every request, which bench/ measured at about a tenth of a millisecond per call.
 */
const applySecurityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // antd writes its styles at run time (CSS-in-JS).
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
});

/** Is this a JSON response (`application/json`, `application/problem+json` …)? */
function isJson(contentType: unknown): boolean {
  return typeof contentType === 'string' && /^application\/(?:[\w.-]+\+)?json\b/i.test(contentType);
}

export function installSecurityHeaders(app: App): void {
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  // API answers hold personal data (contact details) and the session's CSRF token: no browser,
  // proxy or back-button cache may keep them (issue 11 #11).
  // Every /api response and every JSON body (errors, /healthz) is no-store unless the route set
  // its own Cache-Control; the SPA's hashed bundle files keep @fastify/static's caching.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control') && (request.url.startsWith('/api/') || isJson(reply.getHeader('content-type')))) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
