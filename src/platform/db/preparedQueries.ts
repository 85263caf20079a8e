import { createHash } from 'node:crypto';
import { type Placeholder, sql } from 'drizzle-orm';

/**
 * Query shapes a database handle keeps prepared. Past this, a new shape is built for its call
 * only: a prepared statement lives as long as its connection, so the bound keeps a connection's
 * statements bounded too.
 */
export const MAX_SHAPES_PER_HANDLE = 100;

type Executable<R> = { execute(values: Record<string, unknown>): Promise<R> };
/** A drizzle query built with placeholders: it can be prepared under a name, or run once. */
export type Preparable<R> = Executable<R> & { prepare(name: string): Executable<R> };

const byHandle = new WeakMap<object, Map<string, Executable<unknown>>>();

/**
 * Runs a drizzle query prepared once per database handle and query shape (`key`: whatever changes
 * the SQL text — the filters present, the sort order) with this call's values for its placeholders.
 * Building the SQL text from drizzle's query objects was a third of the Node time of a 台帳 list
 * request (bench/inventory.ts: 2.9 → 2.1 ms per query, the PostgreSQL time unchanged).
 *
 * A handle that lives long — a connection of the tenant reader pool, or a pool's drizzle instance —
 * reuses its prepared queries; a transaction is a new handle each time and prepares afresh (no
 * worse than building the query; the lists run on the reader pool, readInOrg, where the handle is
 * the connection's). The statement name derives from the key: the same key must
 * always build the same text (node-postgres refuses a name reused for a different text, so a
 * mistake there fails loudly instead of running the wrong query).
 */
export function runPrepared<R>(handle: object, key: string, build: () => Preparable<R>, values: Record<string, unknown>): Promise<R> {
  let queries = byHandle.get(handle);
  if (!queries) {
    queries = new Map();
    byHandle.set(handle, queries);
  }
  const known = queries.get(key) as Executable<R> | undefined;
  if (known) return known.execute(values);
  if (queries.size >= MAX_SHAPES_PER_HANDLE) return build().execute(values);
  const prepared = build().prepare(`mamori_q_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`);
  queries.set(key, prepared);
  return prepared.execute(values);
}

/**
 * How a query builder takes its values: written in as parameters (a one-off query, e.g. an export
 * with the list's filter), or as named placeholders for runPrepared. The conditions present — the
 * shape — decide the SQL text either way.
 */
export type Bind<V extends Record<string, unknown>> = <K extends keyof V & string, T extends V[K]>(name: K, value: T) => T | Placeholder<K>;

export function inlineValues<V extends Record<string, unknown>>(): Bind<V> {
  return (_name, value) => value;
}

export function placeholders<V extends Record<string, unknown>>(): Bind<V> {
  return (name) => sql.placeholder(name);
}
