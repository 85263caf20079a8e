// @ts-expect-error — plain ESM module shared with the test runner, without type declarations
import { startPostgres } from '../scripts/pg-server.mjs';

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
