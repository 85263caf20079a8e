/**
 * Real `mamori serve` processes on a real PostgreSQL, for the reliability programme (issue 11):
 * tests/reliability/*.test.ts and bench/crashTrials.ts, bench/soak.ts. Nothing here is mocked —
 * each server is `node bin/mamori.js serve` as a child process, talked to over HTTP.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin', 'mamori.js');

/** What every process of one trial shares: the database, the encryption key, a private HOME. */
export type Installation = {
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  /** The audit checkpoint file of this installation (MAMORI_AUDIT_CHECKPOINT_FILE). */
  checkpointFile: string;
  /** Drops the database and removes the temp directory. */
  remove(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A new, empty database on the PostgreSQL server at `adminUrl` (a superuser), and the
 * environment for `mamori` commands on it: a fixed encryption key, HOME and the checkpoint file
 * in a temp directory (nothing lands in ~/.config), the test runner's own settings removed.
 */
export async function createInstallation(adminUrl: string, extraEnv: Record<string, string> = {}): Promise<Installation> {
  const name = `mamori_rel_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'mamori-rel-'));
  const checkpointFile = path.join(temp, 'anchor', 'audit-checkpoints.jsonl');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: temp,
    XDG_CONFIG_HOME: path.join(temp, 'config'),
    DATABASE_URL: databaseUrl,
    MAMORI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAMORI_AUDIT_CHECKPOINT_FILE: checkpointFile,
    MAMORI_LOG: '0',
    ...extraEnv,
  };
  for (const key of [
    'NODE_ENV',
    'VITEST',
    'VITEST_WORKER_ID',
    'VITEST_POOL_ID',
    'MAMORI_TEST_DB',
    'MAMORI_TEST_PG_URL',
    'MAMORI_MIGRATION_DATABASE_URL',
    'MAMORI_KEY_FILE',
    'PORT',
    'HOST',
    'MAMORI_PASSWORD',
    'MAMORI_SESSION_CACHE_MS',
    'MAMORI_SCHEDULER',
    'MAMORI_SMTP_URL',
    'MAMORI_JOB_SCHEDULE',
    'MAMORI_DEMO',
  ])
    if (!(key in extraEnv)) delete env[key];
  return {
    databaseUrl,
    env,
    checkpointFile,
    remove: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** Runs one `mamori` command to its end. */
export function runMamori(installation: Installation, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...installation.env, ...env }, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code as number) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export type ServeProcess = {
  url: string;
  pid: number;
  /** stdout and stderr so far (the last 256 kB). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGKILL: no shutdown handler runs (the crash of the reliability trials). */
  kill(): Promise<void>;
  /** SIGTERM, SIGKILL after 10 s. Idempotent. */
  stop(): Promise<void>;
};

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts `mamori serve --no-demo` on a free loopback port and waits for GET /healthz → 200. */
export async function startServe(installation: Installation, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ServeProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bin, 'serve', '--no-demo', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...installation.env, MAMORI_PUBLIC_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 256_000) log = log.slice(-256_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (alive()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`mamori serve exited (${child.exitCode ?? child.signalCode}) before /healthz answered\n${log.slice(-8_000)}`);
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`mamori serve: /healthz did not answer within ${timeoutMs / 1000} s\n${log.slice(-8_000)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 200)), exited]);
  }
  return { url, pid: child.pid ?? 0, output: () => log, exited, kill, stop };
}

/** A signed-in HTTP session (cookie + CSRF token), usable against any instance of the installation. */
export type Session = {
  cookie: string;
  csrfToken: string;
  request(baseUrl: string, method: string, pathname: string, body?: unknown): Promise<{ status: number; body: unknown }>;
};

export async function signIn(baseUrl: string, loginId: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login ${loginId}: ${res.status} ${body}`);
  const cookie = (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .filter((c): c is string => Boolean(c))
    .join('; ');
  // The CSRF token comes with the session (GET /api/auth/session), as the SPA reads it.
  const current = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const { csrfToken } = (await current.json()) as { csrfToken?: string };
  if (current.status !== 200 || !csrfToken) throw new Error(`session of ${loginId}: ${current.status}`);
  return {
    cookie,
    csrfToken,
    async request(base, method, pathname, payload) {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(`${base}${pathname}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload), signal: AbortSignal.timeout(30_000) });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON
      }
      return { status: r.status, body: parsed };
    },
  };
}

/** A superuser query on the installation's database (bypasses row-level security). */
export async function queryAsOwner<T extends pg.QueryResultRow>(installation: Installation, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: installation.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Resident set size of a process, in MB (Linux /proc), or null when it is gone. */
export async function rssMb(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}
