import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { notifications } from '../../platform/notifications/notifications.tables.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { requestsContract } from '../requests/requests.contract.ts';

// HTTP tests of M10 不適合・是正処置 (J.7.1) against a real database, one per rule of J.7.1 h).

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
let staff: Client;
let audit: Client;
const dept: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  audit = await t.login('audit@demo.mamori.local');
  for (const d of await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)))) dept[d.name] = d.id;
});
afterAll(() => t.close());

async function record(client: Client, body: Record<string, unknown> = {}) {
  const r = await client.request('POST', '/api/corrective-actions', { sourceType: 'check', title: '施錠の不備', content: '退社時にキャビネットが施錠されていなかった', ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; number: string; departmentId: string; status: string };
}

async function approve(client: Client, requestId: string) {
  const r = await client.request('POST', `/api/approvals/${requestId}/approve`, {});
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

const planBody = { rootCause: '退社時の確認手順がない', similarCases: '他部署でも同じ手順のため可能性あり', plan: '退社時チェックリストを導入する', dueOn: '2026-06-30' };

describe('不適合の記録（J.7.1 h) 1) 発見した者）', () => {
  it('一般の従業者も記録でき、当該所属は自分の所属、所属長と個人情報保護管理者に通知', async () => {
    const r = await record(staff);
    expect(r.number).toMatch(/^CA-2026-\d{4}$/);
    expect(r).toMatchObject({ departmentId: dept.営業部, status: 'draft' });
    const [salesAccount] = await asSystem(t.database, (tx) => tx.select().from(accounts).where(eq(accounts.loginId, 'sales-head@demo.mamori.local')));
    const sent = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, salesAccount?.id ?? ''), eq(notifications.link, `/corrective-actions/${r.id}`))),
    );
    expect(sent).toHaveLength(1);
    // The finder does not manage the record afterwards (the 所属長 does) nor read the register, but follows the record they raised.
    expect((await staff.get('/api/corrective-actions')).status).toBe(403);
    const own = await staff.get(`/api/corrective-actions/${r.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: r.id, reportedByName: '渡辺 さくら' });
    expect(Object.values(own.body.abilities).every((v) => v === false)).toBe(true);
    expect((await staff.request('PATCH', `/api/corrective-actions/${r.id}`, { rootCause: '手順がない' })).status).toBe(403);
  });

  it('入力誤りは項目名つきの日本語（内容なし 400、契機の記録へのリンクは事案のみ 422）', async () => {
    const missing = await staff.request('POST', '/api/corrective-actions', { sourceType: 'audit', title: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toContainEqual({ path: 'content', message: '不適合の内容を入力してください' });
    const badSource = await staff.request('POST', '/api/corrective-actions', { sourceType: 'audit', sourceId: '00000000-0000-4000-8000-000000000000', title: 'x', content: 'y' });
    expect(badSource.status).toBe(422);
    expect(badSource.body.error.fields?.[0]?.path).toBe('sourceId');
    const badKind = await staff.request('POST', '/api/corrective-actions', { sourceType: 'rumour', title: 'x', content: 'y' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toContain('発見の契機');
  });
});

describe('所属の範囲（所属長は自部署の是正処置を扱う）', () => {
  it('営業部長は営業部の記録を変更でき、総務部の記録は 403。個人情報保護管理者と監査責任者は全部署', async () => {
    const own = await record(staff);
    const other = await record(pms, { title: '総務部の不備' });
    expect((await sales.request('PATCH', `/api/corrective-actions/${own.id}`, { rootCause: '手順がない' })).status).toBe(200);
    expect((await sales.request('PATCH', `/api/corrective-actions/${other.id}`, { rootCause: '手順がない' })).status).toBe(403);
    expect((await audit.request('PATCH', `/api/corrective-actions/${other.id}`, { rootCause: '手順がない' })).status).toBe(200);
    // Moving a record to a department one does not manage is refused.
    expect((await sales.request('PATCH', `/api/corrective-actions/${own.id}`, { departmentId: dept.総務部 })).status).toBe(403);
  });
});

describe('処置計画の承認（J.7.1 h) 2)・3): 所属長が申請 → 個人情報保護管理者 → トップマネジメント）', () => {
  let id: string;
  beforeAll(async () => {
    id = (await record(staff)).id;
  });

  it('不適合の内容・根本原因・処置計画・期限が揃うまで申請できない（422、足りない項目を列挙）', async () => {
    const r = await sales.request('POST', `/api/corrective-actions/${id}/submit-plan`);
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.map((f: { path: string }) => f.path)).toEqual(['rootCause', 'plan', 'dueOn']);
  });

  it('計画の承認前に実施は記録できない（h) 4) 承認された処置計画に従って実施）', async () => {
    const r = await sales.request('PATCH', `/api/corrective-actions/${id}`, { implementation: 'チェックリストを配布', implementedOn: '2026-05-11' });
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.[0]?.path).toBe('implementation');
  });

  it('申請すると承認待ち、変更は取下げまで不可。個人情報保護管理者 → トップマネジメントの承認で実施中', async () => {
    expect((await sales.request('PATCH', `/api/corrective-actions/${id}`, planBody)).status).toBe(200);
    const submitted = await sales.request('POST', `/api/corrective-actions/${id}/submit-plan`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await pms.get(`/api/corrective-actions/${id}`)).body.status).toBe('plan_pending');
    expect((await sales.request('PATCH', `/api/corrective-actions/${id}`, { plan: '別の計画' })).status).toBe(409);
    const [request] = await asSystem(t.database, (tx) => tx.select().from(approvalRequests).where(eq(approvalRequests.id, submitted.body.approvalRequestId)));
    expect(request?.steps.map((s) => s.role)).toEqual(['pms_manager', 'top_management']);
    await approve(pms, submitted.body.approvalRequestId);
    await approve(top, submitted.body.approvalRequestId);
    const d = (await pms.get(`/api/corrective-actions/${id}`)).body;
    expect(d.status).toBe('in_progress');
    expect(d.planApproval.current!.stamps.map((s: { actorName: string }) => s.actorName)).toEqual(['佐藤 花子', '山田 太郎']);
  });

  it('承認済みの計画を変えると再承認（Principle 3）', async () => {
    const r = await sales.request('PATCH', `/api/corrective-actions/${id}`, { dueOn: '2026-07-31' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('plan_pending');
    const d = (await pms.get(`/api/corrective-actions/${id}`)).body;
    expect(d.planApproval.current!.status).toBe('pending');
    expect(d.planApproval.history[0]!.status).toBe('superseded');
    await approve(pms, d.planApproval.current!.requestId);
    await approve(top, d.planApproval.current!.requestId);
    expect((await pms.get(`/api/corrective-actions/${id}`)).body.status).toBe('in_progress');
  });
});

describe('処置結果と有効性のレビュー（J.7.1 h) 4)〜6)、J.7.1 3）', () => {
  let id: string;
  beforeAll(async () => {
    id = (await record(staff, { title: '結果の試験' })).id;
    await sales.request('PATCH', `/api/corrective-actions/${id}`, planBody);
    const submitted = await sales.request('POST', `/api/corrective-actions/${id}/submit-plan`);
    await approve(pms, submitted.body.approvalRequestId);
    await approve(top, submitted.body.approvalRequestId);
  });

  it('有効性のレビューは個人情報保護管理者だけが記入できる（h) 6)）。実施の記録が先（1 d)）', async () => {
    const bySales = await sales.request('PATCH', `/api/corrective-actions/${id}`, { effectivenessReview: '効果あり', effective: true });
    expect(bySales.status).toBe(403);
    expect(bySales.body.error.message).toContain('個人情報保護管理者');
    const tooEarly = await pms.request('PATCH', `/api/corrective-actions/${id}`, { effectivenessReview: '効果あり', effective: true });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.error.fields?.[0]?.path).toBe('effectivenessReview');
    // issue 10: the judgement is named by the form's two choices, never 「true（有効）又は false」.
    const notJudgement = await pms.request('PATCH', `/api/corrective-actions/${id}`, { effective: 'はい' });
    expect(notJudgement.status).toBe(400);
    expect(notJudgement.body.error.fields).toContainEqual({ path: 'effective', message: '有効性の判定は「有効」か「有効でない」で指定してください' });
  });

  it('実施日に未来の日付は不可。結果の申請には実施内容と有効性のレビューが要る', async () => {
    expect((await sales.request('PATCH', `/api/corrective-actions/${id}`, { implementation: '配布', implementedOn: '2026-05-20' })).status).toBe(422);
    expect((await sales.request('PATCH', `/api/corrective-actions/${id}`, { implementation: 'チェックリストを配布し運用開始', implementedOn: '2026-05-11' })).status).toBe(200);
    const r = await sales.request('POST', `/api/corrective-actions/${id}/submit-result`);
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.map((f: { path: string }) => f.path)).toEqual(['effectivenessReview', 'effective']);
  });

  it('個人情報保護管理者がレビュー → 所属長が結果を申請 → 管理者 → トップの承認で完了。完了後は変更できない', async () => {
    const review = await pms.request('PATCH', `/api/corrective-actions/${id}`, { effectivenessReview: '1か月間、施錠漏れなし', effective: true });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body).toMatchObject({ effective: true, effectivenessReviewedOn: '2026-05-11' });
    const submitted = await sales.request('POST', `/api/corrective-actions/${id}/submit-result`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await pms.get(`/api/corrective-actions/${id}`)).body.status).toBe('result_pending');
    await approve(pms, submitted.body.approvalRequestId);
    await approve(top, submitted.body.approvalRequestId);
    const d = (await pms.get(`/api/corrective-actions/${id}`)).body;
    expect(d).toMatchObject({ status: 'closed', effectivenessReviewedByName: '佐藤 花子' });
    expect(d.resultApproval.current!.stamps.map((s: { actorName: string }) => s.actorName)).toEqual(['佐藤 花子', '山田 太郎']);
    expect((await pms.request('PATCH', `/api/corrective-actions/${id}`, { title: '変更' })).status).toBe(409);
  });

  it.skipIf(skipPdfChecks)('是正処置実施記録（PDF）に計画・結果・承認印が載る', async () => {
    const r = await pms.request('GET', `/api/corrective-actions/${id}/record.pdf`);
    expect(r.status).toBe(200);
    const text = pdfText(r.raw).replace(/\s+/g, '');
    for (const item of ['是正処置実施記録', '根本原因', '処置計画', '有効性のレビュー', '1か月間、施錠漏れなし', '佐藤花子', '山田太郎']) expect(text, item).toContain(item);
  });
});

describe('一覧', () => {
  it('状態・契機で絞り込める。閲覧は corrective.read（一般の従業者は 403）', async () => {
    const all = await pms.get('/api/corrective-actions?pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(3);
    const closed = await pms.get('/api/corrective-actions?status=closed');
    expect(closed.body.items.every((i: { status: string }) => i.status === 'closed')).toBe(true);
    const fromIncidents = await pms.get('/api/corrective-actions?sourceType=incident');
    expect(fromIncidents.body.items.every((i: { sourceType: string }) => i.sourceType === 'incident')).toBe(true);
    expect((await staff.get('/api/corrective-actions')).status).toBe(403);
  });
});

describe('できること（abilities: 画面のボタンはサーバーの判定に従う）', () => {
  const abilitiesOf = async (client: Client, id: string) => (await client.get(`/api/corrective-actions/${id}`)).body.abilities;
  const none = { edit: false, editPlan: false, recordImplementation: false, reviewEffectiveness: false, submitPlan: false, submitResult: false };

  it('計画作成中は所属長が計画を書いて申請、承認待ちは誰も変更できず、実施中は所属長が実施と結果の申請、個人情報保護管理者がレビュー', async () => {
    const { id } = await record(staff, { title: 'できることの試験' });
    expect(await abilitiesOf(sales, id)).toEqual({ ...none, edit: true, editPlan: true, submitPlan: true });
    expect(await abilitiesOf(top, id)).toEqual(none);
    await sales.request('PATCH', `/api/corrective-actions/${id}`, planBody);
    const submitted = await sales.request('POST', `/api/corrective-actions/${id}/submit-plan`);
    expect(await abilitiesOf(sales, id)).toEqual(none);
    expect(await abilitiesOf(pms, id)).toEqual(none);
    await approve(pms, submitted.body.approvalRequestId);
    await approve(top, submitted.body.approvalRequestId);
    expect(await abilitiesOf(sales, id)).toEqual({ ...none, edit: true, editPlan: true, recordImplementation: true, submitResult: true });
    expect(await abilitiesOf(pms, id)).toEqual({ edit: true, editPlan: true, recordImplementation: true, reviewEffectiveness: true, submitPlan: false, submitResult: true });
  });

  it('他部署の記録では所属長は何もできない（閲覧のみ）', async () => {
    const other = await record(pms, { title: '総務部の記録' });
    expect(await abilitiesOf(sales, other.id)).toEqual(none);
    expect(await abilitiesOf(audit, other.id)).toEqual({ ...none, edit: true, editPlan: true, submitPlan: true });
  });
});

describe('閲覧できる人（J.7.1 h) 1) 発見者、J.7.1 g) 3) 契機の苦情。issue #11: 契機の記録の閲覧範囲に従う）', () => {
  let desk: Client;
  beforeAll(async () => {
    desk = await t.login('desk@demo.mamori.local');
  });

  /** A complaint closed by `closer` with a 是正処置 for 営業部 (J.11.1 d)); the action's id. */
  async function correctiveFromComplaint(closer: Client): Promise<string> {
    const c = await desk.call(requestsContract.create, {
      body: { receivedOn: '2026-05-08', channel: 'phone', kind: 'complaint', requesterName: '苦情 三郎', content: '説明が足りない' },
    });
    expect(c.status).toBe(201);
    const closed = await closer.call(requestsContract.closeComplaint, {
      params: { id: c.body.id },
      body: { closedOn: '2026-05-11', causeAndAction: '説明の手順がなかった', openCorrective: true, correctiveDepartmentId: dept.営業部 },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    return closed.body.correctiveActionId ?? '';
  }

  it('苦情相談窓口責任者は苦情から起票した是正処置を開ける（閲覧のみ、PDF も）', async () => {
    const id = await correctiveFromComplaint(desk);
    const r = await desk.get(`/api/corrective-actions/${id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ sourceType: 'complaint', reportedByName: '伊藤 直樹', departmentName: '営業部' });
    expect(r.body.complaint).not.toBeNull();
    expect(Object.values(r.body.abilities).every((v) => v === false)).toBe(true);
    expect((await desk.request('GET', `/api/corrective-actions/${id}/record.pdf`)).status).toBe(200);
  });

  it('他の人が苦情から起票した是正処置も、その苦情を閲覧できる苦情相談窓口責任者は開ける', async () => {
    const id = await correctiveFromComplaint(pms);
    expect((await desk.get(`/api/corrective-actions/${id}`)).status).toBe(200);
  });

  it('権限のない従業者・苦情相談窓口責任者は、自分が記録していない苦情以外の是正処置を読めない（403、PDF も）', async () => {
    const other = await record(pms, { title: '閲覧範囲の試験' });
    for (const client of [staff, desk]) {
      const r = await client.get(`/api/corrective-actions/${other.id}`);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe('この是正処置を閲覧する権限がありません');
      expect((await client.request('GET', `/api/corrective-actions/${other.id}/record.pdf`)).status).toBe(403);
    }
    const fromComplaint = await correctiveFromComplaint(desk);
    expect((await staff.get(`/api/corrective-actions/${fromComplaint}`)).status).toBe(403);
  });
});
