/**
 * Scale bench (issue 11, reliability programme): 1,000,000 台帳 entries across 100 organizations
 * on PostgreSQL. One organization of 10,000 entries is measured twice in one run — first among
 * 100,000 entries (10 organizations), then among 1,000,000 (100 organizations) — over the real
 * HTTP API on one connection (sequential requests: what one person waits), and the same list
 * query straight on the driver. Targets: p99 at 1M within 1.5× of 100k (other tenants' rows cost
 * a tenant nothing), and every list reaching ≥ 85 % of its direct query (one-connection
 * throughput endpoint ÷ direct, i.e. the direct query's share of the endpoint's time).
 *
 *   npm run bench:scale            (BENCH_REPEATS=3 BENCH_REQUESTS=200 by default)
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { todayInJapan } from '../src/domain/time.ts';
import { listEntries } from '../src/modules/inventory/inventory.service.ts';
import { setFieldEncryptionKey } from '../src/platform/config/fieldCrypto.ts';
import { type Database, openDatabase, type Tx } from '../src/platform/db/connection.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { rowsOf } from '../src/platform/db/tenancy.ts';
import { percentile, READ_POOL_SIZE, startServer } from './harness.ts';
import { seedInventoryOrganization } from './inventorySeed.ts';
import { cases, PER_ORG } from './scaleCases.ts';
import { startThrowawayPostgres, vacuumUntilAllVisible } from './postgres.ts';

const STAGES = (process.env.BENCH_STAGES ?? '10,100').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

const key = randomBytes(32);
const log = (m: string) => console.log(`  ${m}`);

/** `n` sequential calls after 20 warm-up calls: latencies sorted (ms) and calls per second. */
async function sequential(once: () => Promise<unknown>, n: number) {
  for (let i = 0; i < 20; i++) await once();
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await once();
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: n / seconds };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/**
 * Copies the measured organization's entries into `count` new organizations with their own
 * departments (same names), set-based: one INSERT … SELECT per organization, triggers off (the
 * audit trail of a bulk copy is not what is measured).
 */
async function cloneOrganizations(database: Database, sourceOrg: string, from: number, count: number) {
  const columns = rowsOf<{ column_name: string }>(
    await database.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'inventory_entries' and column_name not in ('id', 'organization_id', 'department_id') and is_generated = 'NEVER' order by ordinal_position`,
    ),
  ).map((c) => `"${c.column_name}"`);
  const list = columns.join(', ');
  const started = performance.now();
  for (let i = from; i < from + count; i++) {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const [org] = rowsOf<{ id: string }>(await tx.execute(sql`insert into organizations (name) values (${`スケール試験組織${i}`}) returning id`));
      if (!org) throw new Error('organization insert failed');
      await tx.execute(sql`insert into departments (organization_id, name, sort_order) select ${org.id}, name, sort_order from departments where organization_id = ${sourceOrg}`);
      await tx.execute(
        sql.raw(`insert into inventory_entries (id, organization_id, department_id, ${list})
          select gen_random_uuid(), '${org.id}', d2.id, ${columns.map((c) => `e.${c}`).join(', ')}
          from inventory_entries e
          left join departments d1 on d1.id = e.department_id
          left join departments d2 on d2.organization_id = '${org.id}' and d2.name = d1.name
          where e.organization_id = '${sourceOrg}'`),
      );
    });
    if ((i - from + 1) % 10 === 0) log(`organizations ${i + 1} (${((performance.now() - started) / 1000) | 0} s)`);
  }
}

type Timing = { p50: number; p99: number; rps: number };
type Row = { stage: number; total: number; label: string; endpoint: Timing; direct: Timing; floor: Timing | null };

/** Starts bench/scaleFloorServer.ts (the bare HTTP floor) on the bench database. */
async function startFloorServer(url: string, organizationId: string, departmentId: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scaleFloorServer.ts'], {
    env: { ...process.env, DATABASE_URL: url, BENCH_ORG: organizationId, BENCH_DEPARTMENT: departmentId },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('floor server exited')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

async function measureStage(database: Database, url: string, organizationId: string, departmentId: string, stage: number, total: number): Promise<Row[]> {
  const app = await startServer({ DATABASE_URL: url, MAMORI_ENCRYPTION_KEY: key.toString('base64') }, [], (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const floor = await startFloorServer(url, organizationId, departmentId);
  const rows: Row[] = [];
  const fetchOk = async (target: string, init?: RequestInit) => {
    const res = await fetch(target, init);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${target}: ${res.status}`);
  };
  try {
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'bench-scale@bench.example', password: 'Bench-pass1!' }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const today = todayInJapan(new Date());
    // The fixed cost of a request: an authenticated endpoint that reads no 台帳 (session, JSON, HTTP).
    const ceilingUrl = `${app.url}/api/risk/criteria`;
    const ceilings: Awaited<ReturnType<typeof sequential>>[] = [];
    for (let r = 0; r < REPEATS; r++) {
      ceilings.push(
        await sequential(async () => {
          await (await fetch(ceilingUrl, { headers: { cookie } })).arrayBuffer();
        }, REQUESTS),
      );
    }
    rows.push({
      stage,
      total,
      label: '（参考）台帳を読まない認証済みの要求 GET /api/risk/criteria',
      endpoint: { p50: median(ceilings.map((x) => x.p50)), p99: median(ceilings.map((x) => x.p99)), rps: median(ceilings.map((x) => x.rps)) },
      direct: { p50: 0, p99: 0, rps: Number.POSITIVE_INFINITY },
      floor: null,
    });
    // The HTTP round trip alone: a bare node:http server answering `{}` to the same client.
    const bare: Awaited<ReturnType<typeof sequential>>[] = [];
    for (let r = 0; r < REPEATS; r++) bare.push(await sequential(() => fetchOk(`${floor.url}/?case=none`), REQUESTS));
    rows.push({
      stage,
      total,
      label: '（参考）何もしない HTTP サーバーへの往復（node:http）',
      endpoint: { p50: median(bare.map((x) => x.p50)), p99: median(bare.map((x) => x.p99)), rps: median(bare.map((x) => x.rps)) },
      direct: { p50: 0, p99: 0, rps: Number.POSITIVE_INFINITY },
      floor: null,
    });
    for (const [i, c] of cases(departmentId).entries()) {
      const target = `${app.url}/api/inventory/entries?${c.qs}`;
      const check = await fetch(target, { headers: { cookie } });
      const body = (await check.json()) as { items: unknown[]; total: number };
      if (check.status !== 200 || body.items.length === 0) throw new Error(`${c.label}: check failed (${check.status})`);
      const endpoints: Awaited<ReturnType<typeof sequential>>[] = [];
      const directs: Awaited<ReturnType<typeof sequential>>[] = [];
      const floors: Awaited<ReturnType<typeof sequential>>[] = [];
      for (let r = 0; r < REPEATS; r++) {
        endpoints.push(
          await sequential(async () => {
            const res = await fetch(target, { headers: { cookie } });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${c.label}: ${res.status}`);
          }, REQUESTS),
        );
        directs.push(await sequential(() => listEntries(database.db as unknown as Tx, organizationId, c.query, today), REQUESTS));
        floors.push(await sequential(() => fetchOk(`${floor.url}/?case=${i}`), REQUESTS));
      }
      const pick = (xs: typeof endpoints) => ({ p50: median(xs.map((x) => x.p50)), p99: median(xs.map((x) => x.p99)), rps: median(xs.map((x) => x.rps)) });
      rows.push({ stage, total, label: `${c.label}（${body.total}件）`, endpoint: pick(endpoints), direct: pick(directs), floor: pick(floors) });
      const e = pick(endpoints);
      const d = pick(directs);
      const f = pick(floors);
      log(
        `${stage} organizations — ${c.label}: endpoint p50/p99 ${e.p50.toFixed(2)}/${e.p99.toFixed(1)} ms, direct p50/p99 ${d.p50.toFixed(2)}/${d.p99.toFixed(1)} ms, bare HTTP p50 ${f.p50.toFixed(2)} ms, endpoint ÷ direct ${((e.rps / d.rps) * 100).toFixed(0)} %, bare HTTP ÷ direct ${((f.rps / d.rps) * 100).toFixed(0)} %`,
      );
    }
  } finally {
    await Promise.all([app.stop(), floor.stop()]);
  }
  return rows;
}

async function main() {
  const loadBefore = os.loadavg();
  console.log(`load average at the start (1/5/15 min): ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} (${os.cpus().length} CPUs)`);
  const server = process.env.DATABASE_URL
    ? null
    : await startThrowawayPostgres({ settings: ['shared_buffers=256MB', ...(process.env.BENCH_PG_SETTINGS ?? '').split(' ').filter(Boolean)] });
  const baseUrl = process.env.DATABASE_URL ?? server?.url;
  if (!baseUrl) {
    console.log('PostgreSQL: skipped (no DATABASE_URL and no PostgreSQL binaries)');
    return;
  }
  const dbName = `mamori_scale_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const rows: Row[] = [];
  try {
    setFieldEncryptionKey(key);
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: ':memory:', poolSize: READ_POOL_SIZE });
    try {
      await migrate(database);
      const seeded = await seedInventoryOrganization(database, PER_ORG, 'bench-scale@bench.example', log);
      const departmentId = seeded.departmentIds[3] as string;
      let organizations = 1;
      for (const stage of STAGES) {
        await cloneOrganizations(database, seeded.organizationId, organizations, stage - organizations);
        organizations = stage;
        await vacuumUntilAllVisible(database, ['inventory_entries', 'departments']);
        // The copies' dirty pages written out now, not by the checkpointer while latencies are measured.
        await database.exec('checkpoint');
        const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from inventory_entries`));
        log(`${stage} organizations, ${n.toLocaleString('en-US')} entries — measuring`);
        rows.push(...(await measureStage(database, url.toString(), seeded.organizationId, departmentId, stage, n)));
      }
    } finally {
      await database.close();
    }
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${url.toString()}`);
    else await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    await server?.stop();
  }
  console.log(`\nMamori scale bench — one organization of ${PER_ORG.toLocaleString('en-US')} entries, one connection, ${REQUESTS} sequential requests × ${REPEATS} (medians)`);
  console.log(
    `load average at the start (1/5/15 min): ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}; at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  console.log(
    '| case | p50 / p99 ms at 100k | p50 / p99 ms at 1M | p99 1M ÷ 100k (≤ 1.5) | direct p50 / p99 ms at 1M | endpoint ÷ direct at 1M (≥ 85 %) | bare HTTP ÷ direct at 1M (the most HTTP allows) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const small = rows.filter((r) => r.stage === STAGES[0]);
  const large = rows.filter((r) => r.stage === STAGES[1]);
  for (const [i, a] of small.entries()) {
    const b = large[i];
    if (!b) continue;
    const ratio = b.endpoint.p99 / a.endpoint.p99;
    const share = b.endpoint.rps / b.direct.rps;
    if (!Number.isFinite(b.direct.rps)) {
      console.log(
        `| ${b.label} | ${a.endpoint.p50.toFixed(1)} / ${a.endpoint.p99.toFixed(1)} | ${b.endpoint.p50.toFixed(1)} / ${b.endpoint.p99.toFixed(1)} | ${ratio.toFixed(2)} | — | — | — |`,
      );
      continue;
    }
    console.log(
      `| ${b.label} | ${a.endpoint.p50.toFixed(1)} / ${a.endpoint.p99.toFixed(1)} | ${b.endpoint.p50.toFixed(1)} / ${b.endpoint.p99.toFixed(1)} | ${ratio.toFixed(2)} ${ratio <= 1.5 ? 'ok' : 'NO'} | ${b.direct.p50.toFixed(1)} / ${b.direct.p99.toFixed(1)} | ${(share * 100).toFixed(0)} % ${share >= 0.85 ? 'ok' : 'NO'} | ${b.floor ? `${((b.floor.rps / b.direct.rps) * 100).toFixed(0)} %` : '—'} |`,
    );
  }
}

await main();
process.exit(0);
