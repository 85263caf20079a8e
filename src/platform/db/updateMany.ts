import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './connection.ts';

// Many rows of one table changed by one statement (issue #12 Scale: a re-imported 従業者 / 法令規範 /
// 委託先 list updates hundreds of records): UPDATE t SET c = v.c … FROM (VALUES (id, …), …) AS v
// WHERE t.id = v.id AND t.organization_id = …, instead of one UPDATE per row. The audit trigger is
// a row trigger (tenancySql.ts), so the audit trail still holds one entry per record changed.

/** A tenant table updatable by id: it has `id` and `organizationId` columns. */
type TenantTable = PgTable & { id: PgColumn; organizationId: PgColumn };

/** One record's change: its id and the values of the columns that change (by the table's keys). */
export type RowChange<T extends TenantTable> = { id: string; set: Partial<T['$inferInsert']> };

/** Rows per statement: with ≈20 columns a row, well under PostgreSQL's 65,535 bind parameters. */
export const UPDATE_MANY_ROWS = 500;

/**
 * Updates `changes` in as few statements as their column sets allow: rows changing the same
 * columns share one `UPDATE … FROM (VALUES …)` per {@link UPDATE_MANY_ROWS} (rows changing other
 * columns go in a statement of their own set). Each value is encoded by its column as drizzle's own
 * UPDATE does and cast to the column's type. `common` (e.g. `updatedAt`) is set on every row.
 * Only the organization's rows are touched. Returns the rows updated, as `returning` selects them.
 */
export async function updateMany<T extends TenantTable, R extends Record<string, PgColumn> = Record<string, never>>(
  tx: Tx,
  table: T,
  organizationId: string,
  changes: readonly RowChange<T>[],
  options: { common?: Partial<T['$inferInsert']>; returning?: R } = {},
): Promise<{ [K in keyof R]: R[K]['_']['data'] }[]> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const groups = new Map<string, RowChange<T>[]>();
  for (const change of changes) {
    const keys = Object.keys(change.set)
      .filter((k) => (change.set as Record<string, unknown>)[k] !== undefined)
      .sort();
    for (const key of keys) if (!columns[key] || key === 'id' || key === 'organizationId') throw new Error(`updateMany: ${key} is not an updatable column`);
    const signature = keys.join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), change]);
  }
  const out: { [K in keyof R]: R[K]['_']['data'] }[] = [];
  for (const [signature, rows] of groups) {
    const keys = signature === '' ? [] : signature.split(',');
    if (keys.length === 0 && !options.common) continue;
    for (let start = 0; start < rows.length; start += UPDATE_MANY_ROWS) {
      const batch = rows.slice(start, start + UPDATE_MANY_ROWS);
      const cast = (column: PgColumn, value: unknown): SQL => sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;
      const tuples = batch.map((row) => {
        const set = row.set as Record<string, unknown>;
        return sql`(${sql.join([cast(table.id, row.id), ...keys.map((k) => cast(columns[k] as PgColumn, set[k] ?? null))], sql`, `)})`;
      });
      const names = sql.join([sql.identifier('c__id'), ...keys.map((k) => sql.identifier(`c_${k}`))], sql`, `);
      const values = sql`(values ${sql.join(tuples, sql`, `)}) as v(${names})`;
      const set = { ...options.common, ...Object.fromEntries(keys.map((k) => [k, sql`v.${sql.identifier(`c_${k}`)}`])) } as Record<string, unknown>;
      const query = tx
        .update(table)
        .set(set as never)
        .from(values)
        .where(and(eq(table.organizationId, organizationId), eq(table.id, sql`v."c__id"`)));
      if (options.returning) out.push(...((await query.returning(options.returning as never)) as unknown as typeof out));
      else await query;
    }
  }
  return out;
}
