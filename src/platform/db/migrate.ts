import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './connection.ts';
import { tenancyFunctionsSql, tenantTableSql } from './tenancySql.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** The database's structure is older than this code and this role may not change it. */
export class SchemaNotCurrentError extends Error {
  constructor(detail: string) {
    super(
      `データベースの構造が最新ではありません（${detail}）。このロールはテーブルの所有者ではないため変更できません。` +
        'テーブルを所有するロールの接続先を MAMORI_MIGRATION_DATABASE_URL に指定して `mamori migrate` を実行してから、もう一度起動してください',
    );
    this.name = 'SchemaNotCurrentError';
  }
}

/**
 * Whether the connected role owns the tables (or will create them): the migrating role. The
 * application's own login role on PostgreSQL owns nothing (issue 11 #5: an owner can disable
 * the audit triggers), so it only checks that the schema is current.
 */
export async function connectedAsOwner(database: Database): Promise<boolean> {
  const result = await database.db.execute<{ owner: boolean }>(sql`
    select case when to_regclass('public.audit_log') is null then true
      else pg_has_role(current_user, (select relowner from pg_class where oid = to_regclass('public.audit_log')), 'USAGE') end as owner`);
  return (result as unknown as { rows: { owner: boolean }[] }).rows[0]?.owner ?? true;
}

/** The newest migration of the committed journal (drizzle records its `when` as `created_at`). */
function newestMigration(): { tag: string; when: number } {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const last = journal.entries[journal.entries.length - 1];
  if (!last) throw new Error('migrations/meta/_journal.json に移行がありません');
  return last;
}

/** For a role that does not own the tables: refuses to run on an older schema. */
async function assertSchemaCurrent(database: Database): Promise<void> {
  const newest = newestMigration();
  let applied: number | null = null;
  try {
    const result = await database.db.execute<{ newest: string | null }>(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`);
    const value = (result as unknown as { rows: { newest: string | null }[] }).rows[0]?.newest;
    applied = value == null ? null : Number(value);
  } catch {
    throw new SchemaNotCurrentError('適用済みのマイグレーションの記録を読めません');
  }
  if (applied === null || applied < newest.when) throw new SchemaNotCurrentError(`${newest.tag} が未適用です`);
}

/**
 * Applies the committed SQL migrations, then the tenancy policies and audit triggers on every
 * tenant table. Several instances may start at once on one PostgreSQL: an advisory lock makes
 * them take turns. A role that does not own the tables (the application's login role in the
 * two-role set-up of docs/operations.md) applies nothing: it checks that the schema is current.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgres' && !(await connectedAsOwner(database))) {
    await assertSchemaCurrent(database);
    return;
  }
  await database.withAdvisoryLock(727261, async () => {
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    else await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
    await applyTenancy(database);
  });
}

/**
 * Tables that carry an `organization_id` column, plus `organizations` itself; `shared` when the
 * table also has a `counterparty_organization_id` (a record two organizations share).
 */
export async function tenantTables(database: Database): Promise<{ table: string; column: 'organization_id' | 'id'; shared: boolean }[]> {
  const result = await database.db.execute<{ table_name: string; shared: boolean }>(sql`
    select c.table_name, exists (
      select 1 from information_schema.columns x
      where x.table_schema = 'public' and x.table_name = c.table_name and x.column_name = 'counterparty_organization_id'
    ) as shared
    from information_schema.columns c
    where c.table_schema = 'public' and c.column_name = 'organization_id' order by c.table_name`);
  const rows = (result as unknown as { rows: { table_name: string; shared: boolean }[] }).rows;
  return [
    { table: 'organizations', column: 'id' as const, shared: false },
    ...rows.map((r) => ({ table: r.table_name, column: 'organization_id' as const, shared: r.shared === true })),
  ];
}

/**
 * Installs policies and triggers. Skipped when the same SQL was applied before (its hash is
 * kept in `mamori_meta`), so a restart does not take table locks for nothing.
 */
async function applyTenancy(database: Database): Promise<void> {
  const tables = await tenantTables(database);
  const script = [tenancyFunctionsSql, ...tables.map((t) => tenantTableSql(t.table, t.column, t.shared))].join('\n');
  // Every table counts, tenant or not: the grants to mamori_system cover them all, so a new
  // table without organization_id must re-apply them too.
  const all = await database.db.execute<{ t: string }>(
    sql`select string_agg(table_name, ',' order by table_name) as t from information_schema.tables where table_schema = 'public'`,
  );
  const digest = createHash('sha256')
    .update(script)
    .update((all as unknown as { rows: { t: string | null }[] }).rows[0]?.t ?? '')
    .digest('hex');
  await database.exec('CREATE TABLE IF NOT EXISTS mamori_meta (key text PRIMARY KEY, value text NOT NULL)');
  const current = await database.db.execute<{ value: string }>(sql`select value from mamori_meta where key = 'tenancy'`);
  if ((current as unknown as { rows: { value: string }[] }).rows[0]?.value === digest) return;
  await database.exec(`BEGIN;\n${script}\nINSERT INTO mamori_meta (key, value) VALUES ('tenancy', '${digest}') ON CONFLICT (key) DO UPDATE SET value = excluded.value;\nCOMMIT;`);
}
