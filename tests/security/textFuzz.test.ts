import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import { sampleBodyFor, sampleIdFor } from '../platform/routeSamples.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #7, the attack itself: over EVERY declared route, strings holding a NUL character or a
 * lone UTF-16 surrogate go into each body field the route's schema declares (nested ones too),
 * each query parameter, each path parameter, and an undeclared field and parameter besides —
 * signed in as the 個人情報保護管理者 (every permission) and, for public routes, without a
 * session. Not one response may be a 5xx. The field names come from the OpenAPI document the
 * app builds from its own route schemas, so a new route or field is fuzzed without a change here.
 */

type Route = { method: string; url: string; access: string };
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: { enum?: string[] };
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Operation = { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

/** Bad strings as JSON values: NUL inside and alone, a lone high and a lone low surrogate. */
const badValues = ['前\u0000後', '\u0000', '\ud800', 'a\udfffb'];
/** The same in a URL: percent-encoded NUL, the UTF-8-style bytes of a surrogate (not valid UTF-8), a raw lone surrogate. */
const badUrlTexts = ['x%00y', '%00', '%ED%A0%80', '\ud800'];

/** Paths (segments) of every place in a body schema that takes a string. */
function stringPaths(schema: JsonSchema | undefined, path: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (!schema || depth > 8) return [];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0) {
    const seen = new Map<string, (string | number)[]>();
    for (const b of branches) for (const p of stringPaths(b, path, depth + 1)) seen.set(JSON.stringify(p), p);
    return [...seen.values()];
  }
  const types = [schema.type ?? []].flat();
  if (schema.properties || types.includes('object')) {
    const out = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => stringPaths(sub, [...path, key], depth + 1));
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      out.push(...stringPaths(schema.additionalProperties, [...path, schema.propertyNames?.enum?.[0] ?? 'key'], depth + 1));
    }
    return out;
  }
  if (types.includes('array')) return stringPaths(schema.items, [...path, 0], depth + 1);
  // A string, or a schema that takes anything (z.unknown()).
  return types.length === 0 || types.includes('string') ? [path] : [];
}

/** A copy of `base` with `value` at `path`, creating objects and arrays on the way. */
function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const root: Record<string | number, unknown> = structuredClone(base && typeof base === 'object' ? base : {}) as Record<string, unknown>;
  let node: Record<string | number, unknown> = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    const fresh = typeof path[i + 1] === 'number' ? [] : {};
    if (!next || typeof next !== 'object') node[segment] = fresh;
    node = node[segment] as Record<string | number, unknown>;
  });
  return root;
}

let t: TestApp;
let pms: Client;
let routes: Route[];
let openapi: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  routes = (t.app as unknown as FastifyInstance & { declaredRoutes: Route[] }).declaredRoutes;
  openapi = (await (t.app as unknown as FastifyInstance).inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

/** Ids of the demo organization's records for `:id` (an account other than the one fuzzing, so it stays usable). */
async function idsFor(url: string): Promise<Record<string, string>> {
  if (url.startsWith('/api/accounts/')) {
    const rows = await asSystem(t.database, async (tx) =>
      rowsOf<{ id: string }>(
        await tx.execute(sql`select id::text from accounts where organization_id = ${t.demoOrganizationId} and login_id <> 'pms@demo.mamori.local' order by login_id limit 1`),
      ),
    );
    return { id: rows[0]?.id ?? '00000000-0000-4000-8000-000000000000' };
  }
  try {
    return await sampleIdFor(t, url);
  } catch {
    return {};
  }
}

function fill(url: string, ids: Record<string, string>, override?: { name: string; text: string }): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    override?.name === name ? override.text : (ids[name] ?? (name === 'recordType' ? 'role_request' : '00000000-0000-4000-8000-000000000000')),
  );
}

/** Body of a fuzz request: the route's valid sample with one string replaced, minus fields that would lock the fuzzing account out. */
function baseBody(route: Route): unknown {
  if (route.url === '/api/auth/login') return { loginId: 'nobody@fuzz.example', password: 'not-a-password' };
  if (route.method === 'PATCH' && route.url === '/api/accounts/:id') return {};
  return sampleBodyFor(route.method, route.url) ?? {};
}

describe('#7 ファジング: すべての宣言済みルートに NUL・孤立サロゲートを送る', () => {
  it('本文・クエリ・パスのどこに入れても 5xx は0件', async () => {
    const inject = (t.app as unknown as FastifyInstance).inject.bind(t.app);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;

    // Routes that remove records run after the others (their samples are other routes' ids),
    // and logging out ends the session, so it runs last.
    const order = (r: Route) => (r.url === '/api/auth/logout' ? 2 : r.method === 'DELETE' ? 1 : 0);
    const ordered = [...routes].sort((a, b) => order(a) - order(b));
    expect(ordered.length).toBeGreaterThan(80);

    for (const route of ordered) {
      const op = openapi.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const ids = await idsFor(route.url);
      const hasBody = route.method !== 'GET';
      const base = baseBody(route);
      const send = async (url: string, body: unknown, label: string) => {
        requests++;
        const res =
          route.access === 'public'
            ? await inject({ method: route.method as 'POST', url, ...(body !== undefined ? { payload: body as object } : {}) }).then((r) => ({
                status: r.statusCode,
                body: r.body,
              }))
            : await pms.requestAnyRoute(route.method, url, body).then((r) => ({ status: r.status, body: JSON.stringify(r.body) }));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${route.method} ${route.url} [${label}] → ${res.status} ${res.body.slice(0, 120)}`);
      };

      // Body: each declared string field, and an undeclared one.
      if (hasBody) {
        const schema = op?.requestBody?.content?.['application/json']?.schema;
        const paths = [...stringPaths(schema), ['fuzzExtra']];
        for (const p of paths) for (const bad of badValues) await send(fill(route.url, ids), withValue(base, p, bad), `body.${p.join('.')}=${JSON.stringify(bad)}`);
        // A bad key, not only a bad value.
        await send(fill(route.url, ids), { ...(base as object), 'キー\u0000': 'x' }, 'body key NUL');
      }
      // Query: each declared parameter, and an undeclared one.
      const queryNames = [...(op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name), 'fuzzExtra'];
      for (const name of queryNames) {
        for (const text of badUrlTexts) await send(`${fill(route.url, ids)}?${name}=${text}`, hasBody ? base : undefined, `query.${name}=${JSON.stringify(text)}`);
      }
      // Path: each parameter.
      for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
        if (!name) continue;
        for (const text of badUrlTexts) await send(fill(route.url, ids, { name, text }), hasBody ? base : undefined, `params.${name}=${JSON.stringify(text)}`);
      }
    }

    console.log(
      `#7 fuzz: ${requests} requests over ${ordered.length} routes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; ≥500: ${failures.length}`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 600_000);
});
