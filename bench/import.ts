/**
 * 台帳の取込 bench (issue #12 Scale): the whole import over real HTTP — 読込 (inspect) → 確認
 * (dry run) → 取込 (commit) — against its physical floor in the same run: only reading the same
 * workbook with the parser (the same parsing worker) and inserting the same rows into the same
 * tables (entries and their history) with one multi-row INSERT per 500-row batch, in one
 * transaction. Target: whole ÷ floor ≤ 3. Peak RSS of the server process (worker threads
 * included: /proc/<pid>/status VmHWM, reset before each import, and VmRSS sampled every 20 ms)
 * and of this process during the floor. Medians of BENCH_REPEATS runs.
 *
 *   npm run bench:import                       10,000 rows on PGlite, then 50,000 on PostgreSQL
 *   BENCH_PG=0 npm run bench:import            PGlite only
 *   BENCH_ROWS=10000 BENCH_PG_ROWS=50000 BENCH_REPEATS=3
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { todayInJapan } from '../src/domain/time.ts';
import { derivedColumns, type EntryNames } from '../src/modules/inventory/inventory.content.shared.ts';
import { type EntryContent, entryContentSchema } from '../src/modules/inventory/inventory.schema.ts';
import { inventoryEntries, inventoryEntryHistory } from '../src/modules/inventory/inventory.tables.ts';
import { IMPORT_BATCH_ROWS } from '../src/modules/inventory/write-entries-batch.ts';
import { setFieldEncryptionKey } from '../src/platform/config/fieldCrypto.ts';
import { type Database, openDatabase } from '../src/platform/db/connection.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { departments, organizations, people } from '../src/platform/db/schema.ts';
import { asSystem } from '../src/platform/db/tenancy.ts';
import { seedDemo } from '../src/platform/demo.ts';
import { installModules } from '../src/platform/moduleKit/install.ts';
import { modules } from '../src/modules/index.ts';
import { readAllSheets } from '../src/platform/exports/xlsx.ts';
import { startServer } from './harness.ts';
import { startThrowawayPostgres } from './postgres.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const PG_ROWS = Number(process.env.BENCH_PG_ROWS ?? 50_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const key = Buffer.alloc(32, 7);
const env = { MAMORI_ENCRYPTION_KEY: key.toString('base64') };
const HEADERS = ['個人情報の名称', '所管部署', '利用目的', '記録項目', '保管場所', '保管媒体', 'アクセス権を有する者', '利用期限', '保管期限', '件数'];
const DEPARTMENTS = ['営業部', '総務部', '情報システム部', '経営企画室'];
const log = (m: string) => console.log(`  ${m}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** A 台帳 of `rows` rows in the demo organization's departments, every name prefixed by `tag` (each run imports new entries). */
async function ledger(rows: number, tag: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('個人情報管理台帳');
  sheet.addRow(HEADERS);
  for (let n = 1; n <= rows; n++) {
    sheet.addRow([
      `${tag}帳票${String(n).padStart(6, '0')}`,
      DEPARTMENTS[n % 4],
      `規模テスト${n}の業務のため`,
      '氏名、住所',
      '書庫',
      n % 2 ? '紙' : '電子',
      '佐藤 花子',
      '業務終了まで',
      new Date(Date.UTC(2030, 2, 31)),
      n * 3,
    ]);
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

// ---- peak RSS ----

function status(pid: number | 'self'): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Samples a process's resident set every 20 ms (worker threads included: they share the process) and resets its VmHWM first when allowed. */
function rssSampler(pid: number | 'self') {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  } catch {
    // not allowed here: the sampled maximum still stands
  }
  let peak = status(pid).rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, status(pid).rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      const s = status(pid);
      return Math.max(peak, s.rss, s.hwm);
    },
  };
}

// ---- the whole import, over HTTP ----

type Auth = { cookie: string; 'x-csrf-token': string };

async function login(url: string): Promise<Auth> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'pms@demo.mamori.local', password: 'Mamori-demo1!' }),
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
  const cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
  const session = (await (await fetch(`${url}/api/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': session.csrfToken };
}

async function post(url: string, auth: Auth, file: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '台帳.xlsx');
  const r = await fetch(url, { method: 'POST', headers: auth, body: form });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

type Whole = { inspect: number; dryRun: number; commit: number; total: number; peakRss: number };

async function wholeImport(url: string, auth: Auth, pid: number, file: Buffer, rows: number): Promise<Whole> {
  const sampler = rssSampler(pid);
  const t0 = performance.now();
  const inspected = await post(`${url}/api/imports/inventory/inspect`, auth, file);
  if (inspected.status !== 200) throw new Error(`inspect: ${inspected.status} ${JSON.stringify(inspected.body).slice(0, 300)}`);
  const t1 = performance.now();
  const dry = await post(`${url}/api/imports/inventory?dryRun=1`, auth, file);
  if (dry.status !== 200 || dry.body.valid !== rows) throw new Error(`dry run: ${dry.status} ${JSON.stringify(dry.body).slice(0, 300)}`);
  const t2 = performance.now();
  const commit = await post(`${url}/api/imports/inventory?dryRun=0`, auth, file);
  if (commit.status !== 200 || commit.body.created !== rows) throw new Error(`commit: ${commit.status} ${JSON.stringify(commit.body).slice(0, 300)}`);
  const t3 = performance.now();
  return { inspect: t1 - t0, dryRun: t2 - t1, commit: t3 - t2, total: t3 - t0, peakRss: sampler.stop() };
}

// ---- the floor: parse + one multi-row INSERT per batch ----

type Org = { organizationId: string; departmentIds: Map<string, string>; personId: string; personName: string; accountPersonId: string };

async function demoOrganization(database: Database): Promise<Org> {
  return asSystem(database, async (tx) => {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).limit(1);
    if (!org) throw new Error('no demo organization');
    const depts = await tx.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.organizationId, org.id));
    const [person] = await tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.name, '佐藤 花子')).limit(1);
    if (!person) throw new Error('no 佐藤 花子');
    return { organizationId: org.id, departmentIds: new Map(depts.map((d) => [d.name, d.id])), personId: person.id, personName: person.name, accountPersonId: person.id };
  });
}

async function floor(database: Database, org: Org, file: Buffer): Promise<{ parse: number; insert: number; total: number; peakRss: number }> {
  const template = entryContentSchema.parse({ name: 'x', departmentId: org.personId });
  const now = new Date();
  const sampler = rssSampler('self');
  const t0 = performance.now();
  const [sheet] = await readAllSheets(file);
  if (!sheet) throw new Error('no sheet');
  const t1 = performance.now();
  await asSystem(database, async (tx) => {
    const rows = sheet.rows.filter((r) => r.rowNumber > 1);
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) {
      const batch = rows.slice(start, start + IMPORT_BATCH_ROWS).map(({ cells }) => {
        const departmentName = String(cells[2]);
        const content: EntryContent = {
          ...template,
          name: String(cells[1]),
          departmentId: org.departmentIds.get(departmentName) ?? '',
          items: String(cells[4]).split('、'),
          purpose: String(cells[3]),
          storageLocation: String(cells[5]),
          storageMethod: { media: cells[6] === '紙' ? 'paper' : 'electronic', description: null },
          accessHolderIds: [org.personId],
          useUntil: { date: null, description: String(cells[8]) },
          retainUntil: { date: (cells[9] as Date).toISOString().slice(0, 10), description: null },
          recordCount: { value: Number(cells[10]), approximate: false },
        };
        const names: EntryNames = { departmentName, people: new Map([[org.personId, org.personName]]) };
        return { content, derived: derivedColumns(content, names) };
      });
      const written = await tx
        .insert(inventoryEntries)
        .values(batch.map((b) => ({ organizationId: org.organizationId, revision: 1, data: b.content, ...b.derived, createdAt: now, updatedAt: now })))
        .returning({ id: inventoryEntries.id });
      await tx.insert(inventoryEntryHistory).values(
        written.map((w, i) => ({
          organizationId: org.organizationId,
          entryId: w.id,
          revision: 1,
          kind: 'imported' as const,
          requestedByPersonId: org.accountPersonId,
          actorPersonId: org.accountPersonId,
          summary: 'Excel台帳の取込',
          changes: [],
          data: batch[i]?.content as EntryContent,
          createdAt: now,
        })),
      );
    }
  });
  const t2 = performance.now();
  return { parse: t1 - t0, insert: t2 - t1, total: t2 - t0, peakRss: sampler.stop() };
}

// ---- one database ----

type Line = { label: string; rows: number; whole: Whole[]; floor: Awaited<ReturnType<typeof floor>>[] };

async function benchOne(label: string, rows: number, open: () => Promise<Database>, serverArgs: { env: Record<string, string>; args: string[] }): Promise<Line> {
  console.log(`${label}: ${rows.toLocaleString('en-US')} rows, ${REPEATS} runs`);
  const setup = await open();
  await migrate(setup);
  await seedDemo(setup, new Date());
  await setup.close();
  const files: Buffer[] = [];
  for (let run = 1; run <= REPEATS; run++) files.push(await ledger(rows, `取込ベンチ${run}-`));
  log(`workbook: ${(mb(files[0]?.length ?? 0)).toFixed(1)} MB`);
  const whole: Whole[] = [];
  const server = await startServer(serverArgs.env, serverArgs.args);
  try {
    const auth = await login(server.url);
    for (const [i, file] of files.entries()) {
      const w = await wholeImport(server.url, auth, server.pid, file, rows);
      whole.push(w);
      log(
        `run ${i + 1} whole: ${(w.total / 1000).toFixed(1)} s (読込 ${(w.inspect / 1000).toFixed(1)} + 確認 ${(w.dryRun / 1000).toFixed(1)} + 取込 ${(w.commit / 1000).toFixed(1)}), server peak RSS ${mb(w.peakRss).toFixed(0)} MB`,
      );
    }
  } finally {
    await server.stop();
  }
  const floors: Line['floor'] = [];
  const database = await open();
  try {
    const org = await demoOrganization(database);
    for (let run = 1; run <= REPEATS; run++) {
      const f = await floor(database, org, await ledger(rows, `床ベンチ${run}-`));
      floors.push(f);
      log(
        `run ${run} floor: ${(f.total / 1000).toFixed(1)} s (parse ${(f.parse / 1000).toFixed(1)} + insert ${(f.insert / 1000).toFixed(1)}), peak RSS ${mb(f.peakRss).toFixed(0)} MB`,
      );
    }
  } finally {
    await database.close();
  }
  return { label, rows, whole, floor: floors };
}

async function main() {
  const loadBefore = os.loadavg();
  setFieldEncryptionKey(key);
  installModules(modules);
  const lines: Line[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mamori-import-bench-'));
  try {
    const dataDir = path.join(dir, 'data');
    lines.push(await benchOne('PGlite', ROWS, () => openDatabase({ databaseUrl: null, dataDir }), { env, args: ['--data-dir', dataDir] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_PG !== '0') {
    const server = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
    const baseUrl = process.env.DATABASE_URL ?? server?.url;
    if (!baseUrl) console.log('PostgreSQL: skipped (no DATABASE_URL and no PostgreSQL binaries)');
    else {
      const dbName = `mamori_import_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create database ${dbName} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
      const url = new URL(baseUrl);
      url.pathname = `/${dbName}`;
      try {
        lines.push(
          await benchOne('PostgreSQL', PG_ROWS, () => openDatabase({ databaseUrl: url.toString(), dataDir: ':memory:' }), {
            env: { ...env, DATABASE_URL: url.toString() },
            args: [],
          }),
        );
      } finally {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
        await server?.stop();
      }
    }
  }
  const loadAfter = os.loadavg();
  console.log(`\nMamori 台帳の取込ベンチマーク — medians of ${REPEATS} runs (${todayInJapan(new Date())})`);
  console.log(
    `load average (1/5/15 min) at the start ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}, at the end ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} (${os.cpus().length} CPUs)`,
  );
  console.log('| database | rows | whole s (読込 + 確認 + 取込) | floor s (parse + insert) | whole ÷ floor | ≤ 3 | server peak RSS MB | floor peak RSS MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const l of lines) {
    const whole = median(l.whole.map((w) => w.total));
    const fl = median(l.floor.map((f) => f.total));
    const part = (xs: number[]) => (median(xs) / 1000).toFixed(1);
    console.log(
      `| ${l.label} | ${l.rows.toLocaleString('en-US')} | ${(whole / 1000).toFixed(1)} (${part(l.whole.map((w) => w.inspect))} + ${part(l.whole.map((w) => w.dryRun))} + ${part(l.whole.map((w) => w.commit))}) | ${(fl / 1000).toFixed(1)} (${part(l.floor.map((f) => f.parse))} + ${part(l.floor.map((f) => f.insert))}) | ${(whole / fl).toFixed(2)} | ${whole / fl <= 3 ? 'yes' : 'NO'} | ${mb(median(l.whole.map((w) => w.peakRss))).toFixed(0)} | ${mb(median(l.floor.map((f) => f.peakRss))).toFixed(0)} |`,
    );
  }
}

await main();
process.exit(0);
