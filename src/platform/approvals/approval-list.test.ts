import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { departments, people } from '../org/org.tables.ts';
import { approvalsContract } from './approvals.contract.ts';

// 承認の一覧 (issue 10 「/approvals」: the inbox with filters and history): what waits for me —
// also as 代行者 —, what I submitted and what I decided, with the record type, status, submitted
// period and department filters, paged; each person sees only their own part.

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
let staff: Client;
const person: Record<string, string> = {};
const dept: Record<string, string> = {};
let ownRequestId = '';

const today = () => todayInJapan(t.clock.now());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await buildTestApp();
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const p of await tx.select().from(people)) person[p.name] = p.id;
    for (const d of await tx.select().from(departments)) dept[d.name] = d.id;
  });
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  // The 個人情報保護管理者 (also 総務部の所属長) files a 新規取得申請 of 総務部.
  const filed = await pms.request('POST', '/api/inventory/requests', {
    kind: 'acquisition',
    proposed: {
      name: '来客受付簿',
      departmentId: dept['総務部'],
      items: ['氏名', '会社名', '来訪日時'],
      purpose: '来客の受付と入館管理のため',
      storageLocation: '総務部の施錠キャビネット',
      storageMethod: { media: 'paper', description: '受付簿の綴り' },
      accessHolderIds: [person['佐藤 花子'], person['伊藤 直樹']],
      useUntil: { description: '来訪後1年' },
      retainUntil: { date: addDays(today(), 365) },
      recordCount: { value: 500, approximate: true },
      acquisitionMethods: ['direct_written'],
    },
    reason: '来客受付を記録するため',
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  ownRequestId = filed.body.approvalRequestId!;
});
afterAll(() => t.close());

const list = (client: Client, query: Record<string, string | number>) => client.call(approvalsContract.list, { query: query as never });

describe('承認の一覧（GET /api/approvals）', () => {
  it('自分が承認する申請: 個人情報保護管理者にはデモの役割任命申請、トップマネジメントには代行者として個人情報保護管理者自身の新規取得申請', async () => {
    const forPms = await list(pms, { view: 'waiting' });
    expect(forPms.status, JSON.stringify(forPms.body)).toBe(200);
    expect(forPms.body.items.map((i) => i.recordType)).toContain('role_request');
    expect(forPms.body.items.map((i) => i.id)).not.toContain(ownRequestId);
    const forTop = await list(top, { view: 'waiting' });
    const own = forTop.body.items.find((i) => i.id === ownRequestId);
    expect(own).toMatchObject({
      recordTypeLabel: '新規個人情報取得申請書',
      title: '新規個人情報取得申請書: 来客受付簿',
      departmentName: '総務部',
      status: 'pending',
      statusLabel: '承認待ち',
      stepLabel: '個人情報保護管理者',
      submittedByName: '佐藤 花子',
      link: `/approvals/${ownRequestId}`,
      currentApproversNote: '申請者本人が個人情報保護管理者のため、この段はトップマネジメント（山田 太郎）が承認します',
    });
    // The filter offers the record types the app has.
    expect(forTop.body.recordTypes.map((r) => r.type)).toEqual(expect.arrayContaining(['role_request', 'inventory_acquisition', 'risk_assessment', 'incident_closure']));
    expect(forTop.body.recordTypes.map((r) => r.type)).not.toContain('training_plan');
    // An employee with no approving role has nothing waiting.
    expect((await list(staff, { view: 'waiting' })).body).toMatchObject({ items: [], total: 0 });
  });

  it('自分の申請: 申請者には承認待ちの段と、誰がなぜ承認するかが出る。他人の申請は出ない', async () => {
    const mine = await list(pms, { view: 'submitted' });
    expect(mine.status).toBe(200);
    expect(mine.body.items.find((i) => i.id === ownRequestId)?.currentApproversNote).toContain('トップマネジメント（山田 太郎）が承認します');
    expect((await list(sales, { view: 'submitted' })).body.items.map((i) => i.id)).not.toContain(ownRequestId);
  });

  it('絞り込み: 記録の種類・状態・申請日・所属。ページ分け（total と pageSize）', async () => {
    const byType = await list(top, { view: 'waiting', recordType: 'role_request' });
    expect(byType.body.items.every((i) => i.recordType === 'role_request')).toBe(true);
    expect(byType.body.items.map((i) => i.id)).not.toContain(ownRequestId);
    const byDept = await list(pms, { view: 'submitted', departmentId: dept['総務部'] ?? '' });
    expect(byDept.body.items.map((i) => i.id)).toContain(ownRequestId);
    expect((await list(pms, { view: 'submitted', departmentId: dept['営業部'] ?? '' })).body.items.map((i) => i.id)).not.toContain(ownRequestId);
    expect((await list(pms, { view: 'submitted', status: 'approved' })).body.items.map((i) => i.id)).not.toContain(ownRequestId);
    // 申請日 accepts what the app displays (2026/11/28) and ISO; the day is a Japanese calendar day.
    expect((await list(pms, { view: 'submitted', submittedFrom: today().replaceAll('-', '/'), submittedTo: today() })).body.items.map((i) => i.id)).toContain(ownRequestId);
    expect((await list(pms, { view: 'submitted', submittedFrom: addDays(today(), 1) })).body.items).toEqual([]);
    expect((await list(pms, { view: 'submitted', submittedTo: addDays(today(), -1) })).body.items.map((i) => i.id)).not.toContain(ownRequestId);
    const paged = await list(pms, { view: 'waiting', pageSize: 1, page: 1 });
    expect(paged.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(paged.body.items.length).toBeLessThanOrEqual(1);
    expect(paged.body.total).toBeGreaterThanOrEqual(paged.body.items.length);
  });

  it('不正な絞り込みは 4xx、項目名つきの日本語のエラー', async () => {
    const badDate = await pms.request('GET', '/api/approvals?view=submitted&submittedFrom=2026-02-30');
    expect(badDate.status).toBeGreaterThanOrEqual(400);
    expect(badDate.status).toBeLessThan(500);
    expect(badDate.body.error.fields?.[0]?.path).toBe('submittedFrom');
    expect(badDate.body.error.fields?.[0]?.message).toContain('申請日（から）');
    const reversed = await pms.request('GET', `/api/approvals?view=submitted&submittedFrom=${today()}&submittedTo=${addDays(today(), -1)}`);
    expect(reversed.body.error.fields?.[0]).toMatchObject({ path: 'submittedTo', message: '申請日（まで）は申請日（から）以降にしてください' });
    const badView = await pms.request('GET', '/api/approvals?view=everything');
    expect(badView.body.error.fields?.[0]?.message).toBe('一覧の種類の値が正しくありません');
  });

  it('自分が承認・差し戻した申請: 日時とコメントつきで残り、申請者の一覧では承認済みになる', async () => {
    const approved = await top.request('POST', `/api/approvals/${ownRequestId}/approve`, { comment: '代行して承認します' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const decided = await list(top, { view: 'decided' });
    expect(decided.body.items.find((i) => i.id === ownRequestId)).toMatchObject({
      status: 'approved',
      statusLabel: '承認済み',
      stepLabel: null,
      myDecision: { action: 'approve', actionLabel: '承認', stepLabel: '個人情報保護管理者', comment: expect.stringContaining('代行して承認します'), onBehalfOfName: null },
    });
    expect((await list(top, { view: 'waiting' })).body.items.map((i) => i.id)).not.toContain(ownRequestId);
    const mine = await list(pms, { view: 'submitted', status: 'approved' });
    expect(mine.body.items.find((i) => i.id === ownRequestId)).toMatchObject({ status: 'approved', currentApproversNote: null });
    // The submitter's own passed step (申請をもって経由) is not a decision of theirs.
    expect((await list(pms, { view: 'decided' })).body.items.map((i) => i.id)).not.toContain(ownRequestId);
  });
});
