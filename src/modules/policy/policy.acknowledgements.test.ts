import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { approvalsContract } from '../../platform/approvals/approvals.contract.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { notifications } from '../../platform/notifications/notifications.tables.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { policyItems } from '../../rules/data/requiredItems.ts';
import { POLICY_ACKNOWLEDGEMENT_TASK, runPolicyAcknowledgementTasks } from './policy.acknowledgements.ts';
import { policyContract as C } from './policy.contract.ts';

// J.2.2 3 「トップマネジメントは、個人情報保護方針を文書化した情報を、財団内に周知するとともに、一般の人が入手可能な
// 措置を講じる。」 against a real database and HTTP: publishing a version gives every active account holder a
// confirmation task, each confirms 「内容を確認しました」 (recorded and audited), the 個人情報保護管理者 and
// トップマネジメント see the 周知状況 and export it, a new version restarts the confirmation; the PDF of a version.

let t: TestApp;
let pms: Client;
let top: Client;
let staff: Client;
let audit: Client;
let internalV2 = '';

/** The demo's 従業者 with an account (7); 中村 優・小林 翔・加藤 陽子 have none. */
const ACCOUNT_HOLDERS = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 健', '田中 美咲', '伊藤 直樹', '渡辺 さくら'].sort();

const draft = {
  body: ['当社は個人情報を適切に取り扱い、目的外利用を行いません。', '法令を遵守します。', 'お問合せ先: 総務部 個人情報保護担当 03-0000-0001'].join('\n'),
  ticked: policyItems.map((i) => i.code),
  topManagementName: '山田 太郎',
  establishedOn: '2026-04-01',
  lastRevisedOn: '2026-05-11',
};

async function publish(kind: 'internal' | 'external', body = draft) {
  const saved = await pms.call(C.saveDraft, { params: { kind }, body });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await pms.call(C.submit, { params: { id: saved.body.id } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const approved = await top.call(approvalsContract.approve, { params: { id: submitted.body.approvalRequestId }, body: {} });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return saved.body;
}

async function ackTasks(versionId: string) {
  return asSystem(t.database, (tx) =>
    tx
      .select({ id: tasks.id, title: tasks.title, status: tasks.status, dueOn: tasks.dueOn, owner: people.name, evidenceNote: tasks.evidenceNote })
      .from(tasks)
      .innerJoin(people, eq(people.id, tasks.ownerPersonId))
      .where(and(eq(tasks.sourceType, POLICY_ACKNOWLEDGEMENT_TASK), eq(tasks.sourceId, versionId))),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  audit = await t.login('audit@demo.mamori.local');
  internalV2 = (await publish('internal')).id;
});
afterAll(() => t.close());

describe('J.2.2 3 財団内に周知する: 公開した版の確認', () => {
  it('公開すると、アカウントを持つ在籍中の従業者全員に「内部向け個人情報保護方針（第2版）の確認」タスクと通知が届く（冪等）', async () => {
    const rows = await ackTasks(internalV2);
    expect(rows.map((r) => r.owner).sort()).toEqual(ACCOUNT_HOLDERS);
    expect(new Set(rows.map((r) => r.title))).toEqual(new Set(['内部向け個人情報保護方針（第2版）の確認']));
    expect(rows.every((r) => r.status === 'open' && r.dueOn === '2026-06-10')).toBe(true);
    const mine = await staff.call(tasksContract.myTasks, { query: { view: 'open' } });
    expect(mine.body.items.map((i) => i.title)).toContain('内部向け個人情報保護方針（第2版）の確認');
    const notes = await asSystem(t.database, (tx) =>
      tx
        .select({ title: notifications.title })
        .from(notifications)
        .innerJoin(accounts, eq(accounts.id, notifications.accountId))
        .where(eq(accounts.loginId, 'staff@demo.mamori.local')),
    );
    expect(notes.map((n) => n.title)).toContain('新しいタスク: 内部向け個人情報保護方針（第2版）の確認');
    // The daily job makes nothing new for the same version and people.
    expect((await runPolicyAcknowledgementTasks(t.deps)).created).toBe(0);
    expect(await ackTasks(internalV2)).toHaveLength(ACCOUNT_HOLDERS.length);
  });

  it('役割のない従業者（staff@）は公開中の版だけを読めて（下書きは見えない）、「内容を確認しました」を押せる; 記録は本人・日時つきで監査証跡に残る', async () => {
    // A draft of the 外部向け policy exists; staff does not see it.
    const ext = await pms.call(C.saveDraft, { params: { kind: 'external' }, body: draft });
    const list = await staff.call(C.list, {});
    expect(list.body.items.every((v) => v.status === 'published')).toBe(true);
    expect(list.body.items.some((v) => v.id === ext.body.id)).toBe(false);
    expect(list.body.abilities).toEqual({ edit: false, viewAcknowledgements: false });
    expect((await staff.call(C.acknowledge, { params: { id: ext.body.id } })).status).toBe(404);
    expect((await staff.call(C.pdf, { params: { id: ext.body.id } })).status).toBe(404);

    t.clock.set('2026-05-11T10:05:00+09:00');
    const r = await staff.call(C.acknowledge, { params: { id: internalV2 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.acknowledgedAt).toBe('2026-05-11T01:05:00.000Z');
    // Pressed again later: the first record stays.
    t.clock.set('2026-05-11T10:10:00+09:00');
    expect((await staff.call(C.acknowledge, { params: { id: internalV2 } })).body.acknowledgedAt).toBe('2026-05-11T01:05:00.000Z');
    const again = await staff.call(C.list, {});
    expect(again.body.items.find((v) => v.id === internalV2)?.acknowledgedAt).toBe('2026-05-11T01:05:00.000Z');
    const task = (await ackTasks(internalV2)).find((x) => x.owner === '渡辺 さくら');
    expect(task).toMatchObject({ status: 'done', evidenceNote: '「内容を確認しました」（渡辺 さくら）' });
    const trail = await asSystem(t.database, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'policy_acknowledgements'), sql`${auditLog.after}->>'version_id' = ${internalV2}`)),
    );
    expect(trail.map((a) => a.action)).toEqual(['insert']);
  });

  it('下書きの版は確認できない（409、日本語）', async () => {
    const ext = (await pms.call(C.list, {})).body.items.find((v) => v.kind === 'external' && v.status === 'draft');
    const r = await pms.call(C.acknowledge, { params: { id: ext?.id ?? '' } });
    expect(r.status).toBe(409);
    expect(r.body.error?.message).toBe('第1版は下書きのため、まだ確認できません');
  });

  it('周知状況: 個人情報保護管理者には版ごとの確認済み・未確認が氏名・所属・確認日時つきで見え、確認状況・所属・氏名で絞り込める', async () => {
    const r = await pms.call(C.acknowledgements, { params: { id: internalV2 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toMatchObject({ kindLabel: '内部向け個人情報保護方針', versionNo: 2, statusLabel: '公開' });
    expect(r.body.counts).toEqual({ total: 7, confirmed: 1, pending: 6 });
    expect(r.body.items.map((i) => i.name).sort()).toEqual(ACCOUNT_HOLDERS);
    expect(r.body.items.find((i) => i.name === '渡辺 さくら')).toMatchObject({
      departmentName: '営業部',
      status: 'confirmed',
      statusLabel: '確認済み',
      acknowledgedAt: '2026-05-11T01:05:00.000Z',
    });
    expect(r.body.items.find((i) => i.name === '佐藤 花子')).toMatchObject({ departmentName: '総務部', statusLabel: '未確認', acknowledgedAt: null });
    const confirmed = await pms.call(C.acknowledgements, { params: { id: internalV2 }, query: { status: 'confirmed' } });
    expect(confirmed.body.items.map((i) => i.name)).toEqual(['渡辺 さくら']);
    expect(confirmed.body.counts.total).toBe(7);
    const sales = r.body.departments.find((d) => d.name === '営業部');
    const pendingSales = await pms.call(C.acknowledgements, { params: { id: internalV2 }, query: { status: 'pending', departmentId: sales?.id ?? '' } });
    expect(pendingSales.body.items.map((i) => i.name)).toEqual(['田中 美咲']);
    const byName = await pms.call(C.acknowledgements, { params: { id: internalV2 }, query: { q: 'ワタナベ' } });
    expect(byName.body.items.map((i) => i.name)).toEqual(['渡辺 さくら']);
    const bad = await pms.call(C.acknowledgements, { params: { id: internalV2 }, query: { status: 'maybe' as 'pending' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('確認状況の値が正しくありません');
  });

  it('周知状況を見られるのは個人情報保護管理者とトップマネジメントだけ（staff@・監査責任者は 403、本人の確認は一覧で見える）', async () => {
    expect((await top.call(C.acknowledgements, { params: { id: internalV2 } })).status).toBe(200);
    expect((await top.call(C.list, {})).body.abilities.viewAcknowledgements).toBe(true);
    for (const who of [staff, audit]) {
      expect((await who.call(C.acknowledgements, { params: { id: internalV2 } })).status, who.loginId).toBe(403);
      expect((await who.call(C.acknowledgementsXlsx, { params: { id: internalV2 } })).status, who.loginId).toBe(403);
    }
  });

  it('周知状況の出力（.xlsx）: 絞込みのとおりの行に、方針・版・所属・氏名・確認状況・確認日時', async () => {
    const r = await pms.call(C.acknowledgementsXlsx, { params: { id: internalV2 }, query: { status: 'confirmed' } });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('周知状況_内部向け個人情報保護方針_第2版_20260511.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('周知状況');
    expect(sheet?.getRow(1).values).toEqual([undefined, '方針・版', '所属', '従業者番号', '氏名', '確認状況', '確認日時']);
    expect(sheet?.rowCount).toBe(2);
    const row = sheet?.getRow(2);
    expect([row?.getCell(1).value, row?.getCell(2).value, row?.getCell(4).value, row?.getCell(5).value]).toEqual([
      '内部向け個人情報保護方針 第2版',
      '営業部',
      '渡辺 さくら',
      '確認済み',
    ]);
    // 2026-05-11 10:05 in Japan, as the cell shows it.
    expect((row?.getCell(6).value as Date | undefined)?.toISOString()).toBe('2026-05-11T10:05:00.000Z');
  });

  it('新しく在籍したアカウント保有者には、日次ジョブが公開中の版の確認タスクを作る', async () => {
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
      const [dept] = await tx
        .select()
        .from(departments)
        .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, '総務部')));
      const [p] = await tx.insert(people).values({ organizationId: t.demoOrganizationId, name: '新人 太郎', departmentId: dept?.id, joinedOn: '2026-05-11' }).returning();
      await tx.insert(accounts).values({ organizationId: t.demoOrganizationId, personId: p?.id ?? '', loginId: 'new@demo.mamori.local', passwordHash: 'x' });
      // Left the organization: no task, not in the 周知状況.
      const [gone] = await tx.insert(people).values({ organizationId: t.demoOrganizationId, name: '退職 花子', leftOn: '2026-05-01' }).returning();
      await tx.insert(accounts).values({ organizationId: t.demoOrganizationId, personId: gone?.id ?? '', loginId: 'gone@demo.mamori.local', passwordHash: 'x' });
    });
    const run = await runPolicyAcknowledgementTasks(t.deps);
    expect(run.created).toBe(1);
    const owners = (await ackTasks(internalV2)).map((r) => r.owner);
    expect(owners).toContain('新人 太郎');
    expect(owners).not.toContain('退職 花子');
    const status = await pms.call(C.acknowledgements, { params: { id: internalV2 } });
    expect(status.body.counts).toEqual({ total: 8, confirmed: 1, pending: 7 });
  });

  it('新しい版の公開で確認はやり直し: 旧版の未完了タスクは取消、新版のタスクが全員に、旧版は改訂済みで確認できない（409）', async () => {
    const v3 = await publish('internal', { ...draft, body: `${draft.body}\n個人情報保護マネジメントシステムを継続的に改善します。` });
    const old = await ackTasks(internalV2);
    expect(old.filter((x) => x.status === 'cancelled').map((x) => x.owner).length).toBe(7);
    expect(old.find((x) => x.status === 'cancelled')?.evidenceNote).toBe('第3版の公開により、確認の対象は新しい版になりました');
    expect(old.find((x) => x.owner === '渡辺 さくら')?.status).toBe('done');
    const fresh = await ackTasks(v3.id);
    expect(fresh).toHaveLength(8);
    expect(fresh.every((x) => x.status === 'open' && x.title === '内部向け個人情報保護方針（第3版）の確認')).toBe(true);
    const status = await pms.call(C.acknowledgements, { params: { id: v3.id } });
    expect(status.body.counts).toEqual({ total: 8, confirmed: 0, pending: 8 });
    // The old version's record stays as it was: the 運用記録 of 第2版.
    const oldStatus = await pms.call(C.acknowledgements, { params: { id: internalV2 } });
    expect(oldStatus.body.version.statusLabel).toBe('改訂済み');
    expect(oldStatus.body.counts.confirmed).toBe(1);
    const r = await staff.call(C.acknowledge, { params: { id: internalV2 } });
    expect(r.status).toBe(404);
    const p = await pms.call(C.acknowledge, { params: { id: internalV2 } });
    expect(p.status).toBe(409);
    expect(p.body.error?.message).toBe('第2版は改訂済みです。公開中の最新の版を確認してください');
    const list = await staff.call(C.list, {});
    expect(list.body.items.find((v) => v.id === v3.id)?.acknowledgedAt).toBeNull();
  });
});

describe.skipIf(skipPdfChecks)('個人情報保護方針の PDF（J.2.2 2 f)〜h)・版）', () => {
  it('公開中の版の PDF を staff@ が取得でき、本文・制定年月日・最終改正年月日・トップマネジメントの氏名・問合せ先・版が日本語で読める', async () => {
    const current = (await staff.call(C.list, {})).body.items.find((v) => v.kind === 'internal');
    const r = await staff.call(C.pdf, { params: { id: current?.id ?? '' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('内部向け個人情報保護方針_第3版.pdf'));
    const text = pdfText(r.raw).replace(/\s+/g, '');
    for (const expected of [
      '内部向け個人情報保護方針',
      '株式会社まもりデモ',
      '第3版（公開）',
      '制定年月日令和8年4月1日',
      '最終改正年月日令和8年5月11日',
      'トップマネジメントの氏名山田太郎',
      '問合せ先お問合せ先:総務部個人情報保護担当03-0000-0001',
      '当社は個人情報を適切に取り扱い、目的外利用を行いません。',
      '個人情報保護マネジメントシステムを継続的に改善します。',
    ])
      expect(text).toContain(expected);
  });
});
