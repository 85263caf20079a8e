import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTables } from '../../src/platform/db/migrate.ts';
import { asSystem, inOrg, rowsOf } from '../../src/platform/db/tenancy.ts';
import { departments, organizations, people } from '../../src/platform/db/schema.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let orgB: string;

beforeAll(async () => {
  t = await buildTestApp();
  const [b] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
  orgB = b!.id;
  await inOrg(t.database, { organizationId: orgB }, async (tx) => {
    await tx.insert(people).values({ organizationId: orgB, name: '他社 次郎', email: 'jiro@example.jp' });
    await tx.insert(departments).values({ organizationId: orgB, name: '他社の部署' });
  });
});
afterAll(() => t.close());

describe('テナント分離 (organization_id + 行レベルセキュリティ)', () => {
  it('スコープ条件を書き忘れたクエリでも、他の組織の行は読めない', async () => {
    const names = await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => rowsOf<{ name: string }>(await tx.execute(sql`select name from people`)));
    expect(names.length).toBeGreaterThan(5);
    expect(names.map((n) => n.name)).not.toContain('他社 次郎');
    const other = await inOrg(t.database, { organizationId: orgB }, (tx) => tx.select({ name: people.name }).from(people));
    expect(other.map((n) => n.name)).toEqual(['他社 次郎']);
  });

  it('他の組織の行を id 指定で更新・削除しようとしても1行も変わらない', async () => {
    const [victim] = await inOrg(t.database, { organizationId: orgB }, (tx) => tx.select({ id: people.id }).from(people));
    const scopeA = { organizationId: t.demoOrganizationId };
    const updated = await inOrg(t.database, scopeA, (tx) => tx.update(people).set({ name: '改ざん' }).where(eq(people.id, victim!.id)).returning({ id: people.id }));
    const deleted = await inOrg(t.database, scopeA, (tx) => tx.delete(departments).where(eq(departments.organizationId, orgB)).returning({ id: departments.id }));
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const b = await inOrg(t.database, { organizationId: orgB }, (tx) => tx.select({ name: people.name }).from(people));
    expect(b[0]?.name).toBe('他社 次郎');
  });

  it('他の組織の organization_id で行を追加することはできない (WITH CHECK)', async () => {
    await expect(inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.insert(departments).values({ organizationId: orgB, name: '侵入' }))).rejects.toThrow();
    const b = await inOrg(t.database, { organizationId: orgB }, (tx) => tx.select().from(departments));
    expect(b.map((d) => d.name)).toEqual(['他社の部署']);
  });

  it('組織の指定がないトランザクション (mamori_app) は何も読めない', async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'mamori_app', true)`);
      return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from people`));
    });
    expect(rows[0]?.n).toBe(0);
  });

  it('organization_id を持つすべてのテーブルに行レベルセキュリティとポリシーがある', async () => {
    const tables = await tenantTables(t.database);
    expect(tables.length).toBeGreaterThan(8);
    for (const { table } of tables) {
      const [info] = await asSystem(t.database, async (tx) =>
        rowsOf<{ rls: boolean; policies: number }>(
          await tx.execute(sql`select c.relrowsecurity as rls, (select count(*)::int from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_isolation') as policies
            from pg_class c where c.relname = ${table} and c.relnamespace = 'public'::regnamespace`),
        ),
      );
      expect({ table, rls: info?.rls, policies: info?.policies }).toEqual({ table, rls: true, policies: 1 });
    }
  });
});
