import { todayInJapan } from '../src/domain/time.ts';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { setFieldEncryptionKey } from '../src/platform/config/fieldCrypto.ts';
import { type Database, DEFAULT_POOL_SIZE, openDatabase, type Tx } from '../src/platform/db/connection.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { rowsOf } from '../src/platform/db/tenancy.ts';
import type { EntriesQuery } from '../src/modules/inventory/inventory.schema.ts';
import { listEntries } from '../src/modules/inventory/inventory.service.ts';
import { cannon, measureConcurrent, READ_POOL_SIZE, startServer } from './harness.ts';
import { seedInventoryOrganization } from './inventorySeed.ts';
import { startThrowawayPostgres } from './postgres.ts';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const key = randomBytes(32);
const log = (m: string) => console.log(`  ${m}`);

// ---- measuring ----

type Case = { label: string; query: Omit<EntriesQuery, 'page' | 'pageSize'> & { page: number; pageSize: number }; qs: string };

function cases(departmentId: string): Case[] {
  const base = {
    status: 'active' as const,
    sort: 'name' as const,
    flags: [] as EntriesQuery['flags'],
    q: undefined as string | undefined,
    departmentId: null as string | null,
    media: undefined,
    riskStatus: undefined,
  };
  return [
    {
      label: '絞り込み一覧（所属 + 保有個人データ、2ページ目）',
      query: { ...base, departmentId, flags: ['retainedPersonalData'], page: 2, pageSize: 50 },
      qs: `departmentId=${departmentId}&flags=retainedPersonalData&page=2&pageSize=50`,
    },
    { label: '検索（選択的: 「地下書庫」≈0.1%）', query: { ...base, q: '地下書庫', page: 1, pageSize: 50 }, qs: `q=${encodeURIComponent('地下書庫')}&page=1&pageSize=50` },
    {
      label: '検索（広い: 「アンケート」≈10% を所属で絞り込み）',
      query: { ...base, q: 'アンケート', departmentId, page: 1, pageSize: 50 },
      qs: `q=${encodeURIComponent('アンケート')}&departmentId=${departmentId}&page=1&pageSize=50`,
    },
  ];
}

/** The list's SQL (listEntries: page and total) through the driver, 20 loops for DURATION seconds. */
function measureDirect(database: Database, organizationId: string, c: Case, today: string) {
  return measureConcurrent(() => listEntries(database.db as unknown as Tx, organizationId, { ...c.query, sort: 'name' }, today), CONNECTIONS, DURATION);
}

async function main() {
  const loadBefore = os.loadavg();
  const server = process.env.DATABASE_URL ? null : await startThrowawayPostgres({ settings: ['shared_buffers=256MB'] });
  const baseUrl = process.env.DATABASE_URL ?? server?.url;
  if (!baseUrl) {
    console.log('PostgreSQL: skipped (no DATABASE_URL and no PostgreSQL binaries)');
    return;
  }
  const dbName = `mamori_inventory_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  let ceilingLine = '';
  const results: {
    label: string;
    http: { rps: number; p50: number; p99: number; non2xx: number };
    single: { p50: number; p99: number };
    between: Record<number, number>;
    direct: { rps: number; p50: number; p99: number };
    total: number;
  }[] = [];
  try {
    setFieldEncryptionKey(key);
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: ':memory:', poolSize: READ_POOL_SIZE });
    await migrate(database);
    const ctype = rowsOf<{ ctype: string }>(await database.db.execute(sql`select datctype as ctype from pg_database where datname = current_database()`))[0]?.ctype;
    const version = rowsOf<{ v: string }>(await database.db.execute(sql`select version() as v`))[0]
      ?.v.split(' ')
      .slice(0, 2)
      .join(' ');
    console.log(`PostgreSQL (${version}, LC_CTYPE ${ctype}) — seeding ${ENTRIES} entries`);
    const seeded = await seedInventoryOrganization(database, ENTRIES, undefined, log);
    const today = todayInJapan(new Date());
    const department = seeded.departmentIds[3] as string;
    const app = await startServer({ DATABASE_URL: url.toString(), MAMORI_ENCRYPTION_KEY: key.toString('base64') });
    try {
      const login = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: 'bench-inventory@bench.example', password: 'Bench-pass1!' }),
      });
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      // The ceiling: an authenticated endpoint that reads no 台帳 data (session check and JSON only).
      const ceilingUrl = `${app.url}/api/risk/criteria`;
      await cannon({ url: ceilingUrl, connections: CONNECTIONS, duration: 2, headers: { cookie } });
      const ceiling = await cannon({ url: ceilingUrl, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
      ceilingLine = `authenticated ceiling (GET /api/risk/criteria, no 台帳 query): ${ceiling.requests.average.toFixed(0)} req/s, p50 ${ceiling.latency.p50} ms, p99 ${ceiling.latency.p99} ms`;
      for (const c of cases(department)) {
        const target = `${app.url}/api/inventory/entries?${c.qs}`;
        const check = await fetch(target, { headers: { cookie } });
        const body = (await check.json()) as { items: unknown[]; total: number };
        if (check.status !== 200 || body.items.length === 0) throw new Error(`${c.label}: check failed (${check.status}, ${body.items?.length} items)`);
        log(`${c.label}: ${body.total} matches`);
        await cannon({ url: target, connections: CONNECTIONS, duration: 2, headers: { cookie } });
        const http = await cannon({ url: target, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
        // One connection: the cost of a request without queueing behind 19 others.
        const single = await cannon({ url: target, connections: 1, duration: Math.max(3, Math.round(DURATION / 2)), headers: { cookie } });
        // And at 5 and 10: where the p99 stands between one user and the 20-connection saturation.
        const between: Record<number, number> = {};
        for (const connections of [5, 10]) {
          between[connections] = (await cannon({ url: target, connections, duration: Math.max(3, Math.round(DURATION / 2)), headers: { cookie } })).latency.p99;
        }
        const direct = await measureDirect(database, seeded.organizationId, c, today);
        results.push({
          label: c.label,
          total: body.total,
          http: { rps: http.requests.average, p50: http.latency.p50, p99: http.latency.p99, non2xx: http.non2xx + http.errors + http.timeouts },
          single: { p50: single.latency.p50, p99: single.latency.p99 },
          between,
          direct,
        });
      }
      // The plan of the selective search inside mamori_inventory_search, for the record (the trigram index should serve it).
      const plan = rowsOf<{ 'QUERY PLAN': string }>(
        await database.db.execute(
          sql`explain select id from inventory_entries where organization_id = ${seeded.organizationId} and status = 'active' and search_text like ${'%地下書庫%'}`,
        ),
      );
      log(
        `plan of the selective search: ${plan
          .map((p) => p['QUERY PLAN'].trim())
          .filter((l) => /Scan|Index/.test(l))
          .join(' / ')}`,
      );
    } finally {
      await app.stop();
      await database.close();
    }
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${url.toString()}`);
    else await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    await server?.stop();
  }
  console.log(`\nMamori 台帳ベンチマーク — ${ENTRIES.toLocaleString('en-US')} entries, ${CONNECTIONS} connections, ${DURATION} s per measurement`);
  console.log(ceilingLine);
  console.log(
    `server under test: PostgreSQL pools of ${process.env.MAMORI_DB_POOL_SIZE ?? DEFAULT_POOL_SIZE} (main) and ${READ_POOL_SIZE} (reader) connections; the direct query runs on a pool of ${READ_POOL_SIZE} too`,
  );
  console.log(`load average at the start (1/5/15 min): ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} (${os.cpus().length} CPUs)`);
  console.log(
    '| case | matches | endpoint req/s | endpoint p50 ms | endpoint p99 ms | 1 connection p50 / p99 ms | p99 at 5 / 10 connections ms | direct q/s | direct p99 ms | endpoint/direct (req/s) | p99 < 200 ms |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.total} | ${r.http.rps.toFixed(0)} | ${r.http.p50.toFixed(1)} | ${r.http.p99.toFixed(1)} | ${r.single.p50.toFixed(1)} / ${r.single.p99.toFixed(1)} | ${r.between[5]?.toFixed(1)} / ${r.between[10]?.toFixed(1)} | ${r.direct.rps.toFixed(0)} | ${r.direct.p99.toFixed(1)} | ${((r.http.rps / r.direct.rps) * 100).toFixed(0)} % | ${r.http.p99 < 200 && r.http.non2xx === 0 ? 'yes' : 'NO'} |`,
    );
  }
}

await main();
process.exit(0);
