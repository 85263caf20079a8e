import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import { DEMO_ORGANIZATION, seedDemo } from '../../src/platform/demo.ts';
import { createUser } from '../../src/platform/maintenance/createUser.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #8: `mamori demo` and `mamori user create` created the organization in one
 * transaction and filled it in another, so a failure midway (here: a login id already taken)
 * left an organization without its accounts — and its audit rows — behind. Each is now one
 * transaction: all or nothing.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seedDemo: false });
});
afterAll(() => t.close());

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await asSystem(t.database, async (tx) => rowsOf<{ n: number }>(await tx.execute(query)));
  return row?.n ?? 0;
}

const snapshot = async () => ({
  organizations: await count(sql`select count(*)::int as n from organizations`),
  people: await count(sql`select count(*)::int as n from people`),
  departments: await count(sql`select count(*)::int as n from departments`),
  audit: await count(sql`select count(*)::int as n from audit_log`),
});

describe('CLI の組織作成は全部か無しか (issue 11 #8)', () => {
  it('user create: ログインIDが使用済みで失敗すると、新しい組織も従業者も監査証跡の行も残らない', async () => {
    await createUser(t.database, { loginId: 'taken@example.jp', name: '先 客', organizationName: '先客株式会社', role: 'pms_manager', password: 'Sakikyaku-2026!' }, new Date());
    const before = await snapshot();
    await expect(
      createUser(t.database, { loginId: 'taken@example.jp', name: '後 客', organizationName: '途中失敗株式会社', role: 'pms_manager', password: 'Atokyaku-2026!' }, new Date()),
    ).rejects.toThrow();
    expect(await count(sql`select count(*)::int as n from organizations where name = '途中失敗株式会社'`)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('demo: 途中（デモのアカウント作成）で失敗すると、デモ組織も部門・従業者も残らない', async () => {
    // A demo login id already taken by another organization makes the seed fail after the
    // organization, its departments and the first people were inserted.
    await createUser(t.database, { loginId: 'staff@demo.mamori.local', name: '別 社員', organizationName: '別会社', role: null, password: 'Betsukaisha-2026!' }, new Date());
    const before = await snapshot();
    await expect(seedDemo(t.database, new Date())).rejects.toThrow();
    expect(await count(sql`select count(*)::int as n from organizations where name = ${DEMO_ORGANIZATION}`)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
