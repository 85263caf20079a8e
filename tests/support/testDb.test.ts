import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/connection.ts';
import { organizations } from '../../src/platform/db/schema.ts';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import { createTestDatabase, dropTestDatabase, testDbKind } from './testDb.ts';

const opened: Database[] = [];
async function fresh(): Promise<Database> {
  const database = await createTestDatabase();
  opened.push(database);
  return database;
}

afterAll(async () => {
  await Promise.all(opened.map((d) => dropTestDatabase(d)));
});

async function scalar<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = rowsOf<{ v: T }>(await database.db.execute(query));
  if (!row) throw new Error('no row');
  return row.v;
}

describe(`test databases (${testDbKind()})`, () => {
  it('are of the kind MAMORI_TEST_DB asks for', async () => {
    const database = await fresh();
    expect(database.kind).toBe(testDbKind());
  });

  it('come migrated: tables, the migration journal, policies, triggers and the app role exist', async () => {
    const database = await fresh();
    const tables = rowsOf<{ table_name: string }>(await database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`)).map(
      (r) => r.table_name,
    );
    expect(tables).toEqual(expect.arrayContaining(['organizations', 'departments', 'audit_log', 'mamori_meta']));
    expect(Number(await scalar(database, sql`select count(*) as v from drizzle.__drizzle_migrations`))).toBeGreaterThan(0);
    expect(Number(await scalar(database, sql`select count(*) as v from pg_policies where policyname = 'tenant_isolation'`))).toBeGreaterThan(2);
    expect(Number(await scalar(database, sql`select count(*) as v from pg_trigger where tgname = 'audit_row'`))).toBeGreaterThan(0);
    expect(Number(await scalar(database, sql`select count(*) as v from pg_roles where rolname = 'mamori_app'`))).toBe(1);
  });

  it('are isolated from each other', async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    await asSystem(a, (tx) => tx.insert(organizations).values({ name: '株式会社テストA' }));
    const inA = await asSystem(a, (tx) => tx.select().from(organizations));
    const inB = await asSystem(b, (tx) => tx.select().from(organizations));
    expect(inA.map((o) => o.name)).toEqual(['株式会社テストA']);
    expect(inB).toEqual([]);
    // The audit trigger wrote into A's chain only.
    expect(Number(await scalar(a, sql`select count(*) as v from audit_log`))).toBe(1);
    expect(Number(await scalar(b, sql`select count(*) as v from audit_log`))).toBe(0);
  });

  it('can be dropped (and dropping twice is harmless)', async () => {
    const database = await createTestDatabase();
    const name = await scalar<string>(database, sql`select current_database() as v`);
    await dropTestDatabase(database);
    await dropTestDatabase(database);
    if (testDbKind() === 'postgres') {
      const other = await fresh();
      expect(Number(await scalar(other, sql`select count(*) as v from pg_database where datname = ${name}`))).toBe(0);
    }
  });

  it.runIf(testDbKind() === 'postgres')('on postgres, run on a real PostgreSQL server (not PGlite)', async () => {
    const database = await fresh();
    const version = await scalar<string>(database, sql`select version() as v`);
    expect(version).toMatch(/^PostgreSQL \d+/);
    expect(version).not.toMatch(/emscripten|wasm/i);
    const name = await scalar<string>(database, sql`select current_database() as v`);
    expect(name).toMatch(/^mamori_test_/);
  });

  it.runIf(testDbKind() === 'pglite')('on pglite, run on the embedded PGlite', async () => {
    const database = await fresh();
    const version = await scalar<string>(database, sql`select version() as v`);
    expect(version).toMatch(/^PostgreSQL \d+/);
    expect(version).toMatch(/emscripten|wasm/i);
  });
});
