import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ResolvedSession } from '../auth/login.ts';
import type { MamoriConfig } from '../config/config.ts';
import type { Database } from '../db/connection.ts';
import type { Scope } from '../db/tenancy.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Actor } from '../policies/actor.ts';
import type { RouteAccess } from '../policies/permissions.ts';

/** The Fastify instance with zod schemas as the type provider. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What routes and jobs depend on; tests build it with their own database and clock. */
export type Deps = {
  database: Database;
  config: MamoriConfig;
  mailer: Mailer;
  /** The current time (tests move it to check idle timeouts and due dates). */
  now: () => Date;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required: what the route needs. The server refuses to start with an undeclared /api route. */
    access?: RouteAccess;
    /** The route works in a half-signed-in session (second factor pending or enrolment required). */
    allowPartialSession?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: ResolvedSession | null;
  }
}

/** The tenant scope of a signed-in request. */
export function scopeOf(request: { actor: Actor | null; ip: string }): Scope {
  if (!request.actor) throw new Error('scopeOf called on an unauthenticated request');
  return { organizationId: request.actor.organizationId, actorAccountId: request.actor.accountId, ip: request.ip };
}

/** The actor of a request whose route required authentication. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('actorOf called on an unauthenticated request');
  return request.actor;
}
