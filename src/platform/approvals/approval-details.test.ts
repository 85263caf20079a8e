import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { departments, people } from '../org/org.tables.ts';
import { approvalsContract } from './approvals.contract.ts';

// Issue 10 「承認の詳細は読める日本語で」: every record type presents its snapshot (its
// `<m>.snapshot.ts`), so what an approver sees has Japanese labels and values — no JSON, no ids,
// no internal keys — and a record approved before shows what changed since. And 「承認が行き止まら
// ない」: the 個人情報保護管理者 who is also 総務部の所属長 (佐藤 花子) gets their own records —
// 新規取得申請, リスク分析, 事故等の終結, 是正処置の計画と結果 — approved end to end by
// トップマネジメント (SPEC §5.4: nobody approves their own submission).

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
const person: Record<string, string> = {};
const dept: Record<string, string> = {};

const today = () => todayInJapan(t.clock.now());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const P = (name: string) => person[name] ?? '';
const D = (name: string) => dept[name] ?? '';

beforeAll(async () => {
  t = await buildTestApp();
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const p of await tx.select().from(people)) person[p.name] = p.id;
    for (const d of await tx.select().from(departments)) dept[d.name] = d.id;
  });
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
});
afterAll(() => t.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function detailAs(client: Client, id: string) {
  const r = await client.call(approvalsContract.detail, { params: { id } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/**
 * What the approver reads is Japanese: each label has Japanese in it and no key-like word, and no
 * value is JSON, an id, a code (snake_case / camelCase / true / false) or an ISO date (the app
 * shows 2026/11/28).
 */
function expectReadable(fields: readonly { label: string; value: string | null }[]) {
  expect(fields.length).toBeGreaterThan(0);
  for (const { label, value } of fields) {
    expect(label, label).toMatch(JAPANESE);
    expect(label, label).not.toMatch(/[a-z][A-Z]|_|\b(id|ids)\b/);
    if (value === null) continue;
    expect(value, `${label}: ${value}`).not.toMatch(/[{}[\]"]/);
    expect(value, `${label}: ${value}`).not.toMatch(UUID);
    expect(value, `${label}: ${value}`).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]+\b|\b(true|false|null|undefined)\b/);
    expect(value, `${label}: ${value}`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  }
}

const field = (fields: readonly { label: string; value: string | null }[], label: string) => fields.find((f) => f.label === label)?.value;

async function approve(client: Client, id: string) {
  const r = await client.request('POST', `/api/approvals/${id}/approve`, {});
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** A complete 新規取得申請 of 総務部 (every J.3.1.1 3 item filled). */
function visitorLog() {
  return {
    name: '来客受付簿',
    departmentId: D('総務部'),
    items: ['氏名', '会社名', '来訪日時'],
    purpose: '来客の受付と入館管理のため',
    storageLocation: '総務部の施錠キャビネット',
    storageMethod: { media: 'paper', description: '受付簿の綴り' },
    accessHolderIds: [P('佐藤 花子'), P('伊藤 直樹')],
    useUntil: { description: '来訪後1年' },
    retainUntil: { date: addDays(today(), 365) },
    recordCount: { value: 500, approximate: true },
    acquisitionMethods: ['direct_written'],
  };
}

let entryId = '';

describe('役割任命申請（J.2.3.1）', () => {
  it('承認待ち一覧の申請の詳細は、対象者・役割・所属・開始日を日本語で示す', async () => {
    const inbox = await pms.call(approvalsContract.inbox);
    const item = inbox.body.items.find((i) => i.recordType === 'role_request');
    expect(item).toBeDefined();
    const detail = await detailAs(pms, item?.id ?? '');
    expectReadable(detail.request.snapshotFields);
    expect(field(detail.request.snapshotFields, '役割')).toBe('個人情報取扱責任者');
    expect(detail.request.changes).toBeNull();
  });
});

describe('新規個人情報取得申請書・個人情報取扱変更等申請書（J.3.1.1 c)–d)、J.8.6）', () => {
  it('個人情報保護管理者（総務部の所属長）の新規取得申請: 台帳の項目を日本語で示し、トップマネジメントの承認で台帳に載る', async () => {
    const filed = await pms.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: visitorLog(), reason: '来客受付を記録するため' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const seen = await detailAs(top, filed.body.approvalRequestId!);
    const fields = seen.request.snapshotFields;
    expectReadable(fields);
    expect(field(fields, '申請の種類')).toBe('新規個人情報取得申請書');
    expect(field(fields, '個人情報の名称')).toBe('来客受付簿');
    expect(field(fields, '所管部署')).toBe('総務部');
    expect(field(fields, '個人情報の項目')).toBe('氏名、会社名、来訪日時');
    expect(field(fields, 'アクセス権を有する者')).toBe('佐藤 花子、伊藤 直樹');
    expect(field(fields, '保管媒体')).toBe('紙');
    expect(field(fields, '件数')).toBe('約500件');
    expect(field(fields, '取得方法')).toBe('本人から直接書面（Webフォームを含む）');
    expect(field(fields, '保管期限')).toBe(addDays(today(), 365).replaceAll('-', '/'));
    expect(field(fields, '申請の理由')).toBe('来客受付を記録するため');
    expect(seen.request.changes).toBeNull();
    // The 所属長 step was passed by the submission, the 個人情報保護管理者 step goes to the 代行者.
    expect(seen.request.currentApprovers).toMatchObject({ kind: 'alternate', names: ['山田 太郎'] });
    expect(seen.request.abilities.approve).toBe(true);
    const done = await approve(top, filed.body.approvalRequestId!);
    expect(done.request.status).toBe('approved');
    entryId = (await pms.get(`/api/inventory/requests/${filed.body.id}`)).body.entryId!;
    expect(entryId).toMatch(UUID);
  });

  it('変更申請の詳細は、台帳の現在の版との違い（変更前・変更後）を項目名で示す', async () => {
    const entry = await pms.get(`/api/inventory/entries/${entryId}`);
    const filed = await pms.request('POST', '/api/inventory/requests', {
      kind: 'change',
      entryId,
      proposed: { ...entry.body.content, purpose: '来客の受付・入館管理と緊急時の所在確認のため', items: ['氏名', '会社名', '来訪日時', '連絡先'] },
      reason: '緊急時の連絡に使うため',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const seen = await detailAs(top, filed.body.approvalRequestId!);
    expectReadable(seen.request.snapshotFields);
    expect(field(seen.request.snapshotFields, '変更する台帳の版')).toBe('第1版');
    const changes = seen.request.changes;
    expect(changes?.basis).toBe('台帳の現在の版（第1版）');
    expect(changes?.fields.map((f) => f.label)).toEqual(['個人情報の項目', '利用目的']);
    expect(changes?.fields[1]).toMatchObject({ before: '来客の受付と入館管理のため', after: '来客の受付・入館管理と緊急時の所在確認のため' });
    expectReadable((changes?.fields ?? []).map((f) => ({ label: f.label, value: f.before })));
    expect((await pms.request('POST', `/api/approvals/${filed.body.approvalRequestId}/withdraw`)).status).toBe(200);
  });
});

/** A row of the リスク分析対策表 with everything the engine asks for. */
function riskRow(phase: string, overrides: Record<string, unknown> = {}) {
  return {
    phase,
    threat: 'leak',
    risk: `来客受付簿が${phase === 'storage' ? '保管中に' : ''}漏えいする`,
    ownerPersonId: P('佐藤 花子'),
    likelihood: 1,
    impact: 2,
    countermeasures: [{ text: '手順を定めて教育する', refs: ['J.9.2'] }],
    ...overrides,
  };
}

describe('リスク分析対策表（J.3.1.3: 所属長 → 個人情報保護管理者 → トップマネジメント）', () => {
  it('各リスクを局面・脅威・評価・対策・残留リスクの行で示し、個人情報保護管理者自身の対策表はトップマネジメントが承認する', async () => {
    const created = await pms.request('POST', '/api/risk/assessments', { departmentId: D('総務部'), category: '来客受付', entryIds: [entryId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const rows = ['acquisition', 'transfer', 'use', 'storage', 'disposal'].map((p) => riskRow(p));
    rows[3] = riskRow('storage', {
      likelihood: 2,
      impact: 2,
      residualDescription: '施錠の確認漏れは残る',
      residualMeasure: '月次で施錠を点検する',
      residualMonitoringDate: addDays(today(), 90),
    });
    const saved = await pms.request('PUT', `/api/risk/assessments/${id}/records`, { records: rows });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await pms.request('POST', `/api/risk/assessments/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const seen = await detailAs(top, submitted.body.approvalRequestId!);
    const fields = seen.request.snapshotFields;
    expectReadable(fields);
    expect(field(fields, '類型')).toBe('来客受付');
    expect(field(fields, '対象の個人情報（台帳の版）')).toBe('来客受付簿（第1版）');
    expect(field(fields, 'リスクの数')).toBe('5件');
    const storage = fields.find((f) => f.label.startsWith('リスク4'));
    expect(storage?.label).toBe('リスク4（保管・バックアップ／漏えい）');
    expect(storage?.value).toContain('想定されるリスク: 来客受付簿が保管中に漏えいする');
    expect(storage?.value).toContain('リスク所有者: 佐藤 花子');
    expect(storage?.value).toContain('発生可能性 2 × 影響度 2 ＝ リスク総合評価 4');
    expect(storage?.value).toContain('リスク対策: ・手順を定めて教育する');
    expect(storage?.value).toContain('残存リスク対応策: 月次で施錠を点検する');
    expect(storage?.value).toContain(`次回モニタリング日: ${addDays(today(), 90).replaceAll('-', '/')}`);
    expect(seen.request.currentApprovers?.names).toEqual(['山田 太郎']);
    expect((await approve(top, submitted.body.approvalRequestId!)).request.status).toBe('approved');
  });
});

describe('緊急事態・事故等の終結（J.4.4.2: 個人情報保護管理者 → トップマネジメント）', () => {
  it('個人情報保護管理者が自分で終結を申請でき、トップマネジメントが報告等の義務ごとの対応を日本語で読んで承認する', async () => {
    const reported = await pms.request('POST', '/api/incidents', { title: '来客受付簿の置き忘れ', summary: '受付簿を会議室に置き忘れた', departmentId: D('総務部') });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const id = reported.body.id;
    const facts = await pms.request('PUT', `/api/incidents/${id}/facts`, { facts: { profile: 'private', knownOn: today(), events: ['loss'], sensitive: true, persons: 30 } });
    expect(facts.status, JSON.stringify(facts.body)).toBe(200);
    const incident = await pms.get(`/api/incidents/${id}`);
    for (const duty of incident.body.duties.filter((d: { active: boolean }) => d.active)) {
      const r = await pms.request('PUT', `/api/incident-duties/${duty.id}`, { status: 'done', doneOn: today(), referenceNumber: `受付-${duty.kind.length}` });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect((await pms.request('PATCH', `/api/incidents/${id}`, { details: { cause: '受付簿の持出し手順がない', recurrencePrevention: '受付簿の定位置を決める' } })).status).toBe(
      200,
    );
    const submitted = await pms.request('POST', `/api/incidents/${id}/closure`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const seen = await detailAs(top, submitted.body.approvalRequestId);
    const fields = seen.request.snapshotFields;
    expectReadable(fields);
    expect(field(fields, '件名')).toBe('来客受付簿の置き忘れ');
    expect(field(fields, '事故等を知った日')).toBe(today().replaceAll('-', '/'));
    const duties = fields.filter((f) => f.value?.startsWith('状態: '));
    expect(duties.length).toBeGreaterThan(0);
    for (const duty of duties) expect(duty.value).toContain('状態: 対応済み');
    expect(duties.some((d) => d.label.includes('個人情報保護委員会'))).toBe(true);
    expect(seen.request.currentApprovers).toMatchObject({ kind: 'holders', names: ['山田 太郎'] });
    expect((await approve(top, submitted.body.approvalRequestId)).request.status).toBe('approved');
    expect((await pms.get(`/api/incidents/${id}`)).body.status).toBe('closed');
  });
});

describe('是正処置実施記録（J.7.1 h): 処置計画と処置結果、個人情報保護管理者 → トップマネジメント）', () => {
  it('個人情報保護管理者自身の是正処置: 計画・再承認（前回承認との違い）・結果をトップマネジメントが承認して完了する', async () => {
    const created = await pms.request('POST', '/api/corrective-actions', {
      sourceType: 'check',
      departmentId: D('総務部'),
      title: '受付簿の放置',
      content: '来客受付簿が会議室に放置されていた',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const plan = { rootCause: '受付簿の定位置がない', similarCases: '他の台帳でも可能性あり', plan: '受付簿の定位置を決めて掲示する', dueOn: addDays(today(), 30) };
    expect((await pms.request('PATCH', `/api/corrective-actions/${id}`, plan)).status).toBe(200);
    const planned = await pms.request('POST', `/api/corrective-actions/${id}/submit-plan`);
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const seenPlan = await detailAs(top, planned.body.approvalRequestId);
    expectReadable(seenPlan.request.snapshotFields);
    expect(field(seenPlan.request.snapshotFields, '発見の契機')).toBe('運用の確認・自己点検');
    expect(field(seenPlan.request.snapshotFields, '当該所属')).toBe('総務部');
    expect(field(seenPlan.request.snapshotFields, '処置計画')).toBe('受付簿の定位置を決めて掲示する');
    expect(field(seenPlan.request.snapshotFields, '実施期限')).toBe(addDays(today(), 30).replaceAll('-', '/'));
    expect(seenPlan.request.currentApprovers?.names).toEqual(['山田 太郎']);
    await approve(top, planned.body.approvalRequestId);

    // A change of the approved plan asks for re-approval; the detail shows what changed since the approval.
    expect((await pms.request('PATCH', `/api/corrective-actions/${id}`, { plan: '受付簿の定位置を決めて掲示し、退社時に確認する' })).status).toBe(200);
    const record = await pms.get(`/api/corrective-actions/${id}`);
    const again = record.body.planApproval.current!.requestId;
    const seenAgain = await detailAs(top, again);
    expect(seenAgain.request.changes).toMatchObject({
      basis: '前回承認された版',
      fields: [{ label: '処置計画', before: '受付簿の定位置を決めて掲示する', after: '受付簿の定位置を決めて掲示し、退社時に確認する' }],
    });
    expect(seenAgain.request.changes?.approvedAt).not.toBeNull();
    await approve(top, again);

    const result = { implementation: '定位置を決めて掲示した', implementedOn: today(), effectivenessReview: '2週間、放置なし', effective: true };
    expect((await pms.request('PATCH', `/api/corrective-actions/${id}`, result)).status).toBe(200);
    const finished = await pms.request('POST', `/api/corrective-actions/${id}/submit-result`);
    expect(finished.status, JSON.stringify(finished.body)).toBe(201);
    const seenResult = await detailAs(top, finished.body.approvalRequestId);
    expectReadable(seenResult.request.snapshotFields);
    expect(field(seenResult.request.snapshotFields, '処置の実施内容')).toBe('定位置を決めて掲示した');
    expect(field(seenResult.request.snapshotFields, '有効性の判定')).toBe('有効');
    await approve(top, finished.body.approvalRequestId);
    expect((await pms.get(`/api/corrective-actions/${id}`)).body.status).toBe('closed');
  });
});

describe('個人情報管理台帳の見直し（J.3.1.1 留意事項）', () => {
  it('見直しの詳細は、年・所属・昨年との違い・項目ごとの判断を日本語で示す', async () => {
    const year = Number(today().slice(0, 4));
    const started = await pms.request('POST', '/api/inventory/reviews', { departmentId: D('総務部'), year });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    for (const item of started.body.items) {
      const r = await pms.request('POST', `/api/inventory/reviews/${started.body.id}/confirm`, { subjectId: item.subjectId });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const submitted = await pms.request('POST', `/api/inventory/reviews/${started.body.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const stamps = await pms.call(approvalsContract.stamps, { query: { recordType: 'inventory_review', recordId: started.body.id } });
    const requestId = stamps.body.current?.requestId ?? '';
    const seen = await detailAs(top, requestId);
    const fields = seen.request.snapshotFields;
    expectReadable(fields);
    expect(field(fields, '見直しの年')).toBe(`${year}年`);
    expect(field(fields, '所属')).toBe('総務部');
    expect(field(fields, '来客受付簿')).toBe('判断: 変更なし');
    expect(field(fields, '昨年との違い')).toContain('比較の対象: ');
  });
});

describe('申請内容の表示（画面には記載内容だけ）', () => {
  it('営業部の所属長から見ても、他の申請の内容は同じく日本語の項目で返る（snapshotFields は常に配列）', async () => {
    const inbox = await pms.call(approvalsContract.inbox);
    for (const item of inbox.body.items) {
      const detail = await detailAs(pms, item.id);
      expect(Array.isArray(detail.request.snapshotFields)).toBe(true);
      expectReadable(detail.request.snapshotFields);
    }
    expect(sales).toBeDefined();
  });
});
