import { todayInJapan } from '../src/domain/time.ts';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../src/platform/auth/hashing.ts';
import { setFieldEncryptionKey } from '../src/platform/config/fieldCrypto.ts';
import { type Database, DEFAULT_POOL_SIZE, openDatabase, type Tx } from '../src/platform/db/connection.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { accounts, departments, organizations, people, roleAssignments } from '../src/platform/db/schema.ts';
import { asSystem, rowsOf } from '../src/platform/db/tenancy.ts';
import { derivedColumns } from '../src/modules/inventory/inventory.content.shared.ts';
import { type EntriesQuery, entryContentSchema } from '../src/modules/inventory/inventory.schema.ts';
import { listEntries } from '../src/modules/inventory/inventory.service.ts';
import { inventoryEntries } from '../src/modules/inventory/inventory.tables.ts';
import { cannon, measureConcurrent, READ_POOL_SIZE, startServer } from './harness.ts';
import { startThrowawayPostgres, vacuumUntilAllVisible } from './postgres.ts';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const key = randomBytes(32);
const log = (m: string) => console.log(`  ${m}`);

// ---- seeding ----

const TOPICS = ['顧客名簿', '会員名簿', 'セミナー申込者名簿', '採用応募者', '問い合わせ記録', 'アンケート回答', '取引先担当者', '来訪者記録', '配送先リスト', 'ポイント会員'];
const ITEMS = ['氏名', '住所', '電話番号', 'メールアドレス', '生年月日', '会社名', '部署', '性別', '購入履歴', '問い合わせ内容'];
const PURPOSES = ['商品の発送と請求のため', 'サービスのご案内のため', '採用選考のため', 'お問い合わせへの回答のため', 'セミナーの運営のため'];
const LOCATIONS = ['本社 書庫', '顧客管理システム', '営業所 施錠キャビネット', 'ファイルサーバー', 'クラウドストレージ'];
const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健', '直樹', 'さくら', '優', '翔', '陽子'];

async function seed(database: Database) {
  const [org] = await asSystem(database, (tx) => tx.insert(organizations).values({ name: '台帳ベンチマーク株式会社' }).returning());
  if (!org) throw new Error('organization insert failed');
  const deptIds = await asSystem(database, async (tx) =>
    (
      await tx
        .insert(departments)
        .values(Array.from({ length: 10 }, (_, i) => ({ organizationId: org.id, name: `第${i + 1}事業部`, sortOrder: i })))
        .returning({ id: departments.id })
    ).map((d) => d.id),
  );
  const personIds = await asSystem(database, async (tx) =>
    (
      await tx
        .insert(people)
        .values(
          Array.from({ length: 200 }, (_, i) => ({
            organizationId: org.id,
            name: `${FAMILY[i % 10]} ${GIVEN[Math.floor(i / 10) % 10]}${i}`,
            departmentId: deptIds[i % 10] ?? null,
          })),
        )
        .returning({ id: people.id, name: people.name })
    ).map((p) => p),
  );
  const names = new Map(personIds.map((p) => [p.id, p.name]));
  const departmentNames = deptIds.map((_, i) => `第${i + 1}事業部`);
  const started = performance.now();
  const batch = 2000;
  for (let start = 0; start < ENTRIES; start += batch) {
    const values = Array.from({ length: Math.min(batch, ENTRIES - start) }, (_, j) => {
      const i = start + j;
      const d = i % 10;
      // A hash of i, so the flags do not line up with the departments.
      const h = Math.imul(i + 1, 2654435761) >>> 0;
      const holders = [personIds[(i * 7) % 200], personIds[(i * 13 + 1) % 200]].flatMap((p) => (p ? [p.id] : []));
      const content = entryContentSchema.parse({
        name: `${TOPICS[(i >> 3) % TOPICS.length]}-${String(i).padStart(6, '0')}`,
        departmentId: deptIds[d],
        items: ITEMS.filter((_, k) => (i + k) % 3 !== 0).slice(0, 6),
        purpose: PURPOSES[i % PURPOSES.length],
        // ~0.1 % of the entries are kept in a rarely used store: the selective search.
        storageLocation: i % 1000 === 7 ? '第三別館 地下書庫' : `${departmentNames[d]} ${LOCATIONS[i % LOCATIONS.length]}`,
        storageMethod: { media: (['paper', 'electronic', 'both'] as const)[i % 3] },
        accessHolderIds: holders,
        useUntil: { description: '取引終了まで' },
        retainUntil: { date: `20${30 + (i % 9)}-03-31` },
        recordCount: { value: 100 + (i % 5000), approximate: i % 2 === 0 },
        acquisitionMethods: [i % 4 === 0 ? 'from_third_party' : 'direct_written'],
        sensitive: h % 20 === 3,
        sensitiveBasis: h % 20 === 3 ? { kind: 'written_consent' } : null,
        myNumber: h % 50 === 7,
        retainedPersonalData: (h >>> 3) % 5 < 2,
        entrustedTo: (h >>> 5) % 5 === 0 ? ['株式会社配送サービス'] : [],
        thirdPartyProvision: (h >>> 7) % 10 === 0,
      });
      return {
        organizationId: org.id,
        revision: 1,
        data: content,
        ...derivedColumns(content, { departmentName: departmentNames[d], people: names }),
        riskStatus: (['unanalysed', 'approved', 'in_progress', 'needs_review'] as const)[i % 4],
      };
    });
    await asSystem(database, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.insert(inventoryEntries).values(values);
    });
    if ((start / batch) % 10 === 0) log(`entries ${start + values.length}/${ENTRIES}`);
  }
  log(`seeded ${ENTRIES} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const passwordHash = await hashPassword('Bench-pass1!');
  await asSystem(database, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: org.id, name: 'ベンチ 管理者' }).returning();
    if (!p) throw new Error('person insert failed');
    await tx.insert(roleAssignments).values({ organizationId: org.id, personId: p.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: org.id, personId: p.id, loginId: 'bench-inventory@bench.example', passwordHash });
  });
  // A bulk load leaves the visibility map unset; autovacuum would set it soon, the bench does it now
  // (the count of a filtered list is an index-only scan only on all-visible pages).
  await vacuumUntilAllVisible(database, ['inventory_entries']);
  return { organizationId: org.id, departmentIds: deptIds };
}

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
    const seeded = await seed(database);
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
