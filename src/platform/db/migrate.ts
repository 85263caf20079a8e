import { createHash } from 'node:crypto';
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

/**
 * Applies the committed SQL migrations, then the tenancy policies and audit triggers on every
 * tenant table. Several instances may start at once on one PostgreSQL: an advisory lock makes
 * them take turns.
 */
export async function migrate(database: Database): Promise<void> {
  await database.withAdvisoryLock(727261, async () => {
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    else await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
    await applyTenancy(database);
  });
}

/** Tables that carry an `organization_id` column, plus `organizations` itself. */
export async function tenantTables(database: Database): Promise<{ table: string; column: 'organization_id' | 'id' }[]> {
  const result = await database.db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'organization_id' order by table_name`);
  const rows = (result as unknown as { rows: { table_name: string }[] }).rows;
  return [{ table: 'organizations', column: 'id' as const }, ...rows.map((r) => ({ table: r.table_name, column: 'organization_id' as const }))];
}

/**
 * Installs policies and triggers. Skipped when the same SQL was applied before (its hash is
 * kept in `mamori_meta`), so a restart does not take table locks for nothing.
 */
async function applyTenancy(database: Database): Promise<void> {
  const tables = await tenantTables(database);
  const script = [tenancyFunctionsSql, ...tables.map((t) => tenantTableSql(t.table, t.column))].join('\n');
  const digest = createHash('sha256').update(script).digest('hex');
  await database.exec('CREATE TABLE IF NOT EXISTS mamori_meta (key text PRIMARY KEY, value text NOT NULL)');
  const current = await database.db.execute<{ value: string }>(sql`select value from mamori_meta where key = 'tenancy'`);
  if ((current as unknown as { rows: { value: string }[] }).rows[0]?.value === digest) return;
  await database.exec(`BEGIN;\n${script}\nINSERT INTO mamori_meta (key, value) VALUES ('tenancy', '${digest}') ON CONFLICT (key) DO UPDATE SET value = excluded.value;\nCOMMIT;`);
}
