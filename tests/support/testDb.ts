/**
 * Databases for integration tests: each call to `createTestDatabase()` gives a fresh, migrated,
 * isolated database of the kind chosen by `MAMORI_TEST_DB` (scripts/test.mjs runs the suite
 * once per kind):
 *
 * - `pglite` (default): an in-memory PGlite. Creating and migrating one costs ~5 s (initdb in
 *   WASM), so the first call migrates once and keeps a dump of the data directory (in memory,
 *   and on disk in node_modules/.cache/mamori-test keyed by a hash of the migrations and the
 *   db layer); every database is then loaded from that dump (~1 s).
 * - `postgres`: a new database on the server at `MAMORI_TEST_PG_URL`, copied with
 *   `CREATE DATABASE … TEMPLATE` from a migrated template. The template is shared by all
 *   vitest workers: its name carries the same content hash, it is built once under an
 *   advisory lock, and it is closed to connections (a template cannot be copied while anyone
 *   is connected to it).
 *
 * Usage:
 *
 *   const database = await createTestDatabase();
 *   try { … } finally { await dropTestDatabase(database); }
 *
 * or, per file: `const db = useTestDatabase();` then `db()` inside tests.
 *
 * Switches: MAMORI_TEST_NO_CACHE=1 (no on-disk PGlite snapshot), MAMORI_TEST_PGLITE_SNAPSHOT=0
 * (no snapshot at all: initdb + migrate for every database, to rule the snapshot out).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/connection.ts';
import { migrate, migrationsFolder } from '../../src/platform/db/migrate.ts';

export type TestDbKind = 'pglite' | 'postgres';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dbSourceDir = path.join(projectRoot, 'src', 'platform', 'db');

/** The kind of database the tests run on (`MAMORI_TEST_DB`, default `pglite`). */
export function testDbKind(): TestDbKind {
  const kind = process.env.MAMORI_TEST_DB || 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`MAMORI_TEST_DB must be 'pglite' or 'postgres', not '${kind}'`);
  return kind;
}

/** A fresh, migrated database, isolated from every other one this helper returns. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  return testDbKind() === 'postgres' ? createPostgresDatabase(options.poolSize ?? 5) : createPgliteDatabase();
}

/** Closes the database and, on PostgreSQL, drops it. Safe to call twice. */
export async function dropTestDatabase(database: Database): Promise<void> {
  const name = postgresNames.get(database);
  postgresNames.delete(database);
  if (closed.has(database)) return;
  closed.add(database);
  await database.close().catch(() => undefined);
  if (name) await adminQuery(`DROP DATABASE IF EXISTS ${ident(name)}${forceDrop ? ' WITH (FORCE)' : ''}`);
}

/** Alias of `dropTestDatabase`. */
export const closeTestDatabase = dropTestDatabase;

/**
 * Registers beforeAll/afterAll hooks for one database per test file (or per describe block);
 * returns a getter for it.
 */
export function useTestDatabase(options: { poolSize?: number } = {}): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  });
  afterAll(async () => {
    if (database) await dropTestDatabase(database);
  });
  return () => {
    if (!database) throw new Error('useTestDatabase(): the database exists only inside tests and hooks');
    return database;
  };
}

const closed = new WeakSet<Database>();

// ---------------------------------------------------------------------------------------------
// What the migrated database depends on: the migrations and the db layer that applies them.

let cachedKey: string | undefined;
function schemaKey(): string {
  if (cachedKey) return cachedKey;
  const hash = createHash('sha256');
  const addDir = (dir: string) => {
    for (const entry of readdirSync(dir, { recursive: true }).map(String).sort()) {
      const file = path.join(dir, entry);
      if (!statSync(file).isFile()) continue;
      hash
        .update(`${path.relative(projectRoot, file)}\0`)
        .update(readFileSync(file))
        .update('\0');
    }
  };
  addDir(migrationsFolder);
  addDir(dbSourceDir);
  try {
    hash.update(readFileSync(path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  } catch {
    // not hoisted: the key is still valid for the migrations
  }
  cachedKey = hash.digest('hex').slice(0, 16);
  return cachedKey;
}

// ---------------------------------------------------------------------------------------------
// PGlite

const cacheDir = path.join(projectRoot, 'node_modules', '.cache', 'mamori-test');
let pgliteDump: Promise<Blob> | undefined;

function clientOf(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

async function buildPgliteDump(): Promise<Blob> {
  const useDiskCache = process.env.MAMORI_TEST_NO_CACHE !== '1';
  const file = path.join(cacheDir, `pglite-${schemaKey()}.tar`);
  if (useDiskCache) {
    try {
      const bytes = readFileSync(file);
      if (bytes.length > 0) return new Blob([bytes]);
    } catch {
      // not cached yet
    }
  }
  const database = await openDatabase({ databaseUrl: null, dataDir: ':memory:' });
  let dump: Blob;
  try {
    await migrate(database);
    dump = await clientOf(database).dumpDataDir('none');
  } finally {
    await database.close();
  }
  if (useDiskCache) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Write then rename: concurrent workers never read a half-written file.
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temp, new Uint8Array(await dump.arrayBuffer()));
      renameSync(temp, file);
      // Drop dumps of older schemas (a day old, so a parallel run on other code keeps its own).
      for (const old of readdirSync(cacheDir)) {
        const oldPath = path.join(cacheDir, old);
        if (oldPath !== file && Date.now() - statSync(oldPath).mtimeMs > 86_400_000) rmSync(oldPath, { force: true });
      }
    } catch {
      // a read-only node_modules only costs speed
    }
  }
  return dump;
}

async function createPgliteDatabase(): Promise<Database> {
  if (process.env.MAMORI_TEST_PGLITE_SNAPSHOT === '0') {
    // Debugging switch: no snapshot, a freshly initialised and migrated PGlite (~5 s each).
    const database = await openDatabase({ databaseUrl: null, dataDir: ':memory:' });
    await migrate(database);
    return database;
  }
  pgliteDump ??= buildPgliteDump().catch((error) => {
    pgliteDump = undefined;
    throw error;
  });
  const dump = await pgliteDump;
  try {
    return await openDatabase({ databaseUrl: null, dataDir: ':memory:', loadDataDir: dump });
  } catch (error) {
    // A damaged cache file: forget it and migrate from scratch once.
    rmSync(path.join(cacheDir, `pglite-${schemaKey()}.tar`), { force: true });
    pgliteDump = undefined;
    const database = await openDatabase({ databaseUrl: null, dataDir: ':memory:' });
    await migrate(database);
    console.warn('testDb: the PGlite snapshot could not be loaded; migrated from scratch instead:', error);
    return database;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const postgresNames = new WeakMap<Database, string>();
const TEMPLATE_LOCK = 727_263;
let adminPool: pg.Pool | undefined;
let template: Promise<string> | undefined;
let forceDrop = true;

function serverUrl(): string {
  const url = process.env.MAMORI_TEST_PG_URL;
  if (!url) throw new Error('MAMORI_TEST_DB=postgres needs MAMORI_TEST_PG_URL (npm test starts a server and sets it)');
  return url;
}

function urlFor(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function admin(): pg.Pool {
  adminPool ??= new pg.Pool({ connectionString: serverUrl(), max: 2, idleTimeoutMillis: 2_000, allowExitOnIdle: true, connectionTimeoutMillis: 20_000 });
  return adminPool;
}

async function adminQuery(text: string, values?: unknown[]): Promise<pg.QueryResult> {
  return admin().query(text, values);
}

/** The migrated template database, built once for all workers (advisory lock + content hash). */
async function ensureTemplate(): Promise<string> {
  const name = `mamori_tpl_${schemaKey()}`;
  const client = await admin().connect();
  try {
    const version = Number((await client.query('show server_version_num')).rows[0].server_version_num);
    forceDrop = version >= 130_000;
    await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const existing = await client.query<{ datistemplate: boolean }>('select datistemplate from pg_database where datname = $1', [name]);
      if (existing.rows[0]?.datistemplate) return name;
      // A leftover of a run killed mid-migration: start over.
      if (existing.rows.length) await client.query(`DROP DATABASE ${ident(name)}${forceDrop ? ' WITH (FORCE)' : ''}`);
      await client.query(`CREATE DATABASE ${ident(name)}`);
      const database = await openDatabase({ databaseUrl: urlFor(name), dataDir: ':unused:', poolSize: 2 });
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
      // Marked a template only once complete; closed to connections so copies never wait.
      await client.query(`ALTER DATABASE ${ident(name)} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
      return name;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

async function createPostgresDatabase(poolSize: number): Promise<Database> {
  template ??= ensureTemplate().catch((error) => {
    template = undefined;
    throw error;
  });
  const templateName = await template;
  const name = `mamori_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      // (PG 15's default WAL_LOG strategy measured 42 ms per copy here, FILE_COPY 171 ms.)
      await adminQuery(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(templateName)}`);
      break;
    } catch (error) {
      // "source database is being accessed by other users" (55006) can only be transient here.
      if ((error as { code?: string }).code !== '55006' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  const database = await openDatabase({ databaseUrl: urlFor(name), dataDir: ':unused:', poolSize });
  postgresNames.set(database, name);
  return database;
}
