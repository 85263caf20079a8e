import { execFileSync } from 'node:child_process';
// The same throwaway-server logic the test runner uses (scripts/pg-server.mjs).
// @ts-expect-error — plain ESM module without type declarations
import { startPostgres } from '../scripts/pg-server.mjs';

/** Starts a throwaway PostgreSQL on a loopback port, or returns null when none is installed. */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  try {
    execFileSync('sh', ['-c', 'command -v pg_config || ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return (startPostgres as () => Promise<{ url: string; stop: () => Promise<void> } | null>)();
}
