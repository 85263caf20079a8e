import { z } from 'zod';
import type { RouteAccess } from '../policies/permissions.ts';

// The route contract kit (Documenso's `*.types.ts` idea): each module's `<m>.contract.ts`
// declares every route — method, path, access, request schemas and the response schema — in
// one object. The server registers routes from it (http/route.ts), the OpenAPI document
// describes every response from it, and the SPA and the test client take their types from it.
// This file is pure (zod only): the web imports it.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of a contract. */
export type RouteContract = {
  method: HttpMethod;
  /** Fastify path, e.g. `/api/incidents/:id`. */
  path: string;
  /** What the caller needs: a permission, any signed-in account, or nothing. */
  access: RouteAccess;
  /** Japanese summary for the OpenAPI document (cite the clause where one applies). */
  summary: string;
  /** OpenAPI tag; defaults to the contract's tag. */
  tags?: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success response. A file download uses {@link fileResponse}. */
  response: z.ZodType;
  /** Success status; default 200. */
  status?: 200 | 201 | 202 | 204;
  /** Works in a half-signed-in session (second factor pending or enrolment required). */
  allowPartialSession?: boolean;
  /** Hidden from the OpenAPI document. */
  hide?: boolean;
};

/**
 * Declares a module's routes. Identity at run time; keeps every route's literal types so the
 * server handler, the SPA and the test client see exact request and response types.
 *
 * @example
 * export const correctiveContract = defineContract({
 *   list: { method: 'GET', path: '/api/corrective-actions', access: 'corrective.read', summary: '是正処置の一覧', query, response: page },
 * });
 */
export function defineContract<const C extends Record<string, RouteContract>>(contract: C): C {
  return contract;
}

/** A file download (xlsx, pdf, docx, csv): the body is bytes, described in OpenAPI as binary. */
export const fileResponse = z.string().meta({ format: 'binary', description: 'ファイル（xlsx・pdf・docx・csv）' });

/** `{ ok: true }`: a command with nothing else to say. */
export const okResponse = z.object({ ok: z.literal(true) });

/** The response body of a route (what its presenter returns). */
export type ResponseOf<R extends RouteContract> = z.output<R['response']>;
/** The request body of a route. */
export type BodyOf<R extends RouteContract> = R['body'] extends z.ZodType ? z.input<R['body']> : undefined;
/** The query string of a route. */
export type QueryOf<R extends RouteContract> = R['query'] extends z.ZodType ? z.input<R['query']> : undefined;
/** The path parameters of a route. */
export type ParamsOf<R extends RouteContract> = R['params'] extends z.ZodType ? z.input<R['params']> : undefined;

/** A page of a list (lists are paged: SPEC §6): `{ items, total, page, pageSize }`. */
export function pageResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
