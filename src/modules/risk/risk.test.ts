import { todayInJapan } from '../../domain/time.ts';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { riskRecords } from './risk.tables.ts';

// HTTP tests of the リスク分析対策表 (SPEC M2) against the real database: typical-risk proposals,
// the clause-cited refusals of validateRiskRecord (422 naming the field and the clause, nothing
// written), the approval 所属長 → 個人情報保護管理者 → トップマネジメント, the entry statuses,
// re-approval, heat map, residual-risk register, exports and the yearly review.

let t: TestApp;
let pms: Client;
let sales: Client;
let top: Client;
let staff: Client;
const dept: Record<string, string> = {};
const person: Record<string, string> = {};
let entryId: string;
let assessmentId: string;

const today = () => todayInJapan(t.clock.now());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const PHASES = ['acquisition', 'transfer', 'use', 'storage', 'disposal'] as const;
const SETAGAYA = '世田谷区 事業計画書 個人情報自己点検チェックシート No.2';

/** A row with everything the engine asks for. */
function row(phase: string, overrides: Record<string, unknown> = {}) {
  return {
    phase,
    threat: 'leak',
    risk: `${phase} の局面で漏えいする`,
    ownerPersonId: person['田中 美咲'],
    likelihood: 1,
    impact: 2,
    countermeasures: [{ text: '手順を定めて教育する', refs: ['J.9.2'] }],
    ...overrides,
  };
}

async function approve(client: Client, id: string) {
  const r = await client.request('POST', `/api/approvals/${id}/approve`, {});
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function recordCount() {
  const [r] = await asSystem(t.database, (tx) => tx.select({ n: count() }).from(riskRecords));
  return r?.n ?? 0;
}

beforeAll(async () => {
  t = await buildTestApp();
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const d of await tx.select().from(departments)) dept[d.name] = d.id;
    for (const p of await tx.select().from(people)) person[p.name] = p.id;
  });
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  // A new entry of 営業部 through its 申請書 (its approval opens the risk-analysis task).
  const filed = await sales.request('POST', '/api/inventory/requests', {
    kind: 'acquisition',
    proposed: {
      name: '展示会来場者アンケート',
      departmentId: dept['営業部'],
      items: ['氏名', '会社名', 'メールアドレス', '関心のある製品'],
      purpose: '展示会後の製品案内のため',
      storageLocation: '営業部 施錠キャビネット／顧客管理システム',
      storageMethod: { media: 'both' },
      accessHolderIds: [person['田中 美咲'], person['渡辺 さくら']],
      useUntil: { description: '2年' },
      retainUntil: { date: addDays(today(), 730) },
      recordCount: { value: 800, approximate: true },
      acquisitionMethods: ['direct_written'],
      entrustedTo: ['株式会社イベント運営'],
    },
    reason: '展示会の来場者情報を取得するため',
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await approve(pms, filed.body.approvalRequestId!);
  entryId = (await sales.get(`/api/inventory/requests/${filed.body.id}`)).body.entryId!;
});
afterAll(() => t.close());

describe('リスク分析対策表の作成と典型リスクの提案', () => {
  it('承認された台帳の項目はリスク分析のタスクになり、項目名と「分析を始められるか」が載る', async () => {
    const r = await sales.get('/api/risk/tasks');
    expect(r.status).toBe(200);
    const task = r.body.items.find((i: { sourceId: string | null }) => i.sourceId === entryId);
    expect(task).toMatchObject({ sourceType: 'risk_analysis', entryName: '展示会来場者アンケート', departmentId: dept['営業部'], abilities: { start: true } });
  });

  it('類型を作ると、台帳の属性（紙・電子・委託）に応じた典型リスクが局面順に提案される', async () => {
    const created = await sales.request('POST', '/api/risk/assessments', { departmentId: dept['営業部'], category: '展示会の来場者情報', entryIds: [entryId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    assessmentId = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', criteriaVersion: 'risk-criteria-2026-01', records: [] });
    expect(created.body.criteria.threshold).toBe(4);
    // The server decides the buttons (STYLE 4): the 所属長 edits and submits the draft.
    expect(created.body.abilities).toEqual({ edit: true, submit: true, approve: false, return: false, withdraw: false });
    expect(created.body).toMatchObject({ canEdit: true, canSubmit: true });
    expect((await sales.get(`/api/inventory/entries/${entryId}`)).body.riskStatus).toBe('in_progress');
    const proposals = await sales.get(`/api/risk/assessments/${assessmentId}/proposals`);
    expect(proposals.status).toBe(200);
    const phases = proposals.body.proposals.map((p: { phase: string }) => p.phase);
    expect([...new Set(phases)]).toEqual(PHASES);
    expect(proposals.body.proposals.some((p: { typicalRiskId: string }) => p.typicalRiskId === 'tr-entrusted-handover')).toBe(true);
    // The demo organization is a company: its countermeasures cite PA01, never 世田谷区's manuals (issue 10).
    const refs = proposals.body.proposals.flatMap((p: { countermeasures: { refs: { source: string }[] }[] }) => p.countermeasures.flatMap((c) => c.refs));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r: { source: string }) => r.source === 'PA01')).toBe(true);
  });

  it('類型には同じ所管部署の台帳だけをまとめられ、他部署の所属長は作れない', async () => {
    const ga = await pms.get(`/api/inventory/entries?departmentId=${dept['総務部']}`);
    const mixed = await sales.request('POST', '/api/risk/assessments', { departmentId: dept['営業部'], category: '混在', entryIds: [entryId, ga.body.items[0]!.id] });
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.message).toContain('J.3.1.3 e)');
    const foreign = await sales.request('POST', '/api/risk/assessments', { departmentId: dept['総務部'], category: '他部署', entryIds: [ga.body.items[0]!.id] });
    expect(foreign.status).toBe(403);
    expect((await staff.get('/api/risk/assessments')).status).toBe(403);
  });
});

describe('下書きの保存と申請時の検証（validateRiskRecord、issue 10: 足りないものは申請時にまとめて示す）', () => {
  const save = (records: unknown[]) => sales.request('PUT', `/api/risk/assessments/${assessmentId}/records`, { records });
  const errorsOf = (body: { records: { violations: { severity: string; path: string; message: string }[] }[] }) =>
    body.records.flatMap((r, i) => r.violations.filter((v) => v.severity === 'error').map((v) => ({ row: i, path: v.path, message: v.message })));

  it('評価が閾値4以上で残存リスク対応策がない行も下書きとして保存でき、行に指摘が付く。会社は自社のリスク基準（J.3.1.3 1 d)）を示され、世田谷区の資料は示されない（issue 10）', async () => {
    const records = PHASES.map((p) => row(p));
    records[1] = row('transfer', { likelihood: 3, impact: 3, risk: 'メールの誤送信で来場者情報が漏えいする' });
    const r = await save(records);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(errorsOf(r.body)).toEqual([{ row: 1, path: 'residualMeasure', message: expect.stringContaining('残存リスク対応策を入力してください') }]);
    expect(errorsOf(r.body)[0]?.message).toContain('J.3.1.3 1 d)');
    expect(errorsOf(r.body)[0]?.message).not.toContain('世田谷');
    expect(errorsOf(r.body)[0]?.message).toContain('リスク総合評価が 9（閾値 4 以上）');
    expect(r.body.criteria.thresholdBasis.clause).not.toContain('世田谷');
    expect((await sales.get('/api/risk/heatmap')).body.criteria.thresholdBasis.clause).toContain('J.3.1.3 1 d)');
  });

  it('指定管理者（profile: designated_manager）には世田谷区 自己点検 No.2 を示す', async () => {
    await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'designated_manager' }).where(eq(organizations.id, t.demoOrganizationId)));
    try {
      const records = PHASES.map((p) => row(p));
      records[1] = row('transfer', { likelihood: 3, impact: 3, risk: 'メールの誤送信で来場者情報が漏えいする' });
      const r = await save(records);
      expect(errorsOf(r.body)[0]?.message).toContain(SETAGAYA);
      expect(r.body.criteria.thresholdBasis.clause).toContain('世田谷区');
    } finally {
      await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'private' }).where(eq(organizations.id, t.demoOrganizationId)));
    }
  });

  it('不適切な取扱い（不正取得・目的外利用・不正利用・開示等の拒否）を残留リスクにした行は、保存はできるが指摘が付く（J.3.1.4 留意事項）', async () => {
    const records = PHASES.map((p) => row(p));
    records[0] = row('acquisition', { threat: 'improper_acquisition', residualMeasure: '様子を見る', residualMonitoringDate: addDays(today(), 90) });
    const r = await save(records);
    expect(r.status).toBe(200);
    const [first] = errorsOf(r.body);
    expect(first).toMatchObject({ row: 0, path: 'residualDescription' });
    expect(first?.message).toContain('残留リスクとすることは認められません');
    expect(first?.message).toContain('J.3.1.4 留意事項');
  });

  it('尺度外の値は下書きでも保存できない（J.3.1.3 1 b): 評価はリスク基準の版で計算する）。1行も書かない', async () => {
    const before = await recordCount();
    const r = await save([row('use', { ownerPersonId: null, countermeasures: [], likelihood: 4 })]);
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.map((f: { path: string }) => f.path)).toEqual(['records.0.likelihood']);
    expect(await recordCount()).toBe(before);
  });

  it('申請すると、リスク所有者・対策・モニタリング日・局面の不足をすべての行について一度に示す（J.3.1.3 1 c) 3)、g)、J.3.1.4 留意事項）', async () => {
    const saved = await save([
      row('use', { ownerPersonId: null, countermeasures: [] }),
      row('storage', { likelihood: 2, impact: 2, residualMeasure: '誤送信防止ツールを導入する' }),
    ]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const r = await sales.request('POST', `/api/risk/assessments/${assessmentId}/submit`);
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.map((f: { path: string }) => f.path)).toEqual([
      'phases.acquisition',
      'phases.transfer',
      'phases.disposal',
      'records.0.ownerPersonId',
      'records.0.countermeasures',
      'records.1.residualMonitoringDate',
    ]);
    expect(r.body.error.fields?.[3]?.message).toContain('J.3.1.3 1 c) 3)');
    expect((await sales.get(`/api/risk/assessments/${assessmentId}`)).body.status).toBe('draft');
  });
});

describe('承認: 所属長 → 個人情報保護管理者 → トップマネジメント（J.3.1.3）', () => {
  it('5つの局面がそろわないと申請できない', async () => {
    const saved = await sales.request('PUT', `/api/risk/assessments/${assessmentId}/records`, { records: [row('acquisition')] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const r = await sales.request('POST', `/api/risk/assessments/${assessmentId}/submit`);
    expect(r.status).toBe(422);
    expect(r.body.error.fields?.map((f: { path: string }) => f.path)).toEqual(['phases.transfer', 'phases.use', 'phases.storage', 'phases.disposal']);
  });

  it('5つの局面を保存して申請すると個人情報保護管理者、次にトップマネジメントが承認し、台帳は「承認済」、タスクは完了、残留リスクのモニタリングのタスクができる', async () => {
    const monitoring = addDays(today(), 90);
    const records = PHASES.map((p) => row(p));
    records[1] = row('transfer', {
      likelihood: 3,
      impact: 3,
      risk: 'メールの誤送信で来場者情報が漏えいする',
      residualDescription: '人の確認だけでは防ぎきれない',
      residualMeasure: '誤送信防止ツールを導入する',
      residualMonitoringDate: monitoring,
    });
    const saved = await sales.request('PUT', `/api/risk/assessments/${assessmentId}/records`, { records });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.records.map((r: { score: number }) => r.score)).toEqual([2, 9, 2, 2, 2]);
    expect(saved.body.records[1]).toMatchObject({ atOrAboveThreshold: true, phaseLabel: '移送・送信', threatLabel: '漏えい' });
    const cell = saved.body.heatMap.cells.find((c: { likelihood: number; impact: number }) => c.likelihood === 3 && c.impact === 3);
    expect(cell).toMatchObject({ count: 1, atOrAboveThreshold: true });
    const submitted = await sales.request('POST', `/api/risk/assessments/${assessmentId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('pending');
    // Pending: frozen for its author, who may withdraw it; the 個人情報保護管理者 decides its step.
    expect(submitted.body.abilities).toEqual({ edit: false, submit: false, approve: false, return: false, withdraw: true });
    expect((await pms.get(`/api/risk/assessments/${assessmentId}`)).body.abilities).toMatchObject({ edit: false, submit: false, approve: true, return: true });
    expect((await top.get(`/api/risk/assessments/${assessmentId}`)).body.abilities).toMatchObject({ edit: false, approve: false });
    const approvalId = submitted.body.approvalRequestId!;
    const detail = await pms.get(`/api/approvals/${approvalId}`);
    expect(detail.body.request.stepLabel).toBe('個人情報保護管理者');
    // トップマネジメント cannot skip ahead.
    expect((await top.request('POST', `/api/approvals/${approvalId}/approve`, {})).status).toBe(403);
    await approve(pms, approvalId);
    expect((await pms.get(`/api/risk/assessments/${assessmentId}`)).body.status).toBe('pending');
    await approve(top, approvalId);
    const approved = await sales.get(`/api/risk/assessments/${assessmentId}`);
    expect(approved.body.status).toBe('approved');
    expect((await sales.get(`/api/inventory/entries/${entryId}`)).body.riskStatus).toBe('approved');
    const analysisTasks = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.sourceType, 'risk_analysis'), eq(tasks.sourceId, entryId))),
    );
    expect(analysisTasks.map((x) => x.status)).toEqual(['done']);
    expect(analysisTasks[0]?.evidenceUrl).toBe(`/risk/assessments/${assessmentId}`);
    const monitor = await asSystem(t.database, (tx) => tx.select().from(tasks).where(eq(tasks.sourceType, 'risk_monitoring')));
    expect(monitor.filter((m) => m.dueOn === monitoring)).toHaveLength(1);
    expect(monitor.find((m) => m.dueOn === monitoring)?.ownerPersonId).toBe(person['田中 美咲']);
  });

  it('承認後に台帳の項目が変わると「要見直し」になる（J.3.1.3 随時見直し）', async () => {
    const entry = await sales.get(`/api/inventory/entries/${entryId}`);
    const change = await sales.request('POST', '/api/inventory/requests', {
      kind: 'change',
      entryId,
      proposed: { ...entry.body.content, storageLocation: 'クラウドの顧客管理サービス' },
      reason: '保管場所の変更',
    });
    await approve(pms, change.body.approvalRequestId!);
    const after = await sales.get(`/api/inventory/entries/${entryId}`);
    expect(after.body).toMatchObject({ revision: 2, riskStatus: 'needs_review', riskStatusLabel: '要見直し' });
    const detail = await sales.get(`/api/risk/assessments/${assessmentId}`);
    expect(detail.body.entries[0]).toMatchObject({ stale: true, coveredRevision: 1, revision: 2 });
  });

  it('承認済みの対策表を直すと再承認になる（原則3）; 承認待ちの間は直せない', async () => {
    const current = await sales.get(`/api/risk/assessments/${assessmentId}`);
    const records: Record<string, unknown>[] = current.body.records.map((r) => ({
      ...r,
      violations: undefined,
      phaseLabel: undefined,
      threatLabel: undefined,
      score: undefined,
      atOrAboveThreshold: undefined,
      ownerName: undefined,
    }));
    records[3] = { ...records[3], countermeasures: [{ text: 'クラウドの多要素認証を必須にする', refs: ['J.9.2 c) 8)'] }] };
    const clean = records.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    const saved = await sales.request('PUT', `/api/risk/assessments/${assessmentId}/records`, { records: clean });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.status).toBe('pending');
    expect((await sales.get(`/api/inventory/entries/${entryId}`)).body.riskStatus).toBe('in_progress');
    const locked = await sales.request('PUT', `/api/risk/assessments/${assessmentId}/records`, { records: clean });
    expect(locked.status).toBe(409);
    const requests = await asSystem(t.database, (tx) => tx.select().from(approvalRequests).where(eq(approvalRequests.recordId, assessmentId)));
    expect(requests.map((r) => r.status).sort()).toEqual(['pending', 'superseded']);
    const pending = requests.find((r) => r.status === 'pending');
    await approve(pms, pending?.id as string);
    await approve(top, pending?.id as string);
    expect((await sales.get(`/api/inventory/entries/${entryId}`)).body.riskStatus).toBe('approved');
  });
});

describe('ヒートマップ・残留リスク管理表・出力', () => {
  it('ヒートマップは尺度の全セルの件数と、優先順位の高いリスクを返す', async () => {
    const r = await pms.get(`/api/risk/heatmap?departmentId=${dept['営業部']}`);
    expect(r.status).toBe(200);
    expect(r.body.heatMap.cells).toHaveLength(9);
    expect(r.body.top[0]).toMatchObject({ score: 9, risk: 'メールの誤送信で来場者情報が漏えいする' });
  });

  it('残留リスク管理表にモニタリング日が載り、モニタリングを記録すると次回のタスクができる', async () => {
    const register = await sales.get('/api/risk/register');
    const item = register.body.items.find((i: { risk: string }) => i.risk === 'メールの誤送信で来場者情報が漏えいする');
    expect(item).toMatchObject({
      residualMeasure: '誤送信防止ツールを導入する',
      overdue: false,
      ownerName: '田中 美咲',
      category: '展示会の来場者情報',
      abilities: { monitor: true },
    });
    // トップマネジメント reads the register but does not keep 営業部's analyses.
    const asTop = (await top.get('/api/risk/register')).body.items.find((i: { id: string }) => i.id === item!.id);
    expect(asTop!.abilities).toEqual({ monitor: false });
    const next = addDays(today(), 180);
    const logged = await sales.request('POST', `/api/risk/records/${item!.id}/monitoring`, { reviewedOn: today(), note: 'ツールの見積りを取得した', nextMonitoringDate: next });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const again = (await sales.get('/api/risk/register')).body.items.find((i: { id: string }) => i.id === item!.id);
    expect(again).toMatchObject({ nextMonitoringDate: next, lastMonitoring: { note: 'ツールの見積りを取得した', byName: '田中 美咲' } });
    const nextTask = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.sourceType, 'risk_monitoring'), eq(tasks.dueOn, next))),
    );
    expect(nextTask).toHaveLength(1);
  });

  it('リスク分析対策表を Excel（exceljs で開ける）と PDF で出力する', async () => {
    const x = await pms.request('GET', `/api/risk/assessments/${assessmentId}/export.xlsx`);
    expect(x.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(x.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['類型', '局面', '想定されるリスク', 'リスク総合評価', 'リスク対策', '関連する規程類の項番', '残存リスク対応策']));
    expect(sheet?.rowCount).toBe(6);
    expect(sheet?.getRow(3).getCell(headers.indexOf('リスク総合評価') + 1).value).toBe(9);
    const p = await pms.request('GET', `/api/risk/assessments/${assessmentId}/report.pdf`);
    expect(p.status).toBe(200);
    expect(p.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const all = await pms.request('GET', '/api/risk/export.xlsx');
    expect(all.status).toBe(200);
  });
});

describe('毎年12月の見直し（個人情報保護管理者 → トップマネジメント）', () => {
  it('承認済みで台帳が変わっていない対策表は「変更なし」で確認でき、見直し中に承認し直した対策表は「変更」、申請で昨年との差分が残り、管理者とトップが承認する', async () => {
    const year = Number(today().slice(0, 4));
    const started = await sales.request('POST', '/api/risk/reviews', { departmentId: dept['営業部'], year });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const items = started.body.items as { subjectId: string; label: string }[];
    expect(items.map((i) => i.label).sort()).toEqual(['展示会の来場者情報', '顧客情報（営業部）']);
    const demo = items.find((i) => i.label === '顧客情報（営業部）');
    const refused = await sales.request('POST', `/api/risk/reviews/${started.body.id}/confirm`, { subjectId: demo?.subjectId });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('承認済みではない');
    const ours = items.find((i) => i.label === '展示会の来場者情報');
    const confirmed = await sales.request('POST', `/api/risk/reviews/${started.body.id}/confirm`, { subjectId: ours?.subjectId, note: '変更なし' });
    expect(confirmed.status).toBe(200);
    const submit = await sales.request('POST', `/api/risk/reviews/${started.body.id}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.error.message).toContain('顧客情報（営業部）');

    // The demo analysis is completed and approved during the review: it counts as 変更.
    const demoDetail = await sales.get(`/api/risk/assessments/${demo?.subjectId}`);
    const kept = demoDetail.body.records.map((r: Record<string, unknown>) => ({
      id: r.id,
      phase: r.phase,
      threat: r.threat,
      risk: r.risk,
      ownerPersonId: r.ownerPersonId,
      likelihood: r.likelihood,
      impact: r.impact,
      countermeasures: r.countermeasures,
      residualDescription: r.residualDescription,
      residualMeasure: r.residualMeasure,
      residualMonitoringDate: r.residualMonitoringDate,
    }));
    const saved = await sales.request('PUT', `/api/risk/assessments/${demo?.subjectId}/records`, { records: [...kept, row('use'), row('disposal')] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const filed = await sales.request('POST', `/api/risk/assessments/${demo?.subjectId}/submit`);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    await approve(pms, filed.body.approvalRequestId!);
    await approve(top, filed.body.approvalRequestId!);
    const submitted = await sales.request('POST', `/api/risk/reviews/${started.body.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.items.find((i: { label: string }) => i.label === '顧客情報（営業部）')!.decision).toBe('changed');
    // Nothing was approved by the end of last year: both analyses are new against last year.
    expect(submitted.body.diff!.baselineLabel).toBe(`${year - 1}年12月31日時点で承認済みの対策表`);
    expect(submitted.body.diff!.risk!.added.map((a: { category: string }) => a.category).sort()).toEqual(['展示会の来場者情報', '顧客情報（営業部）']);
    const [approval] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(approvalRequests)
        .where(and(eq(approvalRequests.recordType, 'risk_review'), eq(approvalRequests.recordId, started.body.id))),
    );
    expect(approval?.steps.map((s) => s.role)).toEqual(['pms_manager', 'top_management']);
    await approve(pms, approval?.id as string);
    await approve(top, approval?.id as string);
    expect((await sales.get(`/api/risk/reviews/${started.body.id}`)).body.status).toBe('approved');
  });
});
