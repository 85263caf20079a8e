import { todayInJapan } from '../src/domain/time.ts';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { setFieldEncryptionKey } from '../src/platform/config/fieldCrypto.ts';
import { type Database, type Tx, openDatabase } from '../src/platform/db/connection.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { inOrg } from '../src/platform/db/tenancy.ts';
import { accounts, people, roleAssignments } from '../src/platform/db/schema.ts';
import { hashPassword } from '../src/platform/auth/hashing.ts';
import { listPeople } from '../src/platform/org/org.service.ts';
import { verifyAuditChain } from '../src/platform/audit/verifyChain.ts';
import { seedLargeOrganization } from './seed.ts';
import { cannon, measureConcurrent, READ_POOL_SIZE, startServer } from './harness.ts';
import { startThrowawayPostgres, vacuumUntilAllVisible } from './postgres.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const key = randomBytes(32);
const log = (m: string) => console.log(`  ${m}`);

type Result = { db: string; healthz: number; list: number; listP50: number; listP99: number; direct: number; directP99: number; verifySeconds: number; verifyRows: number };

async function prepare(database: Database) {
  await migrate(database);
  const seeded = await seedLargeOrganization(database, { peopleCount: PEOPLE, auditRows: AUDIT, log });
  // A PMS manager account to call the list as.
  const passwordHash = await hashPassword('Bench-pass1!');
  await inOrg(database, { organizationId: seeded.organizationId }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: seeded.organizationId, name: 'ベンチ 管理者' }).returning();
    await tx.insert(roleAssignments).values({ organizationId: seeded.organizationId, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: seeded.organizationId, personId: p!.id, loginId: 'bench@bench.example', passwordHash });
  });
  return seeded;
}

const listQuery = (departmentId: string) => ({ departmentId, status: 'active' as const, page: 2, pageSize: 50, q: undefined, employmentType: undefined });

/** The list's own query (the same service function) straight on the driver: no HTTP, no session, no tenant transaction. */
async function measureDirect(database: Database, organizationId: string, departmentId: string): Promise<{ direct: number; directP99: number }> {
  const today = todayInJapan(new Date());
  const once = () => listPeople(database.db as unknown as Tx, organizationId, listQuery(departmentId), today);
  const first = await once();
  if (first.items.length !== 50) throw new Error(`direct query returned ${first.items.length} rows`);
  const r = await measureConcurrent(once, CONNECTIONS, DURATION);
  return { direct: r.rps, directP99: r.p99 };
}

async function measureHttp(url: string, departmentId: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'bench@bench.example', password: 'Bench-pass1!' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const listUrl = `${url}/api/people?departmentId=${departmentId}&status=active&page=2&pageSize=50`;
  const check = await fetch(listUrl, { headers: { cookie } });
  const body = (await check.json()) as { items: unknown[] };
  if (check.status !== 200 || body.items.length !== 50) throw new Error(`list check failed: ${check.status}`);
  await cannon({ url: `${url}/healthz`, connections: CONNECTIONS, duration: 2 });
  const health = await cannon({ url: `${url}/healthz`, connections: CONNECTIONS, duration: DURATION });
  await cannon({ url: listUrl, connections: CONNECTIONS, duration: 2, headers: { cookie } });
  const list = await cannon({ url: listUrl, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
  if (list.non2xx > 0) throw new Error(`list returned ${list.non2xx} non-2xx responses`);
  return { healthz: health.requests.average, list: list.requests.average, listP50: list.latency.p50, listP99: list.latency.p99 };
}

async function benchPglite(): Promise<Result> {
  console.log('PGlite (embedded)');
  const dir = mkdtempSync(path.join(tmpdir(), 'mamori-bench-'));
  const dataDir = path.join(dir, 'data');
  try {
    setFieldEncryptionKey(key);
    let database = await openDatabase({ databaseUrl: null, dataDir });
    const seeded = await prepare(database);
    const t0 = performance.now();
    const verified = await verifyAuditChain(database);
    const verifySeconds = (performance.now() - t0) / 1000;
    await database.close();
    const server = await startServer({ DATABASE_URL: '', MAMORI_ENCRYPTION_KEY: key.toString('base64') }, ['--data-dir', dataDir]);
    const http = await measureHttp(server.url, seeded.departmentIds[3]!);
    await server.stop();
    database = await openDatabase({ databaseUrl: null, dataDir });
    const direct = await measureDirect(database, seeded.organizationId, seeded.departmentIds[3]!);
    await database.close();
    return { db: 'PGlite', ...http, ...direct, verifySeconds, verifyRows: verified.rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<Result | null> {
  const server = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const baseUrl = process.env.DATABASE_URL ?? server?.url;
  if (!baseUrl) {
    console.log('PostgreSQL: skipped (no DATABASE_URL and no PostgreSQL binaries)');
    return null;
  }
  console.log('PostgreSQL');
  const dbName = `mamori_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  try {
    setFieldEncryptionKey(key);
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: ':memory:', poolSize: READ_POOL_SIZE });

    const seeded = await prepare(database);
    // What autovacuum does on a live server: statistics, and the visibility map that lets counts read indexes only.
    await database.exec('vacuum analyze');
    await vacuumUntilAllVisible(database, ['people', 'accounts']);
    const t0 = performance.now();
    const verified = await verifyAuditChain(database);
    const verifySeconds = (performance.now() - t0) / 1000;
    const app = await startServer({ DATABASE_URL: url.toString(), MAMORI_ENCRYPTION_KEY: key.toString('base64') }, ['--data-dir', path.join(tmpdir(), 'unused')]);
    const http = await measureHttp(app.url, seeded.departmentIds[3]!);
    await app.stop();
    const direct = await measureDirect(database, seeded.organizationId, seeded.departmentIds[3]!);
    await database.close();
    return { db: 'PostgreSQL', ...http, ...direct, verifySeconds, verifyRows: verified.rows };
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    await server?.stop();
  }
}

const results: Result[] = [];
const only = process.env.BENCH_ONLY;
if (only !== 'postgres') results.push(await benchPglite());
if (only !== 'pglite') {
  const r = await benchPostgres().catch((error: Error) => {
    console.error(`PostgreSQL benchmark failed: ${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`);
    return null;
  });
  if (r) results.push(r);
}
console.log(`\nMamori benchmark — ${PEOPLE} people, ${AUDIT} audit rows, ${CONNECTIONS} connections, ${DURATION}s per measurement`);
console.log(`PostgreSQL: the server reads lists on ${READ_POOL_SIZE} connections (its reader pool); the direct query runs on a pool of the same size`);
console.log('| database | /healthz req/s | people list req/s | list p50 / p99 ms | direct query q/s | direct p99 ms | list/direct | list/healthz | audit verify |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.db} | ${r.healthz.toFixed(0)} | ${r.list.toFixed(0)} | ${r.listP50.toFixed(1)} / ${r.listP99.toFixed(1)} | ${r.direct.toFixed(0)} | ${r.directP99.toFixed(1)} | ${((r.list / r.direct) * 100).toFixed(0)} % | ${((r.list / r.healthz) * 100).toFixed(0)} % | ${r.verifyRows} rows in ${r.verifySeconds.toFixed(1)} s |`,
  );
}
console.log(
  `load average at the end (1/5/15 min): ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (${os.cpus().length} CPUs)`,
);
process.exit(0);
