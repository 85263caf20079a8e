import { createHash } from 'node:crypto';

/** Query shapes a database handle keeps prepared; past this its cache starts again. */
const MAX_SHAPES_PER_HANDLE = 200;

const byHandle = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle query prepared once per database handle and query shape (`key`: whatever changes the
 * SQL text — the filters present, the sort order), then executed with its values as placeholders.
 * Building the SQL text from drizzle's query objects was a third of the Node time of a 台帳
 * list request (bench/inventory.ts: 2.9 → 1.6 ms per query, the PostgreSQL time unchanged).
 *
 * A handle that lives long — a connection of the tenant reader pool, or a pool's drizzle
 * instance — reuses its prepared queries; a transaction is a new handle each time and prepares
 * afresh (no worse than building the query). `prepare` receives the statement name, derived from
 * the key: the same key must always build the same text (node-postgres refuses a name reused
 * for a different text, so a mistake there fails loudly instead of running the wrong query).
 */
export function preparedOnce<T>(handle: object, key: string, prepare: (name: string) => T): T {
  let queries = byHandle.get(handle);
  if (!queries) {
    queries = new Map();
    byHandle.set(handle, queries);
  }
  let query = queries.get(key) as T | undefined;
  if (query === undefined) {
    if (queries.size >= MAX_SHAPES_PER_HANDLE) queries.clear();
    query = prepare(`mamori_q_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`);
    queries.set(key, query);
  }
  return query;
}
