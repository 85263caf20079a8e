import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { noticesContract as C } from './notices.contract.ts';

// What the HTTP tests of M6 通知・同意 and the 提供記録・確認記録 share: the app on a fresh real
// database (PGlite or PostgreSQL, per MAMORI_TEST_DB) with the demo organization, its clock on one
// day, the demo accounts signed in, and the reads the record tests assert with. Test-only.

/** The day every notices test starts on (日本時間): records typed as 「今日」 are dated 2026-05-11. */
export const NOTICES_TEST_NOW = '2026-05-11T10:00:00+09:00';

/**
 * Builds the test app with its clock at {@link NOTICES_TEST_NOW} and signs in the demo
 * 個人情報保護管理者 (`pms`) and an employee with no role (`staff`).
 */
export async function noticesTestApp(): Promise<{ t: TestApp; pms: Client; staff: Client }> {
  const t = await buildTestApp();
  t.clock.set(NOTICES_TEST_NOW);
  const pms = await t.login('pms@demo.mamori.local');
  const staff = await t.login('staff@demo.mamori.local');
  return { t, pms, staff };
}

/** How many 提供記録・確認記録 there are, in every organization (to show a refusal wrote nothing). */
export async function countProvisionRecords(t: TestApp): Promise<number> {
  const rows = await asSystem(t.database, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from provision_records`)));
  return rows[0]?.n ?? 0;
}

/**
 * Sends a record that must be refused: asserts 422 and that no record was saved (no partial
 * write), and returns the error body as text for the test to look for the field and clause in.
 */
export async function refusedProvisionRecord(t: TestApp, caller: Client, body: Record<string, unknown>): Promise<string> {
  const before = await countProvisionRecords(t);
  const r = await caller.call(C.createProvisionRecord, { body: body as never });
  expect(r.status).toBe(422);
  expect(await countProvisionRecords(t)).toBe(before);
  return JSON.stringify(r.body);
}

/** The 廃棄 tasks (SPEC §5.3) opened for one 提供記録・確認記録. */
export function disposalTasksOf(t: TestApp, recordId: string) {
  return asSystem(t.database, (tx) =>
    tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.sourceType, 'provision_record_disposal'), eq(tasks.sourceId, recordId))),
  );
}
