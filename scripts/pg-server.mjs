// Throwaway PostgreSQL servers for the test runner (scripts/test.mjs) and the benchmarks
// (bench/): find the binaries, initdb into a temp directory, start on a free loopback port.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function versionKey(dir) {
  const m = /postgresql\/(\d+)(?:\.(\d+))?/.exec(dir);
  return m ? Number(m[1]) * 1000 + Number(m[2] ?? 0) : 0;
}

/** A directory holding initdb and pg_ctl, or null. */
export function findPgBinDir() {
  const candidates = [];
  if (process.env.MAMORI_PG_BINDIR) candidates.push(process.env.MAMORI_PG_BINDIR);
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8', timeout: 10_000 });
  if (pgConfig.status === 0 && pgConfig.stdout.trim()) candidates.push(pgConfig.stdout.trim());
  for (const base of ['/usr/lib/postgresql', '/usr/local/lib/postgresql']) {
    try {
      const dirs = fs
        .readdirSync(base)
        .map((v) => path.join(base, v, 'bin'))
        .sort((a, b) => versionKey(b) - versionKey(a));
      candidates.push(...dirs);
    } catch {
      // not there
    }
  }
  candidates.push('/usr/local/pgsql/bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find((dir) => isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) ?? null;
}

/** How to run server programs: directly, or (as root, which initdb refuses) as `postgres`. */
export function pgRunner() {
  if (!isRoot) return { ok: true, wrap: (cmd, args) => [cmd, args] };
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    return { ok: false, reason: "running as root, and there is no 'postgres' OS user to run initdb/pg_ctl as" };
  }
  const owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(isExecutable);
  if (runuser) return { ok: true, owner, wrap: (cmd, args) => [runuser, ['-u', 'postgres', '--', cmd, ...args]] };
  const quote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;
  return { ok: true, owner, wrap: (cmd, args) => ['su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map(quote).join(' ')]] };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server program synchronously (with a timeout); returns { ok, output }. */
function runPg(runner, cwd, cmd, args, timeoutMs) {
  const [c, a] = runner.wrap(cmd, args);
  const r = spawnSync(c, a, { cwd, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`.trim();
  return { ok: r.status === 0 && !r.error, output, timedOut: r.error?.code === 'ETIMEDOUT' };
}

async function canConnect(url) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch {
    return true; // no driver to check with; pg_ctl -w already waited
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const r = await client.query('select version() as v');
    return r.rows[0].v;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts a throwaway PostgreSQL server. Returns { url, version } or { error }. Its stop is
 * registered in `cleanups`, so it goes away on any exit path.
 * Options: `locale` (initdb's, default C; the benchmarks use C.UTF-8 as production should, so
 * pg_trgm indexes Japanese) and `settings` (more `-c name=value` server settings).
 */
export async function startPostgres(binDir = findPgBinDir(), runner = pgRunner(), cleanups = [], { locale = 'C', settings = [] } = {}) {
  if (!binDir) return { error: 'PostgreSQL binaries (initdb, pg_ctl) not found' };
  if (!runner.ok) return { error: runner.reason };
  // Short base path: the socket path (-k) must stay under ~100 characters. As root the server
  // runs as `postgres`, which must be able to reach the directory: /tmp (TMPDIR may be private).
  const base = runner.owner || os.tmpdir().length > 60 ? '/tmp' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'mamori-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const pgCtl = path.join(binDir, 'pg_ctl');
  let started = false;
  const stop = () => {
    if (started) {
      let r = runPg(runner, dir, pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop'], 30_000);
      if (!r.ok) r = runPg(runner, dir, pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], 20_000);
      if (!r.ok) {
        try {
          const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
          if (pid > 0) process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  if (runner.owner) fs.chownSync(dir, runner.owner.uid, runner.owner.gid);

  const t0 = Date.now();
  const init = runPg(runner, dir, path.join(binDir, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', `--locale=${locale}`], 180_000);
  if (!init.ok) return { error: `initdb failed${init.timedOut ? ' (timed out)' : ''}:\n${init.output}` };

  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const options = [
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      ...settings.map((setting) => `-c ${setting}`),
    ].join(' ');
    const r = runPg(runner, dir, pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start'], 90_000);
    started = true; // even a failed start may have left a postmaster: stop() checks
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    if (r.ok) {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const version = await canConnect(url);
        if (version) {
          console.log(`[pg] PostgreSQL started in ${seconds(Date.now() - t0)} on 127.0.0.1:${port} (${binDir})`);
          return { url, version: typeof version === 'string' ? version : 'PostgreSQL', stop };
        }
        await new Promise((res) => setTimeout(res, 250));
      }
      lastError = 'the server started but did not accept connections within 30 s';
    } else {
      let log = '';
      try {
        log = fs.readFileSync(logFile, 'utf8').slice(-4000);
      } catch {
        // no log
      }
      lastError = `pg_ctl start failed${r.timedOut ? ' (timed out)' : ''}:\n${r.output}\n${log}`;
      if (!/could not bind|address already in use/i.test(log + r.output)) break;
    }
    runPg(runner, dir, pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], 20_000);
  }
  return { error: lastError };
}
