// @ts-expect-error — plain ESM module shared with the test runner, without type declarations
import { startPostgres } from '../scripts/pg-server.mjs';

type Started = { url: string; stop: () => void } | { error: string };

/** Starts a throwaway PostgreSQL on a loopback port (as the test runner does), or null when none is installed. */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  const cleanups: (() => void)[] = [];
  const started = (await (startPostgres as (a?: undefined, b?: undefined, c?: (() => void)[]) => Promise<Started>)(undefined, undefined, cleanups)) as Started;
  if ('error' in started) {
    console.log(`PostgreSQL: ${started.error}`);
    for (const c of cleanups) c();
    return null;
  }
  return { url: started.url, stop: async () => started.stop() };
}
