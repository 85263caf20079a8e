import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { hashPassword } from '../../platform/auth/hashing.ts';
import { asSystem, inOrg, rowsOf } from '../../platform/db/tenancy.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { evaluateRequestDeadline } from '../../rules/requestDeadlines/index.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { requestsContract as C } from './requests.contract.ts';

// HTTP tests of M5 開示等の請求・苦情相談 (J.10–J.11) against a real database: the 受付処理票, the
// engine's deadline (法第83条), 補正, the statutory grounds of a decision, J.10.2 h 2 and tenancy.

let t: TestApp;
let desk: Client;
let staff: Client;
let outsider: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-04-10T10:00:00+09:00');
  // The public profile (行政機関等・地方公共団体): 法第83条 deadlines.
  await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'public' }).where(eq(organizations.id, t.demoOrganizationId)));
  desk = await t.login('desk@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: other!.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: other!.id, name: '別組織 管理者' }).returning();
    await tx.insert(roleAssignments).values({ organizationId: other!.id, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: other!.id, personId: p!.id, loginId: 'pms@other.example', passwordHash });
  });
  outsider = await t.login('pms@other.example');
});
afterAll(() => t.close());

const disclosure = {
  receivedOn: '2026-04-02',
  channel: 'counter' as const,
  kind: 'disclosure' as const,
  requesterName: '請求 太郎',
  requesterAddress: '東京都豊島区南池袋二丁目',
  content: '私の相談記録の開示を求めます',
};

describe('開示の請求の期限（法第83条、docs/rules/request-deadlines.md）', () => {
  it('法第83条第1項: public の開示 2026-04-02 受付は 2026-05-07 までに決定（末日 05-02 が休日のため翌開庁日）', async () => {
    const r = await desk.call(C.create, { body: disclosure });
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^REQ-2026-\d{4}$/);
    expect(r.body.deadline).toMatchObject({ dueOn: '2026-05-07', decisionDue: '2026-05-07', legal: true, excludedDays: 0 });
    expect(r.body.deadline.daysLeft).toBe(27);
    expect(r.body.status).toBe('received');
  });

  it('法第83条第1項括弧書: 補正に要した日数は算入しない — 補正の記録と完了で期限が後ろに動く', async () => {
    const created = await desk.call(C.create, { body: disclosure });
    const asked = await desk.call(C.addCorrection, { params: { id: created.body.id }, body: { askedOn: '2026-04-03', what: '請求の対象となる記録の時期' } });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('correcting');
    // Open: counted as running up to today (2026-04-10): 04-04〜04-10 の7日 → 05-09（土）→ 05-11.
    expect(asked.body.deadline).toMatchObject({ dueOn: '2026-05-11', excludedDays: 7 });
    const correctionId = asked.body.corrections[0]!.id;
    const done = await desk.call(C.completeCorrection, { params: { id: correctionId }, body: { completedOn: '2026/04/09' } });
    expect(done.status).toBe(200);
    const expected = evaluateRequestDeadline({
      profile: 'public',
      kind: 'disclosure',
      receivedOn: '2026-04-02',
      correctionPeriods: [{ askedOn: '2026-04-03', completedOn: '2026-04-09' }],
    });
    // 04-04〜04-09 の6日は算入しない → 05-08（金）.
    expect(done.body.deadline).toMatchObject({ dueOn: '2026-05-08', excludedDays: 6 });
    expect(expected.decisionDue).toBe('2026-05-08');
    expect(done.body.status).toBe('received');
  });

  it('法第83条第2項: 延長すると延長後の期限が期限になる', async () => {
    const created = await desk.call(C.create, { body: disclosure });
    const r = await desk.call(C.update, { params: { id: created.body.id }, body: { extended: true } });
    expect(r.status).toBe(200);
    expect(r.body.deadline.extendedDue).toBe(r.body.deadline.dueOn);
    expect(r.body.deadline.dueOn! > '2026-05-07').toBe(true);
  });
});

describe('請求者の個人情報（SPEC §9 暗号化、閲覧の監査）', () => {
  it('請求者の氏名・住所・請求の内容は DB に平文で残らない; 一覧に氏名は出ない', async () => {
    const created = await desk.call(C.create, { body: { ...disclosure, requesterName: '平文 確認子' } });
    const rows = await asSystem(t.database, async (tx) => rowsOf<Record<string, unknown>>(await tx.execute(sql`select * from requests where id = ${created.body.id}`)));
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain('平文 確認子');
    expect(raw).not.toContain('南池袋');
    expect(raw).not.toContain('相談記録');
    const list = await desk.call(C.list, { query: {} });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('平文 確認子');
    expect(list.body.items.some((i) => i.id === created.body.id)).toBe(true);
  });

  it('詳細の閲覧は監査ログに read として残る（Toshima 4-8-6 (3)）', async () => {
    const created = await desk.call(C.create, { body: disclosure });
    const r = await desk.call(C.detail, { params: { id: created.body.id } });
    expect(r.status).toBe(200);
    expect(r.body.requesterName).toBe('請求 太郎');
    const logged = await asSystem(t.database, async (tx) =>
      rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from audit_log where action = 'read' and entity_type = 'requests' and entity_id = ${created.body.id}`)),
    );
    expect(logged[0]?.n).toBe(1);
  });
});

describe('J.10.2 h 2: 個人番号は記録しない', () => {
  it('請求の内容に検査用数字の合う12桁があれば、項目名つきの日本語エラーで拒否し、何も書かない', async () => {
    const before = await asSystem(t.database, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from requests`)));
    const r = await desk.call(C.create, { body: { ...disclosure, content: '個人番号 1234 5678 9018 の記録を開示してほしい' } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('請求の内容に個人番号（マイナンバー）と思われる12桁の番号が含まれています');
    const after = await asSystem(t.database, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from requests`)));
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe('決定の理由（J.10.5 / 法第78条）', () => {
  it('法第78条: 不開示に理由がなければ 422（決定の理由の項目）、各号を選べば決定待ち', async () => {
    const created = await desk.call(C.create, { body: disclosure });
    const refused = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'refused', groundCodes: [] } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('決定の理由（根拠条項）を1つ以上選んでください');
    const wrong = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'partial', groundCodes: ['j105a'] } });
    expect(wrong.status).toBe(422);
    const ok = await desk.call(C.decide, { params: { id: created.body.id }, body: { scope: 'partial', groundCodes: ['a78-2'], note: '第三者の氏名を除いて開示', feeYen: 300 } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('awaiting_decision');
    expect(ok.body.decision).toMatchObject({ scope: 'partial', scopeLabel: '一部開示', grounds: [{ code: 'a78-2', clause: '法第78条第1項第2号' }] });
    expect(ok.body.feeYen).toBe(300);
  });

  it('手数料が数でなければ 400（日本語で項目名と入力値）、決定は記録されない。文字の「１，０００」を数に読み替えない', async () => {
    const created = await desk.call(C.create, { body: disclosure });
    const decide = (feeYen: unknown) => desk.request('PUT', `/api/requests/${created.body.id}/decision`, { scope: 'full', groundCodes: [], feeYen });
    const typed = await decide('１，０００');
    expect(typed.status).toBe(400);
    expect(typed.body.error.fields).toContainEqual({ path: 'feeYen', message: '手数料は数値で入力してください（入力値: １，０００）' });
    const words = await decide('千円くらい');
    expect(words.body.error.fields).toContainEqual({ path: 'feeYen', message: expect.stringMatching(/^手数料は.+（入力値: 千円くらい）$/) });
    const fraction = await decide(300.5);
    expect(fraction.body.error.fields).toContainEqual({ path: 'feeYen', message: '手数料は円単位の整数で入力してください（入力値: 300.5）' });
    expect((await desk.call(C.detail, { params: { id: created.body.id } })).body.decision).toBeNull();
  });
});

describe('権限と組織', () => {
  it('役割のない職員は一覧・作成とも 403、他組織の管理者には 404', async () => {
    const created = await desk.call(C.create, { body: disclosure });
    expect((await staff.call(C.list, { query: {} })).status).toBe(403);
    expect((await staff.call(C.create, { body: disclosure })).status).toBe(403);
    expect((await outsider.call(C.detail, { params: { id: created.body.id } })).status).toBe(404);
    expect((await outsider.call(C.decide, { params: { id: created.body.id }, body: { scope: 'full' } })).status).toBe(404);
  });
});

describe('ホームの期限カード', () => {
  it('未回答の請求は受付番号と種類で期限カードに出る（請求者の氏名は出ない）', async () => {
    const created = await desk.call(C.create, { body: { ...disclosure, requesterName: '期限 確認子' } });
    const r = await desk.call(tasksContract.myDeadlines, {});
    expect(r.status).toBe(200);
    const item = r.body.items.find((i) => i.link === `/requests/${created.body.id}`);
    expect(item).toMatchObject({ title: `${created.body.number} 開示`, dueOn: '2026-05-07' });
    expect(JSON.stringify(r.body)).not.toContain('期限 確認子');
  });
});
