import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { approvalsContract as A } from '../../platform/approvals/approvals.contract.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { requestsContract as C } from './requests.contract.ts';

// 回答の承認 (J.10.4 c)): the 苦情相談窓口 records the decision, the 個人情報保護管理者 approves it
// through the approvals engine, and only then may the reply be recorded as sent.

let t: TestApp;
let desk: Client;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-04-10T10:00:00+09:00');
  await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'public' }).where(eq(organizations.id, t.demoOrganizationId)));
  desk = await t.login('desk@demo.mamori.local');
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

async function decidedDisclosure() {
  const created = await desk.call(C.create, {
    body: { receivedOn: '2026-04-02', channel: 'counter', kind: 'disclosure', requesterName: '請求 太郎', content: '私の相談記録の開示を求めます' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const decided = await desk.call(C.decide, {
    params: { id },
    body: { scope: 'partial', groundCodes: ['a78-2'], note: '第三者の氏名を除いて開示する', replyMethod: 'mail', feeYen: 300 },
  });
  return { id, decided };
}

describe('回答の承認（J.10.4 c)）', () => {
  it('private の一部開示: 承認画面は法の条項と JIS の箇条を並べて示す（法第33条第2項第1号（J.10.5 2 a)））', async () => {
    await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'private' }).where(eq(organizations.id, t.demoOrganizationId)));
    try {
      const created = await desk.call(C.create, {
        body: { receivedOn: '2026-04-02', channel: 'counter', kind: 'disclosure', requesterName: '請求 次郎', content: '開示を求めます' },
      });
      const decided = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'partial', groundCodes: ['j105a'], note: '一部を除く', replyMethod: 'mail' } });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      const submitted = await desk.call(C.submitReply, { params: { id: created.body.id } });
      const approval = await pms.call(A.detail, { params: { id: submitted.body.approvalRequestId } });
      const lines = Object.fromEntries(approval.body.request.snapshotFields.map((f) => [f.label, f.value]));
      expect(lines['決定の理由（根拠条項）']).toContain('法第33条第2項第1号（J.10.5 2 a)）');
    } finally {
      await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'public' }).where(eq(organizations.id, t.demoOrganizationId)));
    }
  });

  it('決定の前は申請できず、承認の前は回答済みにできない（409、日本語）; 承認後は回答済みになる', async () => {
    const created = await desk.call(C.create, {
      body: { receivedOn: '2026-04-02', channel: 'counter', kind: 'disclosure', requesterName: '請求 花子', content: '開示を求めます' },
    });
    const early = await desk.call(C.submitReply, { params: { id: created.body.id } });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('決定を記録してから回答の承認を申請してください');

    const { id, decided } = await decidedDisclosure();
    if (decided.status !== 200) throw new Error(JSON.stringify(decided.body));
    const notYet = await desk.call(C.markReplied, { params: { id }, body: { repliedOn: '2026-04-20', replyMethod: 'mail' } });
    expect(notYet.status).toBe(409);
    expect(JSON.stringify(notYet.body)).toContain('個人情報保護管理者が決定を承認するまで、回答済みにはできません');

    const submitted = await desk.call(C.submitReply, { params: { id } });
    expect(submitted.status).toBe(201);
    expect((await desk.call(C.detail, { params: { id } })).body.status).toBe('awaiting_approval');
    // 承認待ちの間は回答済みにも、決定の変更にもできない.
    expect((await desk.call(C.markReplied, { params: { id }, body: { repliedOn: '2026-04-20', replyMethod: 'mail' } })).status).toBe(409);
    expect((await desk.call(C.decide, { params: { id }, body: { scope: 'full' } })).status).toBe(409);

    // The approver reads the decision as lines in Japanese: kind, scope, the statutory ground, reply method, fee.
    const approval = await pms.call(A.detail, { params: { id: submitted.body.approvalRequestId } });
    expect(approval.status).toBe(200);
    const lines = Object.fromEntries(approval.body.request.snapshotFields.map((f) => [f.label, f.value]));
    expect(lines).toMatchObject({ 種類: '開示', 決定: '一部開示', 回答方法: '郵送（書面）', 手数料: '300円' });
    expect(lines['決定の理由（根拠条項）']).toContain('第78条');
    expect(JSON.stringify(approval.body)).not.toContain('請求 太郎');

    const approved = await pms.call(A.approve, { params: { id: submitted.body.approvalRequestId }, body: {} });
    expect(approved.status).toBe(200);
    expect((await desk.call(C.detail, { params: { id } })).body.status).toBe('approved');

    const sent = await desk.call(C.markReplied, { params: { id }, body: { repliedOn: '2026-04-20', replyMethod: 'mail' } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'answered', statusLabel: '回答済', repliedOn: '2026-04-20', replyMethod: '郵送（書面）' });
  });

  it('承認後に決定を変えると決定待ちに戻り、再び承認が要る', async () => {
    const { id } = await decidedDisclosure();
    const submitted = await desk.call(C.submitReply, { params: { id } });
    await pms.call(A.approve, { params: { id: submitted.body.approvalRequestId }, body: {} });
    const changed = await desk.call(C.decide, { params: { id }, body: { scope: 'full' } });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('awaiting_decision');
    expect((await desk.call(C.markReplied, { params: { id }, body: { repliedOn: '2026-04-20', replyMethod: 'mail' } })).status).toBe(409);
  });
});
