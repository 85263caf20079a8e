/** What both benchmarks share: the app server under test, autocannon, and a concurrent loop over a query. */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { DEFAULT_READ_POOL_SIZE } from '../src/platform/db/connection.ts';

/**
 * Connections the server under test reads its lists with (its tenant reader pool). The direct
 * query runs on a pool of the same size, so endpoint/direct compares the same database
 * concurrency with and without HTTP, session and tenant.
 */
export const READ_POOL_SIZE = Number(process.env.MAMORI_DB_READ_POOL_SIZE ?? DEFAULT_READ_POOL_SIZE);

/** Starts `mamori serve` on a free port (scheduler off) with the given environment; resolves once it listens. */
export async function startServer(env: Record<string, string>, args: string[] = [], nodeArgs: string[] = []): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...nodeArgs, 'bin/mamori.js', ...args, 'serve', '--port', '0', '--no-demo'], {
    env: { ...process.env, ...env, MAMORI_SCHEDULER: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /http:\/\/localhost:(\d+)/.exec(chunk.toString());
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', () => reject(new Error('server exited')));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

export function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs `once` after 20 warm-up calls in `connections` concurrent loops for `seconds`: the same
 * concurrency autocannon puts on the endpoint, straight on the database driver.
 */
export async function measureConcurrent(once: () => Promise<unknown>, connections: number, seconds: number): Promise<{ rps: number; p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await once();
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
