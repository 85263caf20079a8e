import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The drizzle database, identical in type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; business functions take this as their first argument. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** An open database: PGlite in a data directory, or a pool to a PostgreSQL server. */
export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL (several statements allowed), for migrations and maintenance. */
  exec(sqlText: string): Promise<void>;
  /** Runs `fn` while holding a session-level advisory lock (other processes wait). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * PostgreSQL extensions the migrations create, loaded into PGlite (which ships contrib modules as
 * separate imports). pg_trgm: trigram indexes for Japanese text search (台帳の検索, SPEC §3 Search).
 */
const pgliteExtensions = { pg_trgm };

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `データディレクトリ ${dataDir} は別の Mamori プロセスが使用中です。組み込みデータベース (PGlite) は1つのプロセスからしか安全に使えません。` +
        `先に起動しているプロセスを停止するか、DATABASE_URL で PostgreSQL を指定してください。\n` +
        `The data directory is in use by another Mamori process; stop it first or use DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Opens the database. Embedded mode takes an exclusive lock on the data directory first:
 * PGlite does not lock, and two processes on one directory were measured losing rows.
 */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
  /** In-memory PGlite only: start from this data-directory dump (`dumpDataDir()`), e.g. a migrated snapshot in tests. */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle pooled connection that the server closes (restart, failover) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on('error', (error) => console.error(`PostgreSQL の待機中の接続が切断されました: ${error.message}`));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      withAdvisoryLock: async (key, fn) => {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [key]);
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (options.dataDir === ':memory:') {
    // In-memory PGlite for tests: nothing on disk, so nothing to lock.
    const client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir, extensions: pgliteExtensions } : { extensions: pgliteExtensions });
    return pgliteDatabase(client, async () => undefined);
  }
  const dataDir = path.resolve(options.dataDir);
  // PGlite's own mkdir is not recursive: make the parents here.
  mkdirSync(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { lockfilePath: `${dataDir}.lock`, stale: 15_000, update: 5_000 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
  const client = await PGlite.create(dataDir, { extensions: pgliteExtensions });
  return pgliteDatabase(client, release);
}

function pgliteDatabase(client: PGlite, release: () => Promise<void>): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    // One process owns an embedded database (the lock file above), so there is no one to wait for.
    withAdvisoryLock: (_key, fn) => fn(),
    close: async () => {
      await client.close();
      await release();
    },
  };
}
