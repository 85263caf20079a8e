// @ts-expect-error — plain ESM module shared with the test runner, without type declarations
import { startPostgres } from '../scripts/pg-server.mjs';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/connection.ts';
import { rowsOf } from '../src/platform/db/tenancy.ts';

type Started = { url: string; stop: () => void } | { error: string };
type StartOptions = { locale?: string; settings?: string[] };

/**
 * Starts a throwaway PostgreSQL on a loopback port (as the test runner does), or null when none
 * is installed. The benchmarks run it in C.UTF-8 — as production should be (docs/operations.md) —
 * so pg_trgm indexes Japanese text.
 */
export async function startThrowawayPostgres(options: StartOptions = {}): Promise<{ url: string; stop: () => Promise<void> } | null> {
  const cleanups: (() => void)[] = [];
  const start = startPostgres as (binDir: undefined, runner: undefined, cleanups: (() => void)[], options: StartOptions) => Promise<Started>;
  const started = await start(undefined, undefined, cleanups, { locale: 'C.UTF-8', ...options });
  if ('error' in started) {
    console.log(`PostgreSQL: ${started.error}`);
    for (const c of cleanups) c();
    return null;
  }
  return { url: started.url, stop: async () => started.stop() };
}

/**
 * VACUUM ANALYZE, again until the visibility map covers the tables: what autovacuum reaches on a
 * live server, and what lets a count read its index only. Right after a bulk load one VACUUM is
 * not always enough — an autovacuum ANALYZE of another table still running holds the oldest
 * snapshot back, the newest pages stay not-all-visible, and a count then fetched a third of its
 * rows from the heap (the filtered-list case measured 136 against 203 req/s between two runs).
 */
export async function vacuumUntilAllVisible(database: Database, tables: string[]): Promise<void> {
  const names = tables.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');
  let coverage = 0;
  for (let attempt = 1; attempt <= 30; attempt++) {
    await database.exec(`vacuum analyze ${tables.join(', ')}`);
    const rows = rowsOf<{ pages: number; visible: number }>(
      await database.db.execute(sql.raw(`select sum(relpages)::int as pages, sum(relallvisible)::int as visible from pg_class where relname in (${names})`)),
    );
    const { pages = 0, visible = 0 } = rows[0] ?? {};
    coverage = pages === 0 ? 1 : visible / pages;
    if (coverage >= 0.99) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log(`warning: the visibility map covers only ${(coverage * 100).toFixed(0)} % of ${tables.join(', ')} after 30 VACUUMs`);
}
