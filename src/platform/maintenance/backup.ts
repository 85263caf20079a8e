import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/connection.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';

/** Backup format version; a restore refuses files it does not understand. */
const FORMAT = 'mamori-backup-1';

/** Tables in foreign-key order (parents first), excluding migration bookkeeping. */
async function tablesInOrder(database: Database): Promise<string[]> {
  const tables = rowsOf<{ table_name: string }>(
    await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mamori_meta' order by table_name`,
    ),
  ).map((r) => r.table_name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await database.db.execute(sql`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`),
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * `mamori backup <file>`: every row of every table as gzipped JSON lines (one header line, then
 * `{ table, row }` lines). Works the same on PGlite and PostgreSQL. The encryption key is NOT in
 * the backup: keep it separately, or the encrypted columns cannot be read after a restore.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const tables = await tablesInOrder(database);
  let rows = 0;
  async function* lines(tx: Tx) {
    yield `${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), tables })}\n`;
    for (const table of tables) {
      let offset = 0;
      for (;;) {
        const batch = rowsOf<{ r: unknown }>(await tx.execute(sql`select to_jsonb(t) as r from ${sql.identifier(table)} t order by 1 limit 5000 offset ${offset}`));
        for (const b of batch) {
          rows++;
          yield `${JSON.stringify({ table, row: b.r })}\n`;
        }
        if (batch.length < 5000) break;
        offset += batch.length;
      }
    }
  }
  // One snapshot (REPEATABLE READ, read-only) for every table, so a backup taken while the
  // server writes is consistent: every audit row with the rows it describes, every chain whole.
  // On the embedded database other queries wait for it (one connection).
  await asSystem(database, async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await pipeline(Readable.from(lines(tx)), createGzip(), createWriteStream(file));
  });
  return { tables: tables.length, rows };
}

/**
 * `mamori restore <file>` into an empty, migrated database: rows go back as they were, audit
 * hashes included (triggers are suspended for the restore, so the chain is not re-stamped).
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  let header: { format?: string; tables?: string[] } | null = null;
  const pending = new Map<string, unknown[]>();
  let rows = 0;
  const flush = async (table: string) => {
    const batch = pending.get(table);
    if (!batch?.length) return;
    pending.set(table, []);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`insert into ${sql.identifier(table)} overriding system value select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(batch)}::jsonb)`,
      );
    });
  };
  for await (const line of reader) {
    if (!line) continue;
    const parsed = JSON.parse(line) as { format?: string; tables?: string[]; table?: string; row?: unknown };
    if (!header) {
      if (parsed.format !== FORMAT) throw new Error(`バックアップファイルの形式が不明です: ${String(parsed.format)}`);
      header = parsed;
      const nonEmpty = await asSystem(database, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from organizations`)));
      if ((nonEmpty[0]?.n ?? 0) > 0) throw new Error('復元先のデータベースが空ではありません。空のデータディレクトリ（またはデータベース）に復元してください');
      continue;
    }
    if (!parsed.table) continue;
    const list = pending.get(parsed.table) ?? [];
    list.push(parsed.row);
    pending.set(parsed.table, list);
    rows++;
    if (list.length >= 2000) {
      // Flush parents first: everything queued for tables earlier in the order.
      for (const t of header.tables ?? []) {
        await flush(t);
        if (t === parsed.table) break;
      }
    }
  }
  for (const t of header?.tables ?? []) await flush(t);
  // Identity sequences continue after the restored ids.
  await database.exec(`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`);
  return { rows };
}
