import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { noticeItems } from '../../rules/data/requiredItems.ts';
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

/**
 * A 第三者提供記録 of a provision to a 外国にある第三者 on ground b) (体制の整備, 法第28条第1項) with
 * J.8.8.1 3 l) 1)〜7) filled in and no 支障 (6) なし): what the provision record tests and the
 * 情報提供の求め tests (requests module) both send. A test spreads it and states only what differs.
 */
export function groundBOverseasProvisionRecord() {
  return {
    kind: 'provision',
    basis: 'consent',
    form: 'individual',
    recordedOn: '2026-05-01',
    providedOn: '2026-05-01',
    counterpartyKind: 'corporation',
    counterpartyName: 'Mamori Asia Pte. Ltd.',
    subject: '会員番号 B-0100 海外 次郎',
    dataItems: '氏名、メールアドレス、購入履歴',
    consentObtained: true,
    overseas: true,
    overseasBasis: 'b',
    overseasCountry: 'シンガポール',
    overseasMeasures: '年1回、提供先の相当措置の実施状況とシンガポールの制度を書面で確認する。支障があれば是正を求め、困難なら提供を停止する',
    overseasSystemMethod: '提供先との委託契約で、法の規定の趣旨に沿った措置の実施を確保している',
    overseasEquivalentMeasures: '利用目的の特定、安全管理措置、再提供の禁止',
    overseasForeignSystem: '個人情報保護法（PDPA）あり。相当措置の実施に影響を及ぼすおそれのある制度はなし',
    overseasObstacle: false,
  } as const;
}

/**
 * A 通知文 with every J.8.5 1 item ticked, published as 第1版 and then edited, so that its 第2版 is
 * a draft: the version a record may rely on (`v1`) and one it may not (`v2Draft`).
 */
export async function noticeWithDraftVersion(pms: Client, title = 'セミナー申込フォームの個人情報の取扱いについて'): Promise<{ noticeId: string; v1: string; v2Draft: string }> {
  const ticked = noticeItems.map((i) => i.code);
  const created = await pms.call(C.create, { body: { title, body: '第1版', ticked } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const noticeId = created.body.id;
  expect((await pms.call(C.publish, { params: { id: noticeId } })).status).toBe(200);
  const edited = await pms.call(C.saveDraft, { params: { id: noticeId }, body: { body: '第2版', ticked } });
  expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  const versionId = (no: number) => {
    const version = edited.body.versions.find((v) => v.versionNo === no);
    expect(version, `第${no}版`).toBeDefined();
    return version?.id ?? '';
  };
  return { noticeId, v1: versionId(1), v2Draft: versionId(2) };
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
