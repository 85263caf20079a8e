import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../db/tenancy.ts';
import { tasksContract } from './tasks.contract.ts';
import { tasks } from './tasks.tables.ts';

// 期限 on the home (SPEC M16; issue #10): a PPC 速報 due in 4 days counted 0 in 「期限間近」,
// because the home counted only tasks and an incident's 報告等の義務 is not a task. The legal
// deadlines now come from the modules (manifest `deadlines`) and are counted with the tasks, by
// one definition: 期限間近 = due from today to today + 7 (Japan's calendar days), 期限超過 =
// before today.

let t: TestApp;
let pms: Client;
let sales: Client;
let staff: Client;
let incidentId: string;

/** 2026-03-02 in Japan: the day the organization 知った the loss. */
const KNOWN = '2026-03-02';

async function loginAll() {
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
}

async function setClock(at: string) {
  t.clock.set(at);
  await loginAll();
}

type Deadline = { kind: string; title: string; dueOn: string | null; daysLeft: number | null; state: string; stateLabel: string; link: string; departmentName: string | null };

async function deadlinesOf(client: Client) {
  const r = await client.call(tasksContract.myDeadlines);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const preliminary = (items: Deadline[]) => items.find((d) => d.kind === 'deadline' && d.title.includes('個人情報保護委員会への速報'));

beforeAll(async () => {
  t = await buildTestApp();
  // Start from no tasks and no demo incident duties of the real today.
  await asSystem(t.database, (tx) => tx.delete(tasks));
  await setClock(`${KNOWN}T10:00:00+09:00`);
  // 渡辺 さくら (営業部) reports the loss of a USB stick with 要配慮個人情報 of 30 people.
  const r = await staff.request('POST', '/api/incidents', { title: 'USBメモリの紛失', summary: '健診結果を保存したUSBメモリを紛失した' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  incidentId = r.body.id;
  const facts = await pms.request('PUT', `/api/incidents/${incidentId}/facts`, { facts: { profile: 'private', knownOn: KNOWN, events: ['loss'], sensitive: true, persons: 30 } });
  expect(facts.status, JSON.stringify(facts.body)).toBe(200);
});
afterAll(() => t.close());

describe('ホームの期限: 法令上の報告等の期限（規則第7条第1号 要配慮個人情報）を期限間近に数える', () => {
  it('速報（目安 3〜5日目、2026-03-06 まで）は 4 日後: 個人情報保護管理者の「期限間近」に数える（同じ日の審査機関への速報とあわせて2件）', async () => {
    const body = await deadlinesOf(pms);
    expect(body.today).toBe(KNOWN);
    expect(body.dueSoonDays).toBe(7);
    const duty = preliminary(body.items);
    expect(duty).toMatchObject({ dueOn: '2026-03-06', daysLeft: 4, state: 'due_soon', stateLabel: '期限間近', link: `/incidents/${incidentId}`, departmentName: '営業部' });
    // 確報（30日目、規則第8条第2項）は 2026-03-31: まだ期限間近ではない。
    const final = body.items.find((d) => d.kind === 'deadline' && d.title.includes('確報'));
    expect(final?.state).toBe('later');
    // The demo organization holds the Privacy Mark: the 審査機関's 速報 falls on the same day.
    expect(body.items.filter((d) => d.state === 'due_soon').map((d) => d.title)).toEqual([
      expect.stringContaining('個人情報保護委員会への速報'),
      expect.stringContaining('審査機関への事故等の速報'),
    ]);
    expect(body.counts).toMatchObject({ dueSoon: 2, overdue: 0 });
  });

  it('根本原因: タスクの件数（/api/me/tasks）には報告等の義務が入らない — ホームは期限の件数を /api/me/deadlines から取る', async () => {
    const mine = await pms.call(tasksContract.myTasks, { query: { view: 'open' } });
    expect(mine.body.counts.dueSoon).toBe(0);
    expect((await deadlinesOf(pms)).counts.dueSoon).toBe(2);
  });

  it('期限間近の境界（日本の暦日）: 7日後までは期限間近、8日後は期限前、当日は0日', async () => {
    await setClock('2026-02-27T23:30:00+09:00'); // 7 days before 03-06 (Japan), 14:30 UTC
    expect(preliminary((await deadlinesOf(pms)).items)).toMatchObject({ daysLeft: 7, state: 'due_soon' });
    await setClock('2026-02-26T23:59:00+09:00');
    expect(preliminary((await deadlinesOf(pms)).items)).toMatchObject({ daysLeft: 8, state: 'later' });
    // 2026-03-06 00:10 in Japan is still 03-05 in UTC: the day counts in Japan.
    await setClock('2026-03-06T00:10:00+09:00');
    expect(preliminary((await deadlinesOf(pms)).items)).toMatchObject({ daysLeft: 0, state: 'due_soon' });
  });

  it('見える人だけ: 営業部の所属長には出る、役割のない従業者（incidents.read なし）には出ない', async () => {
    await setClock(`${KNOWN}T10:00:00+09:00`);
    expect(preliminary((await deadlinesOf(sales)).items)?.state).toBe('due_soon');
    const mine = await deadlinesOf(staff);
    expect(mine.items.filter((d) => d.kind === 'deadline')).toEqual([]);
    expect(mine.counts.legalOpen).toBe(0);
  });

  it('期限を過ぎると期限超過に数え、所属ごとの期限超過（tasks.manage）に営業部として出る', async () => {
    await setClock('2026-03-07T09:00:00+09:00');
    const body = await deadlinesOf(pms);
    expect(preliminary(body.items)).toMatchObject({ daysLeft: -1, state: 'overdue', stateLabel: '期限超過' });
    expect(body.counts.overdue).toBeGreaterThanOrEqual(1);
    const byDept = await pms.call(tasksContract.overdueByDepartment);
    expect(byDept.status).toBe(200);
    expect(byDept.body.items.find((i) => i.departmentName === '営業部')).toMatchObject({ overdueDeadlines: 2, overdueTasks: 0 });
    expect((await staff.call(tasksContract.overdueByDepartment)).status).toBe(403);
  });

  it('速報を報告済みにすると期限から外れる', async () => {
    await setClock(`${KNOWN}T10:00:00+09:00`);
    const detail = await pms.get(`/api/incidents/${incidentId}`);
    const duty = detail.body.duties.find((d: { kind: string; active: boolean }) => d.kind === 'ppc_preliminary' && d.active);
    const done = await pms.request('PUT', `/api/incident-duties/${duty!.id}`, { status: 'done', doneOn: KNOWN, referenceNumber: 'PPC-2026-000001' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const body = await deadlinesOf(pms);
    expect(preliminary(body.items)).toBeUndefined();
    expect(body.counts.dueSoon).toBe(1);
  });
});

describe('自分のタスクも同じ定義で数える', () => {
  it('期限超過・期限間近のタスクは項目に入り（作業を開くリンクつき）、それより先のタスクは入らない', async () => {
    await setClock(`${KNOWN}T10:00:00+09:00`);
    const create = async (title: string, dueOn: string) => {
      const r = await pms.call(tasksContract.create, { body: { title, ownerRole: 'pms_manager', dueOn } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id;
    };
    const late = await create('期限超過の試験', '2026-03-01');
    const soon = await create('期限間近の試験', '2026-03-09');
    await create('期限前の試験', '2026-03-10');
    const body = await deadlinesOf(pms);
    const tasksIn = body.items.filter((d) => d.kind === 'task');
    expect(tasksIn.map((d) => [d.title, d.state, d.link])).toEqual([
      ['期限超過の試験', 'overdue', `/tasks/${late}`],
      ['期限間近の試験', 'due_soon', `/tasks/${soon}`],
    ]);
    const mine = await pms.call(tasksContract.myTasks, { query: { view: 'open' } });
    expect(mine.body.counts).toMatchObject({ overdue: 1, dueSoon: 1, dueSoonDays: 7 });
  });
});

describe('何が期限を決めるか: 法令上の報告等に数えるのは法令の期限だけ', () => {
  it('委員会への速報（法第26条）は「法令」、審査機関への速報（PA01 J.4.4.2）は「規格」、公表（通則編3-5-2「望ましい」とJ.4.4.2 3 b)）は「規格」', async () => {
    await setClock(`${KNOWN}T10:00:00+09:00`);
    const body = await deadlinesOf(pms);
    const of = (text: string) => body.items.find((d) => d.kind === 'deadline' && d.title.includes(text));
    expect(of('個人情報保護委員会への確報')).toMatchObject({ authority: 'law', authorityLabel: '法令' });
    expect(of('審査機関への事故等の確報')).toMatchObject({ authority: 'standard', authorityLabel: '規格' });
    expect(of('公表')).toMatchObject({ authority: 'standard', authorityLabel: '規格' });
    expect(body.counts.legalOpen).toBe(body.items.filter((d) => d.authority === 'law').length);
    expect(body.counts.legalOpen).toBeLessThan(body.items.filter((d) => d.kind === 'deadline').length);
    expect(body.items.filter((d) => d.kind === 'task').every((d) => d.authority === null && d.authorityLabel === null)).toBe(true);
  });

  it('開示等の請求（民間、遅滞なく）の回答期限は組織の「目標」で、法令上の報告等に数えない', async () => {
    const created = await pms.request('POST', '/api/requests', {
      kind: 'disclosure',
      channel: 'mail',
      receivedOn: KNOWN,
      requesterName: '期限 太郎',
      content: '保有個人データの開示を求めます',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = await deadlinesOf(pms);
    const request = before.items.find((d) => d.link === `/requests/${created.body.id}`);
    expect(request).toMatchObject({ kind: 'deadline', authority: 'target', authorityLabel: '目標', detail: '組織の目標（遅滞なく）' });
    expect(before.counts.legalOpen).toBe(before.items.filter((d) => d.authority === 'law').length);
  });
});
