/**
 * Access-log review at scale (Toshima 4-8-6 (3)): loads AUDIT_ROWS (default 1,000,000) audit
 * rows into one organization (plus 10 % into another), then times `listAuditLog` — total and one
 * page — for the review screen's filters, at page 1, at deep pages and with the keyset cursor.
 *
 *   npx tsx bench/auditLogReview.ts                      # embedded PGlite
 *   BENCH_PG=1 npx tsx bench/auditLogReview.ts           # throwaway PostgreSQL (if installed)
 *   DATABASE_URL=postgres://… npx tsx bench/auditLogReview.ts
 *   AUDIT_ROWS=200000 VACUUM=1 npx tsx bench/auditLogReview.ts
 *
 * Rows are inserted in bulk with the table's user triggers disabled (as the owner): this
 * measures reads, not the chain trigger. VACUUM=1 vacuums afterwards, as autovacuum would,
 * so counts can be answered from the indexes alone.
 */
import { auditLogQuery } from '../src/platform/audit/auditLog.schema.ts';
import { type AuditLogPage, listAuditLog } from '../src/platform/audit/auditLog.service.ts';
import { openDatabase } from '../src/platform/db/connection.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { asSystem, inOrg } from '../src/platform/db/tenancy.ts';
import { organizations } from '../src/platform/org/org.tables.ts';
import { buildActor } from '../src/platform/policies/actor.ts';

const rows = Number(process.env.AUDIT_ROWS ?? 1_000_000);
// Imported only when asked for: it needs the test runner's PostgreSQL helper.
const server = !process.env.DATABASE_URL && process.env.BENCH_PG ? await (await import('./postgres.ts')).startThrowawayPostgres() : null;
const url = process.env.DATABASE_URL ?? server?.url ?? null;
const db = await openDatabase({ databaseUrl: url, dataDir: ':memory:' });
try {
  await migrate(db);
  const [org] = await asSystem(db, (tx) => tx.insert(organizations).values({ name: 'bench' }).returning());
  const [other] = await asSystem(db, (tx) => tx.insert(organizations).values({ name: 'other' }).returning());
  if (!org || !other) throw new Error('no organization');
  let t0 = Date.now();
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await db.exec('DELETE FROM audit_log');
  const twoYears = 2 * 365 * 24 * 3600;
  for (const [id, n] of [
    [org.id, rows],
    [other.id, Math.ceil(rows / 10)],
  ] as const) {
    await db.exec(`
      INSERT INTO audit_log (organization_id, chain_seq, actor_account_id, action, entity_type, entity_id, before, after, meta, row_count, created_at, prev_hash, hash)
      SELECT '${id}'::uuid, g,
        ('00000000-0000-4000-8000-' || lpad((g % 50)::text, 12, '0'))::uuid,
        CASE WHEN g % 9973 = 0 THEN 'alert' ELSE (array['insert','update','update','read','read','login','export','delete','update','insert'])[1 + (g % 10)] END,
        (array['people','departments','role_assignments','accounts','tasks','approval_requests','people','sessions'])[1 + (g % 8)],
        md5((g % 20000)::text),
        CASE WHEN g % 10 IN (2, 8) THEN jsonb_build_object('name', '氏名' || g) END,
        jsonb_build_object('name', '氏名 ' || g), NULL, g % 3,
        timestamptz '2024-01-01' + ((g::bigint * ${twoYears} / ${n}) || ' seconds')::interval, '', md5(g::text)
      FROM generate_series(1, ${n}) g`);
  }
  await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  await db.exec(process.env.VACUUM ? 'VACUUM ANALYZE audit_log' : 'ANALYZE audit_log');
  console.log(`${db.kind}: loaded ${rows.toLocaleString()} rows (+${Math.ceil(rows / 10).toLocaleString()} in another organization) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const actor = buildActor({
    accountId: '00000000-0000-4000-8000-000000000001',
    personId: '00000000-0000-4000-8000-000000000001',
    personName: 'bench',
    organizationId: org.id,
    departmentId: null,
    roles: [{ role: 'pms_manager', departmentId: null }],
    locale: 'ja',
  });
  const someone = '00000000-0000-4000-8000-000000000007';
  const cases: [string, Record<string, string>][] = [
    ['no filter, page 1', {}],
    ['no filter, page 5000 ×200', { page: '5000', pageSize: '200' }],
    ['one month', { from: '2025-01-01', to: '2025-01-31' }],
    ['13 months, page 100 ×200', { from: '2024-06-01', to: '2025-06-30', page: '100', pageSize: '200' }],
    ['actor', { actorAccountId: someone }],
    ['actor, page 200 ×100', { actorAccountId: someone, page: '200', pageSize: '100' }],
    ['action=export', { action: 'export' }],
    ['action=alert (rare)', { action: 'alert' }],
    ['entityType=people', { entityType: 'people' }],
    ['entityType+entityId', { entityType: 'departments', entityId: 'c4ca4238a0b923820dcc509a6f75849b' }],
    ['actor + 3 months', { actorAccountId: someone, from: '2025-01-01', to: '2025-03-31' }],
    ['action + 1 month', { action: 'login', from: '2025-01-01', to: '2025-01-31' }],
  ];
  const run = (q: Record<string, string>) => inOrg(db, { organizationId: org.id, actorAccountId: actor.accountId }, (tx) => listAuditLog(tx, actor, auditLogQuery.parse(q)));
  console.log('filter'.padEnd(28), 'total'.padStart(9), '  median of 3 (ms)   next page by cursor (ms)');
  for (const [name, q] of cases) {
    const times: number[] = [];
    let page: AuditLogPage | null = null;
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      page = await run(q);
      times.push(performance.now() - t0);
    }
    let cursor = '';
    if (page?.nextCursor) {
      t0 = performance.now();
      await run({ ...q, cursor: String(page.nextCursor) });
      cursor = (performance.now() - t0).toFixed(0);
    }
    const median = times.sort((a, b) => a - b)[1] ?? 0;
    console.log(name.padEnd(28), String(page?.total ?? 0).padStart(9), `  ${median.toFixed(0).padStart(6)}`, `  ${cursor.padStart(6)}`);
  }
} finally {
  await db.close();
  await server?.stop();
}
