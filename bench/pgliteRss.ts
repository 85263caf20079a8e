/**
 * PGlite's idle RSS (issue 11, reliability programme): the server on the embedded database,
 * started on a data directory that already holds the demo organization (as after the first
 * `npm start`), left idle, its resident set read from /proc. Several starts; the median.
 *
 *   npm run bench:pglite-rss            (BENCH_RUNS=5 BENCH_IDLE_SECONDS=10 by default)
 *
 * The floor is PGlite's WASM memory: the module declares 2,048 pages (128 MB) as its initial
 * memory, so `initialMemory` cannot go below it, and the heap never shrinks (docs/operations.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './harness.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);

function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** The Node.js flags `npm start` gives the server (package.json), so the bench measures what runs. */
function startNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  return /node((?: --[^ ]+)*) bin\/mamori\.js serve/.exec(start)?.[1]?.trim().split(' ').filter(Boolean) ?? [];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const load = os.loadavg();
  console.log(`load average at the start (1/5/15 min): ${load.map((l) => l.toFixed(2)).join(' / ')} (${os.cpus().length} CPUs)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mamori-rss-'));
  const dataDir = path.join(dir, 'data');
  const env = { MAMORI_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
  try {
    // The first start creates the database, migrates and seeds the demo organization.
    execFileSync(process.execPath, ['bin/mamori.js', '--data-dir', dataDir, 'migrate'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    execFileSync(process.execPath, ['bin/mamori.js', '--data-dir', dataDir, 'demo'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    console.log(`server started as npm start does: node ${[...startNodeFlags(), 'bin/mamori.js serve'].join(' ')}`);
    const idle: number[] = [];
    const afterRequests: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const server = await startServer(env, ['--data-dir', dataDir], startNodeFlags());
      try {
        await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
        const pid = server.pid;
        const a = rssOf(pid);
        // A signed-in person opening the home screen, then idle again.
        const login = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ loginId: 'pms@demo.mamori.local', password: 'Mamori-demo1!' }),
        });
        const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
        for (const url of ['/api/me', '/api/me/deadlines', '/api/tasks', '/api/inventory/entries', '/api/incidents', '/api/approvals']) {
          await (await fetch(`${server.url}${url}`, { headers: { cookie } })).arrayBuffer();
        }
        await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
        const b = rssOf(pid);
        idle.push(a.rss);
        afterRequests.push(b.rss);
        console.log(`  run ${run}: idle after start ${a.rss.toFixed(0)} MB; after the home screen's requests ${b.rss.toFixed(0)} MB (peak ${b.hwm.toFixed(0)} MB)`);
      } finally {
        await server.stop();
      }
    }
    console.log(
      `\nPGlite idle RSS, ${RUNS} starts on a data directory holding the demo organization (median): idle after start ${median(idle).toFixed(0)} MB, after the home screen's requests ${median(afterRequests).toFixed(0)} MB — target < 300 MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
