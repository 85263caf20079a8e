import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type E2EApp = {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The embedded database directory of this server (removed by `stop()`). */
  dataDir: string;
  /** The server's stdout and stderr so far (the last 256 kB), for failure messages. */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its data. Idempotent. */
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Extra environment for the server (overrides the defaults below). */
  env?: Record<string, string | undefined>;
  /** How long to wait for GET /healthz to answer 200 (default 120 s). */
  timeoutMs?: number;
  /** Extra arguments after `serve`. */
  args?: string[];
  /**
   * `mamori` commands run on this server's data directory before it starts, in order — e.g.
   * `['demo']` then `['user', 'create', …]` for a second organization beside the demo one (the
   * embedded database has one process at a time, so they run before `serve`).
   */
  before?: string[][];
};

const running = new Set<ChildProcess>();
process.once('exit', () => {
  // A test that forgot stop(): never leave a server behind.
  for (const child of running) child.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `mamori serve` as a child process on a free loopback port with a fresh embedded
 * database in a temp dir (demo organization seeded, scheduler off) and waits until
 * GET /healthz answers 200.
 */
export async function startAppForE2E(options: StartOptions = {}): Promise<E2EApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'mamori-e2e-'));
  const dataDir = path.join(tempDir, 'data');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MAMORI_SCHEDULER: '0',
    MAMORI_DEMO: '1',
    MAMORI_PUBLIC_URL: url,
    // The key of this throwaway data directory stays in its temp dir (the default is under ~/.config).
    MAMORI_KEY_FILE: path.join(tempDir, 'data.key'),
    ...options.env,
  };
  // The test runner's database settings are not the server's.
  for (const key of ['NODE_ENV', 'VITEST', 'DATABASE_URL', 'MAMORI_TEST_DB', 'MAMORI_TEST_PG_URL', 'PORT', 'HOST']) if (!options.env?.[key]) delete env[key];
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];

  for (const command of options.before ?? []) {
    const run = spawnSync(process.execPath, [path.join(root, 'bin', 'mamori.js'), '--data-dir', dataDir, ...command], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
    if (run.status !== 0) throw new Error(`e2e: mamori ${command[0]} failed before serve: ${run.stderr || run.stdout || run.error?.message}`);
  }
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'mamori.js'), '--data-dir', dataDir, 'serve', '--port', String(port), '--host', '127.0.0.1', ...(options.args ?? [])],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 256_000) log = log.slice(-256_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => running.delete(child));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`mamori serve exited (${child.exitCode ?? child.signalCode}) before /healthz answered`);
      }
      if (Date.now() > deadline) throw new Error(`mamori serve: GET ${url}/healthz did not answer 200 within ${(options.timeoutMs ?? 120_000) / 1000} s`);
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 250)), exited]);
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${log.slice(-8_000)}`);
  }
  return { url, dataDir, output: () => log, stop };
}
