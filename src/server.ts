import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { installSecurityHeaders } from './platform/http/securityHeaders.ts';
import { installAuthorization } from './platform/http/authorize.ts';
import { installErrorHandler } from './platform/http/errorHandler.ts';
import { installTextSafety } from './platform/http/textSafety.ts';
import type { App, Deps } from './platform/http/types.ts';
import { modules } from './modules/index.ts';
import { installModules } from './platform/moduleKit/install.ts';
import type { ModuleManifest } from './platform/moduleKit/manifest.ts';
import { registerRoutes } from './platform/routes.ts';

const builtWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/**
 * Caching of the SPA's files (issue 10): the build's hashed files under /assets/ never change
 * under their name — a year, `immutable`; everything else (index.html, which names the current
 * hashes, and favicon.svg) is revalidated on every use (`no-cache`, with ETag/Last-Modified).
 */
export function spaCacheControl(webDist: string, filePath: string): string {
  const relative = path.relative(webDist, filePath);
  return relative.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Builds the Fastify app: security plugins, the authorization hook, every route of the platform
 * and of the modules (`src/modules/index.ts`, installed here), and the SPA.
 */
export async function buildServer(
  deps: Deps,
  options: { logger?: boolean /** Tests add a fixture module this way. */; modules?: readonly ModuleManifest[] /** The built SPA (default web/dist). */; webDist?: string } = {},
): Promise<App> {
  // MAMORI_WEB_DIST: a build elsewhere (the browser journeys build their own, tests/e2e/support/globalSetup.ts).
  const webDist = options.webDist ?? process.env.MAMORI_WEB_DIST ?? builtWebDist;
  installModules(options.modules ?? modules);
  const app = Fastify({ logger: options.logger ?? false, trustProxy: process.env.MAMORI_TRUST_PROXY === '1', bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mamori API', description: '個人情報保護マネジメントシステム Mamori の REST API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mamori_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Self-referencing schemas (the org chart's tree of nodes) become components of the document.
    transformObject: jsonSchemaTransformObject,
  });

  installErrorHandler(app);
  installTextSafety(app);
  installAuthorization(app, deps);

  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    try {
      await deps.database.db.execute(sql`select 1`);
      return { status: 'ok', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.database.kind });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true, response: { 200: z.unknown() } }, config: { access: 'public' } }, async () => app.swagger());

  registerRoutes(app, deps);

  if (existsSync(webDist)) {
    // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart.
    // preCompressed: the build wrote x.br and x.gz beside each file (web/vite.config.ts
    // precompress); the one the request's Accept-Encoding allows is sent, with Vary.
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => void reply.header('cache-control', spaCacheControl(webDist, filePath)),
    });
    // The SPA answers every other GET with its shell; the client router takes over. A missing
    // bundle file is a real 404 (an HTML shell in its place would give a blank page).
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) return reply.type('text/html').sendFile('index.html');
      return reply.status(404).send({ error: { code: 'not_found', message: 'ページが見つかりません' } });
    });
  } else {
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html').send('<!doctype html><meta charset="utf-8"><p>画面が未ビルドです。<code>npm run build:web</code> を実行してください。</p>');
      }
      return reply.status(404).send({ error: { code: 'not_found', message: 'ページが見つかりません' } });
    });
  }
  return app;
}
