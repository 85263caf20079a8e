import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { setFieldEncryptionKey } from '../../src/platform/config/fieldCrypto.ts';
import type { Database } from '../../src/platform/db/connection.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/platform/demo.ts';
import type { BodyOf, HttpMethod, ResponseOf, RouteContract } from '../../src/platform/http/contract.ts';
import type { ErrorBody } from '../../src/platform/http/errorHandler.ts';
import type { ModuleManifest } from '../../src/platform/moduleKit/manifest.ts';
import type { App, Deps } from '../../src/platform/http/types.ts';
import { createMailer, type Mailer, type MailMessage } from '../../src/platform/notifications/mailer.ts';
import type { KnownUrl, ResponseAt } from './routes.ts';
import { createTestDatabase, dropTestDatabase } from './testDb.ts';

export type { KnownUrl };

/**
 * What a refused request carries besides (instead of) the route's response: `{ error }`. Typed as
 * always there so that a test reads it after asserting a 4xx status; on a success it is absent and
 * reading it fails the test.
 */
type FailureBody = { error: ErrorBody['error'] };

const testKey = randomBytes(32);

/** A movable clock for tests (idle timeouts, due dates). */
export type TestClock = { now: () => Date; set: (d: Date | string) => void; advanceMinutes: (m: number) => void };

export function testClock(start = new Date()): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advanceMinutes: (m) => {
      current = new Date(current.getTime() + m * 60_000);
    },
  };
}

/** A signed-in test client: cookie and CSRF token applied to every request. */
export type Client = {
  loginId: string;
  /**
   * A request typed by the contracts: the method and URL (`/api/incidents/${id}`, a query string
   * allowed) must reach a route, and `body` is that route's response — or, on a 4xx, the error
   * body (check `status` first). The request body is left open so that tests can send bad input.
   * `raw` is the response body as bytes (file downloads: xlsx, pdf).
   */
  request: <M extends HttpMethod, U extends string>(
    method: M,
    url: KnownUrl<M, U>,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: ResponseAt<M, U> & FailureBody; headers: Record<string, unknown>; raw: Buffer }>;
  get: <U extends string>(url: KnownUrl<'GET', U>) => Promise<{ status: number; body: ResponseAt<'GET', U> & FailureBody }>;
  /**
   * For suites that walk every route (negative authorization, fuzzing) with URLs built at run
   * time: the body is not typed. Everything else uses `request`, `get` or `call`.
   */
  requestAnyRoute: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: unknown; headers: Record<string, unknown>; raw: Buffer }>;
  /**
   * Calls a contract route, typed by the contract: path parameters filled into its path, the
   * query and body as the route takes them, and the body typed as its response (or, on a 4xx, the
   * error body: check `status` first).
   */
  call: <R extends RouteContract>(
    route: R,
    input?: { params?: Record<string, string>; query?: Record<string, string | number | boolean | undefined>; body?: BodyOf<R> },
  ) => Promise<{ status: number; body: ResponseOf<R> & Partial<ErrorBody>; headers: Record<string, unknown>; raw: Buffer }>;
};

/** The URL of a contract route: `:name` segments filled from `params`, the query appended. */
export function urlOf(route: RouteContract, params: Record<string, string> = {}, query: Record<string, string | number | boolean | undefined> = {}): string {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  return search ? `${path}?${search}` : path;
}

export type TestApp = {
  app: App;
  deps: Deps;
  database: Database;
  clock: TestClock;
  /** Mail captured instead of sent (a real SMTP sink is used where delivery itself is tested). */
  sentMail: MailMessage[];
  demoOrganizationId: string;
  login: (loginId: string, password?: string) => Promise<Client>;
  close: () => Promise<void>;
};

/**
 * Builds the real Fastify app on a fresh real database (PGlite or PostgreSQL, per
 * MAMORI_TEST_DB) with the demo organization seeded. Requests go through `app.inject`, the full
 * HTTP pipeline (hooks, validation, serialization) without a socket.
 */
export async function buildTestApp(
  options: { mailer?: Mailer; seedDemo?: boolean; loginRateLimit?: number /** Another module list (a fixture module added). */; modules?: readonly ModuleManifest[] } = {},
): Promise<TestApp> {
  setFieldEncryptionKey(testKey);
  const database = await createTestDatabase();
  const clock = testClock();
  const sentMail: MailMessage[] = [];
  const config = loadConfig({ encryptionKey: testKey, databaseUrl: null, dataDir: ':memory:', smtpUrl: null, scheduler: false, loginRateLimit: options.loginRateLimit ?? 1000 });
  const mailer: Mailer = options.mailer ?? { enabled: true, send: async (m) => void sentMail.push(m) };
  const deps: Deps = { database, config, mailer, now: clock.now };
  const app = await buildServer(deps, options.modules ? { modules: options.modules } : {});
  await app.ready();
  const demo = options.seedDemo === false ? { organizationId: '' } : await seedDemo(database, clock.now());

  const login = async (loginId: string, password = DEMO_PASSWORD): Promise<Client> => {
    const res = await (app as unknown as FastifyInstance).inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });
    if (res.statusCode !== 200) throw new Error(`login ${loginId} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'mamori_session');
    if (!cookie) throw new Error('no session cookie');
    const session = await (app as unknown as FastifyInstance).inject({ method: 'GET', url: '/api/auth/session', cookies: { mamori_session: cookie.value } });
    const csrf = (session.json() as { csrfToken: string }).csrfToken;
    const requestAnyRoute: Client['requestAnyRoute'] = async (method, url, body, headers = {}) => {
      const r = await (app as unknown as FastifyInstance).inject({
        method: method as 'GET',
        url,
        cookies: { mamori_session: cookie.value },
        headers: { 'x-csrf-token': csrf, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      let parsed: unknown = r.body;
      try {
        parsed = r.json();
      } catch {
        // not JSON (file downloads)
      }
      return { status: r.statusCode, body: parsed, headers: r.headers as Record<string, unknown>, raw: r.rawPayload };
    };
    const call: Client['call'] = async (route, input = {}) => {
      const r = await requestAnyRoute(route.method, urlOf(route, input.params, input.query), input.body);
      return r as never;
    };
    const request = requestAnyRoute as unknown as Client['request'];
    return { loginId, request, get: (url) => request('GET', url), requestAnyRoute, call };
  };

  return {
    app,
    deps,
    database,
    clock,
    sentMail,
    demoOrganizationId: demo.organizationId,
    login,
    close: async () => {
      await app.close();
      await dropTestDatabase(database);
    },
  };
}

export { createMailer };
