import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteContract } from './contract.ts';
import type { App } from './types.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : unknown;

/** The request of a contract route: params, query and body already parsed by its schemas. */
export type ContractRequest<R extends RouteContract> = FastifyRequest<{ Params: Out<R['params']>; Querystring: Out<R['query']>; Body: Out<R['body']> }>;

/**
 * A contract route's handler: returns the response body (typed by the contract; the presenter's
 * `z.output<response>`), or the reply when it sent something itself (a file download).
 */
export type ContractHandler<R extends RouteContract> = (request: ContractRequest<R>, reply: FastifyReply) => Promise<z.input<R['response']> | FastifyReply>;

/**
 * Registers one route of a contract: its schemas for validation and OpenAPI, its access for the
 * authorization hook (http/authorize.ts), its success status. Routes stay thin: validate →
 * authorize → one business function in the tenant transaction → present.
 */
export function route<R extends RouteContract>(
  app: App,
  contract: R,
  handler: ContractHandler<R>,
  options: {
    tags?: readonly string[];
    rateLimit?: object;
    bodyLimit?: number;
    /** The route's own error handler (the public portal's English messages); the app's otherwise. */
    errorHandler?: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;
  } = {},
): void {
  const status = contract.status ?? 200;
  const tags = contract.tags ?? options.tags;
  app.route({
    method: contract.method,
    url: contract.path,
    // A route that takes files in its JSON body (the public portal's uploads) raises the server's 2 MB limit.
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.errorHandler ? { errorHandler: options.errorHandler } : {}),
    schema: {
      ...(tags ? { tags: [...tags] } : {}),
      summary: contract.summary,
      ...(contract.hide ? { hide: true } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [status]: contract.response },
    },
    config: { access: contract.access, ...(contract.allowPartialSession ? { allowPartialSession: true } : {}), ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
    handler: async (request, reply) => {
      const result = await handler(request as unknown as ContractRequest<R>, reply);
      if (result === reply) return reply;
      if (status !== 200) reply.status(status);
      return result;
    },
  });
}

/**
 * Registers every route of a contract with its handler; a handler missing for a declared route,
 * or given for an undeclared one, is a type error.
 */
export function routes<C extends Record<string, RouteContract>>(
  app: App,
  contract: C,
  handlers: { [K in keyof C]: ContractHandler<C[K]> },
  options: { tags?: readonly string[] } = {},
): void {
  for (const key of Object.keys(contract) as (keyof C & string)[]) route(app, contract[key] as C[typeof key], handlers[key], options);
}
