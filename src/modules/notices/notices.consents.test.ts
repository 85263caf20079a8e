import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { todayInJapan } from '../../domain/time.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { addDays } from '../../rules/calendar.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import { noticesContract as C } from './notices.contract.ts';
import { noticesTestApp, noticeWithDraftVersion } from './notices.fixture.ts';

// 同意記録 (J.8.5 1 書面によって本人の同意を得る; i) 紙媒体, j) Web のフォーム) over real HTTP and a
// real database: a consent points to an exact published version, the person is encrypted at rest,
// withdrawal, roles.

let t: TestApp;
let pms: Client;
let staff: Client;
let noticeId: string;
let v1: string;
let v2Draft: string;

beforeAll(async () => {
  ({ t, pms, staff } = await noticesTestApp());
  ({ noticeId, v1, v2Draft } = await noticeWithDraftVersion(pms));
});
afterAll(() => t.close());

describe('同意記録（J.8.5 1 書面によって本人の同意を得る）', () => {
  it('同意は公開済みの版を指し、一覧に版番号・取得方法・同意日とともに出る', async () => {
    const r = await pms.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v1, subject: '山田 花子', channel: 'web', consentedOn: '2026/05/10' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ versionId: v1, versionNo: 1, subject: '山田 花子', channel: 'web', consentedOn: '2026-05-10', withdrawnOn: null });
    const list = await pms.call(C.consents, { params: { id: noticeId } });
    expect(list.body.items.map((c) => c.subject)).toContain('山田 花子');
  });

  it('下書きの版には同意できない（項目名つきの日本語で 4xx、何も保存しない）', async () => {
    const r = await pms.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v2Draft, subject: '下書き 太郎', channel: 'paper', consentedOn: '2026-05-10' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('同意した通知文の版');
    const list = await pms.call(C.consents, { params: { id: noticeId } });
    expect(list.body.items.map((c) => c.subject)).not.toContain('下書き 太郎');
  });

  it('同意日・撤回日が今日より後なら項目名つきの日本語で 422、何も保存しない（J.8.5 1 同意は得た事実の記録）', async () => {
    const today = todayInJapan(t.clock.now());
    const tomorrow = addDays(today, 1);
    const future = await pms.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v1, subject: '未来 三郎', channel: 'paper', consentedOn: tomorrow } });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('同意日');
    expect(JSON.stringify(future.body)).toContain('consentedOn');
    const list = await pms.call(C.consents, { params: { id: noticeId } });
    expect(list.body.items.map((c) => c.subject)).not.toContain('未来 三郎');
    const onToday = await pms.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v1, subject: '今日 四郎', channel: 'paper', consentedOn: today } });
    expect(onToday.status, JSON.stringify(onToday.body)).toBe(201);
    const w = await pms.call(C.withdrawConsent, { params: { id: onToday.body.id }, body: { withdrawnOn: tomorrow, channel: 'paper' } });
    expect(w.status).toBe(422);
    expect(JSON.stringify(w.body)).toContain('撤回日');
  });

  it('本人の氏名・識別子はデータベースに平文で残らない', async () => {
    await pms.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v1, subject: '暗号化 確認用', channel: 'oral', consentedOn: '2026-05-11' } });
    const rows = await asSystem(t.database, async (tx) => rowsOf<{ subject_enc: string }>(await tx.execute(sql`select subject_enc from notice_consents`)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.subject_enc.includes('暗号化'))).toBe(false);
    const dump = await asSystem(t.database, async (tx) => rowsOf<{ t: string }>(await tx.execute(sql`select notice_consents::text as t from notice_consents`)));
    expect(dump.some((r) => r.t.includes('暗号化 確認用'))).toBe(false);
  });

  it('撤回は撤回日と方法を記録し、二度目は 409、同意日より前の撤回日は拒む', async () => {
    const c = await pms.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v1, subject: '撤回 次郎', channel: 'paper', consentedOn: '2026-05-01' } });
    const early = await pms.call(C.withdrawConsent, { params: { id: c.body.id }, body: { withdrawnOn: '2026-04-30', channel: 'paper' } });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('撤回日が同意日');
    const w = await pms.call(C.withdrawConsent, { params: { id: c.body.id }, body: { withdrawnOn: '2026-05-09', channel: 'web' } });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body).toMatchObject({ withdrawnOn: '2026-05-09', withdrawalChannel: 'web', versionNo: 1 });
    expect((await pms.call(C.withdrawConsent, { params: { id: c.body.id }, body: { withdrawnOn: '2026-05-10', channel: 'web' } })).status).toBe(409);
  });

  it('同意記録の一覧の閲覧は事故等と同じく個人データの閲覧として件数つきで記録される（SPEC §3、行政機関等ガイドライン 4-8-6 (3)）', async () => {
    const list = await pms.call(C.consents, { params: { id: noticeId } });
    expect(list.status).toBe(200);
    const reads = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityType, 'notice_consents'), eq(auditLog.entityId, noticeId)))
        // In the chain's order: the last row is this read (the rows come back in no set order otherwise).
        .orderBy(asc(auditLog.chainSeq)),
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.at(-1)?.rowCount).toBe(list.body.items.length);
  });

  it('役割のない従業者は同意記録を見ることも登録することもできない（403）', async () => {
    expect((await staff.call(C.consents, { params: { id: noticeId } })).status).toBe(403);
    expect((await staff.call(C.recordConsent, { params: { id: noticeId }, body: { versionId: v1, subject: 'x', channel: 'web', consentedOn: '2026-05-10' } })).status).toBe(403);
  });
});
