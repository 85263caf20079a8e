import { eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { departments, organizations, people } from '../org/org.tables.ts';
import { seedOrganizationDefaults } from '../org/orgDefaults.ts';
import { installedModules } from '../moduleKit/registry.ts';
import { notifications } from '../notifications/notifications.tables.ts';
import { installedCalendarItems } from './calendar.service.ts';
import { runCalendarTaskGeneration } from './tasks.jobs.ts';
import { calendarItems, tasks } from './tasks.tables.ts';

let t: TestApp;
let pms: Client;
let sales: Client;
let staff: Client;
let top: Client;
const dept: Record<string, string> = {};
const person: Record<string, string> = {};

/** The calendar items whose tasks these tests count. */
const COUNTED = ['inventory_review', 'risk_review', 'privacy_mark_renewal'] as const;
let seeded: (typeof tasks.$inferSelect)[] = [];

/** 2026-11-20 in Japan: December reviews start within the 14-day look-ahead; November's checks are due. */
const START = '2026-11-20T09:00:00+09:00';

async function loginAll() {
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
}

beforeAll(async () => {
  t = await buildTestApp();
  // The demo seeded tasks for the real today; start from a known date instead.
  seeded = await asSystem(t.database, (tx) => tx.delete(tasks).returning());
  // The counts below are of the 台帳・リスク分析 reviews and the Privacy-Mark renewal; the items of
  // other installed modules (e.g. 委託先) are switched off, so adding a module changes no count here.
  await asSystem(t.database, (tx) =>
    tx
      .update(calendarItems)
      .set({ active: false })
      .where(notInArray(calendarItems.code, [...COUNTED])),
  );
  t.clock.set(START);
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const d of await tx.select().from(departments)) dept[d.name] = d.id;
    for (const p of await tx.select().from(people)) person[p.name] = p.id;
  });
  await loginAll();
});
afterAll(() => t.close());

describe('PMS年間計画（組織ごと、PA01 の時期で初期化）', () => {
  it('新しい組織には既定の14項目が入り、もう一度初期化しても増えない', async () => {
    const stored = () => inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(calendarItems));
    expect(await stored()).toHaveLength(14);
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => seedOrganizationDefaults(tx, t.demoOrganizationId, '2026-11-20'));
    expect(await stored()).toHaveLength(14);
    // Seeding also generated the first tasks — only of the items the app has; the job tests below start from none.
    // (The demo's other tasks are the 方針の周知 tasks of its published policy, J.2.2 3 — not the calendar's.)
    const installed = [...installedCalendarItems().keys()];
    const ofCalendar = seeded.filter((r) => r.sourceType !== 'policy_acknowledgement');
    expect(ofCalendar.length).toBeGreaterThanOrEqual(1);
    expect(ofCalendar.filter((r) => !installed.some((code) => r.generationKey?.startsWith(`calendar:${code}:`)))).toEqual([]);
    await asSystem(t.database, (tx) => tx.delete(tasks));
  });

  it('年間計画に出るのはアプリにある項目だけ（導入済みモジュールのマニフェストと Pマーク更新）: 教育・監査・委託先などのモジュールはまだないので出ない', async () => {
    const r = await staff.get('/api/calendar');
    expect(r.status).toBe(200);
    const codes = r.body.items.map((i: { code: string }) => i.code).sort();
    // The platform's renewal item and the items the installed modules' manifests declare — nothing else.
    const declared = installedModules().flatMap((m) => (m.calendarItems ?? []).map((i) => i.code));
    expect(codes).toEqual(['privacy_mark_renewal', ...declared].sort());
    expect(codes).toEqual(expect.arrayContaining(['inventory_review', 'risk_review']));
    for (const missing of ['training', 'training_plan', 'audit_plan', 'internal_audit', 'management_review', 'operation_check', 'entry_log_check'])
      expect(codes).not.toContain(missing);
    // Each item opens the screen where its work is done (the module's manifest `calendarItems`).
    const links = Object.fromEntries(r.body.items.map((i: { code: string; link: string | null }) => [i.code, i.link]));
    expect(links).toMatchObject({ inventory_review: '/inventory/reviews', privacy_mark_renewal: null, risk_review: '/risk/reviews' });
    const training = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(calendarItems).where(eq(calendarItems.code, 'training')));
    const body = { title: '教育', ownerRole: 'pms_manager', recurrence: 'yearly', month: 7, dayOfMonth: 31, perDepartment: false, active: true };
    expect((await pms.request('PUT', `/api/calendar/${training[0]?.id}`, body)).status).toBe(404);
  });

  it('各項目に根拠（条項・原文）と次回期限がある: J.3.1.1「毎年12月」→ 2026-12-31', async () => {
    const items = (await pms.get('/api/calendar')).body.items;
    const review = items.find((i: { code: string }) => i.code === 'inventory_review');
    expect(review).toMatchObject({
      clause: 'J.3.1.1',
      ownerRoleLabel: '所属長',
      recurrenceLabel: '毎年',
      nextDueOn: '2026-12-31',
      nextStartsOn: '2026-12-01',
    });
    expect(review!.quote).toContain('毎年12月');
    const renewal = items.find((i: { code: string }) => i.code === 'privacy_mark_renewal');
    // デモ組織の有効期間は 2027-03-31 まで: 更新申請は 4 か月前の 2026-11-30 まで。
    expect(renewal!.nextDueOn).toBe('2026-11-30');
  });

  it('?year= で年内の全回を返す（J.3.1.3「毎年12月」→ 1回、Pマーク更新は有効期間の4か月前）', async () => {
    const items = (await pms.get('/api/calendar?year=2026')).body.items;
    const risk = items.find((i: { code: string }) => i.code === 'risk_review');
    expect(risk!.occurrences!.map((o: { dueOn: string }) => o.dueOn)).toEqual(['2026-12-31']);
    const renewal = items.find((i: { code: string }) => i.code === 'privacy_mark_renewal');
    expect(renewal!.occurrences).toEqual([{ startsOn: '2026-07-31', dueOn: '2026-11-30' }]);
  });

  it('変更は calendar.manage が必要（従業者は 403）、内容の検査（所属ごとの役割は所属ごと）、変更すると直近のタスクがその場で作られる', async () => {
    const items = (await pms.get('/api/calendar')).body.items;
    const training = items.find((i: { code: string }) => i.code === 'inventory_review');
    const body = {
      title: training!.title,
      description: training!.description,
      clause: training!.clause,
      ownerRole: 'pms_manager',
      recurrence: 'yearly',
      month: 6,
      dayOfMonth: 30,
      perDepartment: false,
      active: true,
    };
    expect((await staff.request('PUT', `/api/calendar/${training!.id}`, body)).status).toBe(403);
    const bad = await pms.request('PUT', `/api/calendar/${training!.id}`, {
      ...body,
      ownerRole: 'department_head',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('所属ごと');
    expect(
      (
        await pms.request('PUT', `/api/calendar/${training!.id}`, {
          ...body,
          month: null,
        })
      ).status,
    ).toBe(400);
    const ok = await pms.request('PUT', `/api/calendar/${training!.id}`, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      month: 6,
      dayOfMonth: 30,
      nextDueOn: '2027-06-30',
    });
    // Back to the PA01 default (所属長, 毎年12月末, 所属ごと). The change makes the upcoming
    // tasks at once (December starts within the 14-day look-ahead): one per 所属.
    const back = await pms.request('PUT', `/api/calendar/${training!.id}`, {
      ...body,
      ownerRole: 'department_head',
      month: 12,
      dayOfMonth: 31,
      perDepartment: true,
    });
    expect(back.status).toBe(200);
    const made = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(tasks));
    expect(made.map((r) => r.generationKey?.replace(/:[^:]+$/, '')).filter((k) => k?.startsWith('calendar:inventory_review'))).toHaveLength(5);
    // The job tests below start from no tasks and no task notifications again.
    await asSystem(t.database, async (tx) => {
      await tx.delete(tasks);
      await tx.delete(notifications).where(eq(notifications.kind, 'task_assigned'));
    });
  });
});

describe('タスクの生成ジョブ（冪等・所属ごと）', () => {
  it('2026-11-20: 12月の台帳・リスク分析の見直し（所属ごと）とPマーク更新申請が作られる（まだないモジュールの項目は作られない）', async () => {
    const first = await runCalendarTaskGeneration(t.deps);
    // org-wide: Pマーク更新 = 1; per department (5 所属): 台帳, リスク = 10.
    expect(first.created).toBe(11);
    const rows = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(tasks));
    expect(rows.filter((r) => /training|operation_check|entry_log|legal_register|contractor/.test(r.generationKey ?? ''))).toEqual([]);
    const ops = rows.filter((r) => r.generationKey?.startsWith('calendar:inventory_review:2026:'));
    expect(ops.map((r) => r.departmentId).sort()).toEqual(Object.values(dept).sort());
    expect(ops[0]).toMatchObject({
      ownerRole: 'department_head',
      dueOn: '2026-12-31',
      startsOn: '2026-12-01',
      status: 'open',
    });
    expect(ops[0]?.title).toBe('個人情報管理台帳の見直し（2026年12月）');
  });

  it('もう一度、また同時に2回実行しても1件も増えない（generation_key が一意）', async () => {
    expect((await runCalendarTaskGeneration(t.deps)).created).toBe(0);
    const both = await Promise.all([runCalendarTaskGeneration(t.deps), runCalendarTaskGeneration(t.deps)]);
    expect(both.map((b) => b.created)).toEqual([0, 0]);
    const n = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(tasks));
    expect(n).toHaveLength(11);
  });

  it('所属が増えると、その所属の分だけ作られる', async () => {
    const [d] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx.insert(departments).values({ organizationId: t.demoOrganizationId, name: '新規事業部' }).returning(),
    );
    dept['新規事業部'] = d?.id ?? '';
    expect((await runCalendarTaskGeneration(t.deps)).created).toBe(2);
  });

  it('担当の所属長にアプリ内通知が届く（生成時）', async () => {
    const n = (await sales.get('/api/notifications')).body.items.filter((i: { kind: string }) => i.kind === 'task_assigned');
    expect(n.length).toBe(2);
  });
});

describe('自分のタスク /api/me/tasks', () => {
  it('所属長（営業部）: 営業部の2件だけ（他部署の所属長のタスクは出ない）', async () => {
    const r = await sales.get('/api/me/tasks');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    expect(r.body.items.every((i) => i.departmentName === '営業部' && i.ownerRoleLabel === '所属長')).toBe(true);
    expect(r.body.items[0]).toMatchObject({ status: 'open', overdue: false });
  });

  it('個人情報保護管理者（兼 総務部長）: 組織全体の1件 + 総務部の2件', async () => {
    const r = await pms.get('/api/me/tasks?view=open');
    expect(r.body.total).toBe(3);
    expect(r.body.items[0]).toMatchObject({ dueOn: '2026-11-30' });
    const review = r.body.items.find((i: { title: string }) => i.title.startsWith('個人情報管理台帳の見直し'));
    // 作業を開く: the calendar task opens the 台帳's yearly review (the inventory manifest's `calendarItems`).
    expect(review).toMatchObject({ clause: 'J.3.1.1', link: '/inventory/reviews', sourceLabel: 'PMSカレンダー', progress: 'not_started', progressLabel: '未着手' });
  });

  it('役割のない従業者: なし', async () => {
    expect((await staff.get('/api/me/tasks')).body.items).toEqual([]);
  });

  it('期限切れ = 未完了で期限が今日より前（2026-12-02 には11月末期限の1件、状態は「期限超過」）', async () => {
    t.clock.set('2026-12-02T09:00:00+09:00');
    await loginAll();
    const r = await pms.get('/api/me/tasks?view=overdue');
    expect(r.body.items.map((i: { title: string }) => i.title).sort()).toEqual(['プライバシーマーク更新申請（有効期間終了 2027/03/31）']);
    expect(r.body.items.every((i: { overdue: boolean; progressLabel: string }) => i.overdue && i.progressLabel === '期限超過')).toBe(true);
    // The home page's counts: 期限切れ, and 期限間近 within 7 days (tasks.labels.ts DUE_SOON_DAYS).
    expect(r.body.counts).toMatchObject({ open: 3, overdue: 1, dueSoonDays: 7 });
    const soon = (await pms.get('/api/me/tasks?view=open&pageSize=100')).body.items.filter((i: { dueOn: string }) => i.dueOn >= '2026-12-02' && i.dueOn <= '2026-12-09');
    expect(r.body.counts.dueSoon).toBe(soon.length);
    const all = await pms.get('/api/tasks?overdue=1');
    expect(all.body.total).toBe(1);
    expect(all.body.counts.overdue).toBe(1);
    expect((await pms.get('/api/tasks?progress=overdue')).body.total).toBe(1);
    t.clock.set(START);
    await loginAll();
  });
});

describe('タスクの更新: 完了には証跡が必要', () => {
  let taskId: string;
  let itTaskId: string;
  beforeAll(async () => {
    const mine = (await sales.get('/api/me/tasks')).body.items;
    taskId = mine.find((i: { title: string }) => i.title.startsWith('個人情報管理台帳の見直し'))!.id;
    const it = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(eq(tasks.departmentId, dept['情報システム部'] ?? '')),
    );
    itTaskId = it[0]?.id ?? '';
  });

  it('タスクを開く GET /api/tasks/:id: 担当者とタスク管理者は 200、担当でない人は 404', async () => {
    const r = await sales.get(`/api/tasks/${taskId}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: taskId, progress: 'not_started', progressLabel: '未着手', link: '/inventory/reviews' });
    expect((await pms.get(`/api/tasks/${taskId}`)).status).toBe(200);
    expect((await staff.get(`/api/tasks/${taskId}`)).status).toBe(404);
    expect((await sales.get(`/api/tasks/${itTaskId}`)).status).toBe(404);
  });

  it('着手すると「対応中」（着手日時を記録）、未着手に戻すと消える', async () => {
    const started = await sales.request('PATCH', `/api/tasks/${taskId}`, { status: 'in_progress' });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ status: 'open', progress: 'in_progress', progressLabel: '対応中', startedAt: new Date(START).toISOString() });
    expect((await pms.get('/api/tasks?progress=in_progress')).body.items.map((i: { id: string }) => i.id)).toEqual([taskId]);
    const back = await sales.request('PATCH', `/api/tasks/${taskId}`, { status: 'open' });
    expect(back.body).toMatchObject({ progress: 'not_started', startedAt: null });
    await sales.request('PATCH', `/api/tasks/${taskId}`, { status: 'in_progress' });
    const bad = await sales.request('PATCH', `/api/tasks/${taskId}`, { status: 'started' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('状態');
  });

  it('証跡なしで完了 → 422（証跡の欄を示す）', async () => {
    const r = await sales.request('PATCH', `/api/tasks/${taskId}`, {
      status: 'done',
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.[0]).toMatchObject({
      path: 'evidenceNote',
      message: '完了にするには証跡（リンクまたはメモ）を入力してください',
    });
  });

  it('危険なリンクは拒否（400）', async () => {
    const r = await sales.request('PATCH', `/api/tasks/${taskId}`, {
      status: 'done',
      evidenceUrl: 'javascript:alert(1)',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('証跡のリンク');
    // Too long: refused with the limit and the typed length, never cut (issue 10).
    const long = await sales.request('PATCH', `/api/tasks/${taskId}`, { status: 'done', evidenceUrl: `https://example.jp/${'a'.repeat(1990)}` });
    expect(long.status).toBe(400);
    expect(long.body.error.fields?.[0]).toMatchObject({ path: 'evidenceUrl', message: '証跡のリンクは2000文字以内で入力してください（2009文字入力されています）' });
    // The typed length is counted as the limit counts it (code points, the shared builder): 𠮷 is one
    // character, so this is 2009 characters — never 「（3999文字入力されています）」.
    const wide = await sales.request('PATCH', `/api/tasks/${taskId}`, { status: 'done', evidenceUrl: `https://example.jp/${'𠮷'.repeat(1990)}` });
    expect(wide.status).toBe(400);
    expect(wide.body.error.fields?.[0]).toMatchObject({ path: 'evidenceUrl', message: '証跡のリンクは2000文字以内で入力してください（2009文字入力されています）' });
  });

  it('担当者は証跡つきで完了でき、完了の一覧に移る', async () => {
    const r = await sales.request('PATCH', `/api/tasks/${taskId}`, {
      status: 'done',
      evidenceUrl: '/checklists/2026-q4-sales',
      evidenceNote: '全項目OK',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      status: 'done',
      statusLabel: '完了',
      evidenceUrl: '/checklists/2026-q4-sales',
      overdue: false,
    });
    expect(r.body.completedAt).toBe(new Date(START).toISOString());
    expect((await sales.get('/api/me/tasks?view=done')).body.items.map((i: { id: string }) => i.id)).toEqual([taskId]);
    expect((await sales.get('/api/me/tasks')).body.total).toBe(1);
  });

  it('担当でない人は他人のタスクを更新できない（404）、担当者は取消できない（403）', async () => {
    expect(
      (
        await staff.request('PATCH', `/api/tasks/${taskId}`, {
          evidenceNote: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await sales.request('PATCH', `/api/tasks/${itTaskId}`, {
          evidenceNote: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await sales.request('PATCH', `/api/tasks/${taskId}`, {
          status: 'cancelled',
        })
      ).status,
    ).toBe(403);
  });

  it('タスク管理者（個人情報保護管理者）は他部署のタスクも更新・取消できる', async () => {
    const r = await pms.request('PATCH', `/api/tasks/${itTaskId}`, {
      status: 'cancelled',
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('cancelled');
  });
});

describe('タスク一覧 /api/tasks と作成 POST /api/tasks（tasks.manage）', () => {
  it('従業者・所属長は 403', async () => {
    expect((await staff.get('/api/tasks')).status).toBe(403);
    expect((await sales.get('/api/tasks')).status).toBe(403);
    expect(
      (
        await staff.request('POST', '/api/tasks', {
          title: 'x',
          ownerPersonId: person['渡辺 さくら'],
          dueOn: '2026-12-01',
        })
      ).status,
    ).toBe(403);
  });

  it('絞り込み（状態・所属）とページ', async () => {
    const bySales = await pms.get(`/api/tasks?departmentId=${dept['営業部']}`);
    expect(bySales.body.total).toBe(2);
    const done = await pms.get('/api/tasks?progress=done');
    expect(done.body.items).toHaveLength(1);
    const page2 = await pms.get('/api/tasks?pageSize=5&page=3');
    expect(page2.body).toMatchObject({ page: 3, pageSize: 5, total: 13 });
    expect(page2.body.items).toHaveLength(3);
    // 発生元・期限の範囲 (the /tasks calendar asks for one month).
    expect((await pms.get('/api/tasks?sourceType=calendar&dueFrom=2026-12-01&dueTo=2026-12-31')).body.total).toBe(12);
    expect((await pms.get('/api/tasks?dueTo=2026-11-30')).body.total).toBe(1);
    const bad = await pms.get('/api/tasks?dueFrom=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('期限の開始日');
  });

  it('担当者を指定して作成 → 担当者の「自分のタスク」と通知に出る', async () => {
    const r = await pms.request('POST', '/api/tasks', {
      title: '誓約書の回収',
      description: '入社時の誓約書（Setagaya）',
      ownerPersonId: person['渡辺 さくら'],
      dueOn: '2026-12-10',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      ownerPersonName: '渡辺 さくら',
      sourceType: 'manual',
    });
    expect((await staff.get('/api/me/tasks')).body.items.map((i: { title: string }) => i.title)).toEqual(['誓約書の回収']);
    expect((await staff.get('/api/notifications?unread=1')).body.unreadCount).toBe(1);
  });

  it('入力の検査: 担当なし・所属長に所属なし・期限なし → 400（項目名つき）', async () => {
    const noOwner = await pms.request('POST', '/api/tasks', {
      title: 'x',
      dueOn: '2026-12-10',
    });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.error.message).toContain('担当の役割か担当者を指定してください');
    const noDept = await pms.request('POST', '/api/tasks', {
      title: 'x',
      ownerRole: 'department_head',
      dueOn: '2026-12-10',
    });
    expect(noDept.body.error.message).toContain('所属を指定してください');
    const noDue = await pms.request('POST', '/api/tasks', {
      title: 'x',
      ownerRole: 'pms_manager',
    });
    expect(noDue.body.error.message).toContain('期限');
  });
});

describe('他の組織 → 404', () => {
  let otherTaskId: string;
  let otherCalendarId: string;
  beforeAll(async () => {
    const [org] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社', privacyMarkValidTo: '2027-06-30' }).returning());
    if (!org) throw new Error('org');
    await inOrg(t.database, { organizationId: org.id }, async (tx) => {
      await tx.insert(departments).values({ organizationId: org.id, name: '他社の部署' });
      await seedOrganizationDefaults(tx, org.id, '2026-11-20');
    });
    const rows = await inOrg(t.database, { organizationId: org.id }, (tx) => tx.select().from(tasks));
    otherTaskId = rows[0]?.id ?? '';
    const items = await inOrg(t.database, { organizationId: org.id }, (tx) => tx.select().from(calendarItems));
    otherCalendarId = items[0]?.id ?? '';
  });

  it('他の組織のタスク・年間計画の項目は更新できず、一覧にも出ない', async () => {
    expect(otherTaskId).not.toBe('');
    expect(
      (
        await pms.request('PATCH', `/api/tasks/${otherTaskId}`, {
          status: 'cancelled',
        })
      ).status,
    ).toBe(404);
    const item = {
      title: 'x',
      ownerRole: 'pms_manager',
      recurrence: 'yearly',
      month: 1,
      dayOfMonth: 1,
      perDepartment: false,
      active: true,
    };
    expect((await pms.request('PUT', `/api/calendar/${otherCalendarId}`, item)).status).toBe(404);
    const all = await pms.get('/api/tasks?pageSize=200');
    expect(all.body.items.map((i: { id: string }) => i.id)).not.toContain(otherTaskId);
    expect((await pms.get('/api/calendar')).body.items.map((i: { id: string }) => i.id)).not.toContain(otherCalendarId);
  });
});

describe('期限切れ（トップマネジメント）', () => {
  it('トップマネジメントの担当タスクは生成されていない（10月のマネジメントレビューは過ぎている）', async () => {
    expect((await top.get('/api/me/tasks')).body.items).toEqual([]);
  });
});
