import { mkdirSync, rmdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { StatementCachingClient } from './statementCache.ts';
import { APP_ROLE as APP_ROLE_NAME } from './tenancySql.ts';

/**
 * Drizzle's relational-query schema: none. Queries use the table objects of each module's
 * `*.tables.ts` directly, so the connection does not need to know the modules' tables.
 */
export type Schema = Record<string, never>;
const schema: Schema = {};
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
  /**
   * Runs read-only work for one organization as the role `mamori_app`: on PostgreSQL on a
   * connection of the tenant reader pool, without a transaction; on PGlite in a read-only tenant
   * transaction through one long-lived handle (see `readInOrg` in tenancy.ts).
   */
  readAsTenant?: <T>(organizationId: string, fn: (db: Db) => Promise<T>) => Promise<T>;
  close(): Promise<void>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Connections of the main pool per process (MAMORI_DB_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 10;
/**
 * Connections of the tenant reader pool per process (MAMORI_DB_READ_POOL_SIZE). Its reads are
 * short (a list page is ≈ 5–10 ms of database time), and one Node process cannot keep more than a
 * few of them busy: measured in bench/inventory.ts (2 vCPUs, 20 concurrent clients), 4 connections
 * served as many requests per second as 10 with a much shorter tail (broad search p99 218–275 ms
 * against 271–343 ms, the longest request 236–380 ms against 699–897 ms): with 10, ten server
 * processes competed for the CPU with the one Node process that has to answer them.
 */
export const DEFAULT_READ_POOL_SIZE = 4;

/**
 * The tenant reader pool (PostgreSQL): connections that stay, for their whole life, the
 * non-superuser role `mamori_app` (row-level security applies) in read-only mode (a write is an
 * error, so nothing can bypass the audited transaction path), and remember which organization
 * `app.organization_id` names. A read for the same organization then costs its query alone —
 * measured in bench/: the BEGIN / set_config / COMMIT round trips of a tenant transaction were
 * most of what the list endpoint paid on top of its query. The organization is checked before
 * every use and set (one round trip) when it differs.
 * Its statements are prepared once per connection (StatementCachingClient) and planned with
 * this request's values (plan_cache_mode = force_custom_plan). A generic plan, chosen here once to
 * save planning time on one organization, went wrong as soon as the database held several
 * (bench/scale.ts, issue 11): row-level security adds `organization_id = …` to the joined
 * 所属 table, the generic estimate of a page of one organization's 台帳 fell to a tenth per ten
 * organizations, and PostgreSQL sorted the whole organization instead of walking the
 * (organization, name) index — the first page took 17 ms instead of 2 at 100,000 entries in
 * 10 organizations, and more at 1,000,000. Organizations differ in size by orders of magnitude;
 * only a plan made with the organization's own numbers fits each.
 */
function tenantReaderPool(databaseUrl: string, max: number, schemaModule: Schema) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, Client: StatementCachingClient });
  pool.on('error', (error) => console.error(`PostgreSQL の待機中の接続（読取り用）が切断されました: ${error.message}`));
  const state = new WeakMap<pg.PoolClient, { db: Db; organizationId: string | null; lent: boolean }>();
  return {
    pool,
    async read<T>(organizationId: string, fn: (db: Db) => Promise<T>): Promise<T> {
      // The id goes into SQL text below (the simple protocol, so the role, read-only mode and
      // organization are set in one round trip): only a UUID is accepted.
      if (!UUID.test(organizationId)) throw new Error(`organization id is not a UUID: ${organizationId}`);
      const client = await pool.connect();
      let current = state.get(client);
      try {
        if (!current) {
          await client.query(
            `set role ${APP_ROLE_NAME}; set default_transaction_read_only = on; set plan_cache_mode = force_custom_plan; select set_config('app.organization_id', '${organizationId}', false)`,
          );
          // The handle reaches the connection only while it is lent to this read: one kept past it
          // would read whichever organization the connection serves next.
          const lentConnection = {
            query: (...args: unknown[]) => {
              if (!state.get(client)?.lent) throw new Error('the tenant reader was used outside its read');
              return (client.query as (...a: unknown[]) => unknown)(...args);
            },
          };
          current = { db: drizzleNodePg({ client: lentConnection as unknown as pg.PoolClient, schema: schemaModule }) as unknown as Db, organizationId, lent: false };
          state.set(client, current);
        } else if (current.organizationId !== organizationId) {
          await client.query(`select set_config('app.organization_id', '${organizationId}', false)`);
          current.organizationId = organizationId;
        }
      } catch (error) {
        // A connection whose role or organization is in doubt is closed, never reused.
        state.delete(client);
        client.release(true);
        throw error;
      }
      current.lent = true;
      try {
        return await fn(current.db);
      } finally {
        current.lent = false;
        client.release();
      }
    },
  };
}

/**
 * PostgreSQL extensions the migrations create, loaded into PGlite (which ships contrib modules as
 * separate imports). pg_trgm: trigram indexes for Japanese text search (台帳の検索, SPEC §3 Search);
 * btree_gin: the department in the same GIN index (migration 0010).
 */
const pgliteExtensions = { btree_gin, pg_trgm };

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
/**
 * PGlite's buffer cache (issue 11, PGlite's idle RSS). PostgreSQL's default 128 MB lives inside
 * the WASM heap on top of Node's own memory, and the heap never shrinks: a restarted server sat
 * idle at ≈495 MB with it and ≈377 MB with 16 MB (docs/operations.md). The embedded database
 * holds one organization of a few hundred people; what does not fit is read from the OS cache.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  /** Connections of the main pool (transactions, writes); default 10. */
  poolSize?: number;
  /** Connections of the tenant reader pool (lists and searches); default DEFAULT_READ_POOL_SIZE. */
  readPoolSize?: number;
  /** In-memory PGlite only: start from this data-directory dump (`dumpDataDir()`), e.g. a migrated snapshot in tests. */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? DEFAULT_POOL_SIZE, Client: StatementCachingClient });
    const readers = tenantReaderPool(options.databaseUrl, options.readPoolSize ?? DEFAULT_READ_POOL_SIZE, schema);
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
      readAsTenant: (organizationId, fn) => readers.read(organizationId, fn),
      close: async () => {
        await Promise.all([pool.end(), readers.pool.end()]);
      },
    };
  }
  if (options.dataDir === ':memory:') {
    // In-memory PGlite for tests: nothing on disk, so nothing to lock (and PostgreSQL's own
    // buffer size: the tests' timings were measured with it).
    const client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir, extensions: pgliteExtensions } : { extensions: pgliteExtensions });
    return pgliteDatabase(client, async () => undefined);
  }
  const dataDir = path.resolve(options.dataDir);
  // PGlite's own mkdir is not recursive: make the parents here.
  mkdirSync(dataDir, { recursive: true });
  let client: PGlite | null = null;
  const lock = await lockDataDir(dataDir, (reason) => {
    // Another process may be writing this directory from now on: stop writing at once, say why,
    // and end the process (exit code 3, as for a directory found locked at start-up).
    console.error(
      `データディレクトリ ${dataDir} のロックが失われました（${reason}）。別のプロセスが同じデータディレクトリを使い始めた可能性があるため、` +
        `データを守るために停止します。ほかの Mamori プロセスを止めてから起動し直してください。\n` +
        `The lock of the data directory was lost; stopping to protect the data.`,
    );
    const closing = client ? client.close().catch(() => undefined) : Promise.resolve();
    void Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]).finally(() => process.exit(3));
  });
  try {
    client = await PGlite.create(dataDir, { extensions: pgliteExtensions, startParams: pgliteStartParams });
  } catch (error) {
    await lock.release();
    throw error;
  }
  return pgliteDatabase(client, lock.release);
}

/**
 * The data-directory lock (`<dataDir>.lock`, proper-lockfile): held while its holder lives,
 * stale 15 s after the holder died.
 *
 * Its heartbeat (the lock's mtime, renewed every 5 s) runs in a worker thread, not on the
 * process's event loop: when a long synchronous task blocked the loop for 24 s, the old
 * in-loop heartbeat stopped, a CLI command took the "stale" lock and read the live directory,
 * and the server died on an uncaught ECOMPROMISED (issue 11 #4). A worker keeps beating while
 * the main thread is busy, so the lock only goes stale when the whole process is gone (or
 * frozen). The worker's source is plain JavaScript evaluated in place (`eval`), so it runs the
 * same under tsx, vitest and plain node, and loads nothing but proper-lockfile.
 *
 * `onLost` is called once if the lock is lost while held (the lock directory removed or taken
 * over, the worker gone): the caller must stop using the directory.
 */
async function lockDataDir(dataDir: string, onLost: (reason: string) => void): Promise<{ release: () => Promise<void> }> {
  const lockfilePath = `${dataDir}.lock`;
  const worker = new Worker(LOCK_WORKER_SOURCE, {
    eval: true,
    workerData: { lockfileModule: createRequire(import.meta.url).resolve('proper-lockfile'), dataDir, lockfilePath, stale: 15_000, update: 5_000 },
  });
  type LockMessage = { type: 'locked' | 'released' } | { type: 'failed'; code?: string; message: string } | { type: 'compromised'; message: string };
  let state: 'acquiring' | 'held' | 'releasing' | 'done' = 'acquiring';
  // A normal exit that skipped close() (process.exit in a command) removes the lock at once
  // instead of leaving it to go stale; a lock no longer ours is never touched.
  const removeOnExit = () => {
    if (state === 'held') {
      try {
        rmdirSync(lockfilePath);
      } catch {
        // already gone
      }
    }
  };
  const lose = (reason: string) => {
    if (state !== 'held') return;
    state = 'done';
    process.off('exit', removeOnExit);
    void worker.terminate();
    onLost(reason);
  };
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: LockMessage) => {
      if (message.type === 'locked') {
        state = 'held';
        process.on('exit', removeOnExit);
        // The lock must not keep a process alive that has nothing else to do.
        worker.unref();
        resolve();
      } else if (message.type === 'failed') {
        state = 'done';
        void worker.terminate();
        reject(message.code === 'ELOCKED' ? new DataDirLockedError(dataDir) : Object.assign(new Error(message.message), { code: message.code }));
      } else if (message.type === 'compromised') {
        lose(message.message);
      }
    });
    worker.on('error', (error) => {
      if (state === 'acquiring') {
        state = 'done';
        reject(error);
      } else lose(`ロックを更新するスレッドが停止しました: ${error.message}`);
    });
    worker.on('exit', () => {
      if (state === 'acquiring') {
        state = 'done';
        reject(new Error('データディレクトリのロックを取得できませんでした'));
      } else lose('ロックを更新するスレッドが終了しました');
    });
  });
  return {
    release: async () => {
      if (state !== 'held') return;
      state = 'releasing';
      process.off('exit', removeOnExit);
      worker.ref();
      await new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
        worker.postMessage('release');
      });
      state = 'done';
      await worker.terminate();
    },
  };
}

/**
 * The lock worker (CommonJS, see {@link lockDataDir}): takes the lock, lets proper-lockfile renew
 * it, reports `locked` / `failed` / `compromised`, and releases it when told.
 */
const LOCK_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const lockfile = require(workerData.lockfileModule);
let release = null;
parentPort.on('message', (message) => {
  if (message !== 'release') return;
  const done = () => parentPort.postMessage({ type: 'released' });
  if (release) release().then(done, done);
  else done();
});
lockfile
  .lock(workerData.dataDir, {
    lockfilePath: workerData.lockfilePath,
    stale: workerData.stale,
    update: workerData.update,
    onCompromised: (error) => parentPort.postMessage({ type: 'compromised', message: String((error && error.message) || error) }),
  })
  .then(
    (fn) => {
      release = fn;
      parentPort.postMessage({ type: 'locked' });
    },
    (error) => parentPort.postMessage({ type: 'failed', code: error && error.code, message: String((error && error.message) || error) }),
  );
`;

/**
 * The tenant reader of the embedded database: PGlite has one connection, so a read still runs in a
 * transaction (settings local to it, so they end with it, even on an error; PGlite holds every
 * other query back until it ends) — but through one long-lived drizzle handle whose client passes
 * each query to the transaction open at that moment. Queries prepared on that handle
 * (runPrepared) are then built once per process, not once per request, and the role, the
 * organization and the read-only mode are set in one statement. Measured on the 従業者一覧
 * (bench/run.ts, PGlite): see docs/operations.md.
 */
function pgliteTenantReader(client: PGlite) {
  let open: Transaction | null = null;
  const current = (): Transaction => {
    if (!open) throw new Error('the PGlite tenant reader was used outside its transaction');
    return open;
  };
  const forwarding = {
    query: (...args: Parameters<Transaction['query']>) => current().query(...args),
    exec: (...args: Parameters<Transaction['exec']>) => current().exec(...args),
    transaction: () => {
      throw new Error('a tenant read cannot open a transaction');
    },
  };
  const db = drizzlePglite({ client: forwarding as unknown as PGlite, schema }) as unknown as Db;
  return <T>(organizationId: string, fn: (db: Db) => Promise<T>): Promise<T> => {
    if (!UUID.test(organizationId)) return Promise.reject(new Error(`organization id is not a UUID: ${organizationId}`));
    return client.transaction(async (tx) => {
      await tx.query(
        `select set_config('role', $1, true), set_config('app.organization_id', $2, true), set_config('app.actor_id', '', true), set_config('app.ip', '', true), set_config('transaction_read_only', 'on', true)`,
        [APP_ROLE_NAME, organizationId],
      );
      open = tx;
      try {
        return await fn(db);
      } finally {
        open = null;
      }
    });
  };
}

function pgliteDatabase(client: PGlite, release: () => Promise<void>): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    readAsTenant: pgliteTenantReader(client),
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
