import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { calendarItems, tasks } from '../../platform/tasks/tasks.tables.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { lawsContract as C } from './laws.contract.ts';
import { laws } from './laws.tables.ts';

// 法令規範一覧の見直し (J.1.3 c: 毎年12月及び随時) over real HTTP: every entry in force listed, each
// marked 確認済み / 改訂あり (what changed required) / 廃止, completion only when all are marked; it
// stamps 最終見直し日, applies 廃止, and closes the December calendar task with the review as evidence.

let t: TestApp;
let pms: Client;
let staff: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-10T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
});
afterAll(() => t.close());

describe('法令規範一覧の見直し（J.1.3 c）', () => {
  it('デモには昨年の完了した見直しがあり、役割のない従業者も見られるが開始はできない', async () => {
    const list = await staff.call(C.reviews);
    expect(list.status).toBe(200);
    expect(list.body.canStart).toBe(false);
    expect(list.body.items).toMatchObject([{ year: 2025, status: 'completed', unchecked: 0 }]);
    expect((await staff.call(C.startReview, { body: { year: 2026 } })).status).toBe(403);
  });

  it('J.1.3 c) 有効な法令規範を並べ、全件の結果が揃うまで完了できず、改訂ありは改訂の内容が必須', async () => {
    const started = await pms.call(C.startReview, { body: { year: 2026 } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const active = (await pms.call(C.list, { query: { status: 'active' } })).body.items;
    expect(started.body.items).toHaveLength(active.length);
    expect(started.body.abilities).toEqual({ edit: true, complete: false });
    expect((await pms.call(C.startReview, { body: { year: 2026 } })).status).toBe(409);

    const id = started.body.id;
    const [first, second, ...rest] = started.body.items;
    const tooEarly = await pms.call(C.completeReview, { params: { id } });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error?.message).toContain(`結果のない法令規範が${started.body.items.length}件あります`);

    const noNote = await pms.call(C.saveReview, { params: { id }, body: { items: [{ lawId: first!.lawId, outcome: 'revised' }] } });
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(noNote.body)).toContain('改訂ありの法令規範は改訂の内容を入力してください');

    const saved = await pms.call(C.saveReview, {
      params: { id },
      body: {
        items: [
          { lawId: first!.lawId, outcome: 'revised', note: '令和8年の改正（施行日未定）を確認' },
          { lawId: second!.lawId, outcome: 'repealed' },
          ...rest.map((i) => ({ lawId: i.lawId, outcome: 'confirmed' as const })),
        ],
        note: '官報・個人情報保護委員会の公表資料を確認',
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.abilities.complete).toBe(true);

    const done = await pms.call(C.completeReview, { params: { id } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2026-12-10', completedBy: '佐藤 花子', abilities: { edit: false, complete: false } });
    const rows = await asSystem(t.database, (tx) => tx.select().from(laws).where(eq(laws.organizationId, t.demoOrganizationId)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(started.body.items.every((i) => byId.get(i.lawId)?.lastReviewedOn === '2026-12-10')).toBe(true);
    expect(byId.get(second!.lawId)?.status).toBe('repealed');
    expect(byId.get(first!.lawId)?.status).toBe('active');
    expect((await pms.call(C.saveReview, { params: { id }, body: { items: [] } })).status).toBe(409);
  });

  it('完了すると 12月の「法令規範一覧の見直し」タスクが見直しを証跡として完了になる', async () => {
    const calendar = await pms.call(tasksContract.calendar);
    expect(calendar.status).toBe(200);
    const taskRows = await asSystem(t.database, (tx) =>
      tx
        .select({ status: tasks.status, evidenceUrl: tasks.evidenceUrl, dueOn: tasks.dueOn })
        .from(tasks)
        .innerJoin(calendarItems, eq(calendarItems.id, tasks.calendarItemId))
        .where(and(eq(tasks.organizationId, t.demoOrganizationId), eq(calendarItems.code, 'legal_register_review'))),
    );
    const december = taskRows.find((r) => r.dueOn.startsWith('2026-12'));
    expect(december, JSON.stringify(taskRows)).toBeDefined();
    expect(december?.status).toBe('done');
    expect(december?.evidenceUrl).toMatch(/^\/laws\/reviews\//);
  });
});
