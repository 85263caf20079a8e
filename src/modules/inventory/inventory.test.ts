import { todayInJapan } from '../../domain/time.ts';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { asSystem, inOrg, readInOrg, rowsOf } from '../../platform/db/tenancy.ts';
import { testDbKind } from '../../../tests/support/testDb.ts';
import { departments, organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { calendarItems, tasks } from '../../platform/tasks/tasks.tables.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { inventoryContract } from './inventory.contract.ts';
import { runInventoryDisposalCheck } from './inventory.jobs.ts';
import { type EntryContentInput, entriesQuery } from './inventory.schema.ts';
import { createDueDisposalTasks, listEntries } from './inventory.service.ts';
import { inventoryEntries, inventoryEntryHistory, inventoryRequests } from './inventory.tables.ts';

// HTTP tests of the 個人情報管理台帳 (SPEC M1) against the real database: 申請書 → approval →
// entry with history, the clause-cited refusals, disposal tasks, search and filters, exports,
// and the yearly review. The import has its own file (inventory.import.test.ts).

let t: TestApp;
let pms: Client;
let sales: Client;
let top: Client;
const dept: Record<string, string> = {};
const person: Record<string, string> = {};

const today = () => todayInJapan(t.clock.now());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A complete entry of 営業部 (every J.3.1.1 3 item filled). */
function content(overrides: Record<string, unknown> = {}) {
  return {
    name: 'セミナー申込者名簿',
    departmentId: dept['営業部'],
    items: ['氏名', '会社名', 'メールアドレス'],
    purpose: 'セミナーの運営と関連するご案内のため',
    storageLocation: '顧客管理システム',
    storageMethod: { media: 'electronic', description: 'アクセス制限付きフォルダ' },
    accessHolderIds: [person['田中 美咲'], person['渡辺 さくら']],
    useUntil: { description: 'セミナー終了後1年' },
    retainUntil: { date: addDays(today(), 3 * 365) },
    recordCount: { value: 300, approximate: true },
    acquisitionMethods: ['direct_written'],
    ...overrides,
  };
}

async function approveAll(client: Client, approvalRequestId: string) {
  const r = await client.request('POST', `/api/approvals/${approvalRequestId}/approve`, { comment: '承認します' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function entryCount(): Promise<number> {
  const [row] = await asSystem(t.database, (tx) => tx.select({ n: count() }).from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)));
  return row?.n ?? 0;
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
});
afterAll(() => t.close());

describe('新規個人情報取得申請書 → 承認 → 台帳に登録（J.3.1.1 c)、J.8.6）', () => {
  let requestId: string;
  let approvalId: string;
  let entryId: string;

  it('所属長が申請すると、所属長の段は申請をもって経由となり、個人情報保護管理者の承認待ちになる（台帳にはまだない）', async () => {
    const before = await entryCount();
    const r = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content(),
      reason: '新規セミナーの開催に伴い申込者情報を取得するため',
      noticeDraft: '取得時の必要通知事項（セミナー申込）: 利用目的…',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'acquisition', kindLabel: '新規個人情報取得申請書', status: 'pending', entryId: null });
    // The J.8.5 duty for 本人から直接書面 is shown with its items a)–h).
    expect(r.body.duties.map((d: { clause: string }) => d.clause)).toContain('J.8.5 1');
    requestId = r.body.id;
    approvalId = r.body.approvalRequestId!;
    const approval = await pms.get(`/api/approvals/${approvalId}`);
    expect(approval.status).toBe(200);
    expect(approval.body.request.abilities.approve).toBe(true);
    expect(approval.body.request.stepLabel).toBe('個人情報保護管理者');
    expect(approval.body.stamps[0]).toMatchObject({ actorName: '田中 美咲', stepLabel: '所属長' });
    expect(approval.body.stamps[0]!.comment).toContain('経由');
    expect(await entryCount()).toBe(before);
    const inbox = await pms.get('/api/me/approvals');
    expect(inbox.body.items.some((i: { id: string }) => i.id === approvalId)).toBe(true);
  });

  it('個人情報保護管理者の承認で台帳に登録され、履歴に申請・承認者が残り、リスク分析のタスクができる', async () => {
    await approveAll(pms, approvalId);
    const request = await sales.get(`/api/inventory/requests/${requestId}`);
    expect(request.body.status).toBe('approved');
    entryId = request.body.entryId!;
    expect(entryId).toBeTruthy();
    const entry = await sales.get(`/api/inventory/entries/${entryId}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ name: 'セミナー申込者名簿', revision: 1, riskStatus: 'unanalysed', riskStatusLabel: '未分析', departmentName: '営業部' });
    expect(entry.body.accessHolders.map((a: { name: string }) => a.name)).toEqual(['田中 美咲', '渡辺 さくら']);
    expect(entry.body.history[0]).toMatchObject({ kind: 'created', requestId, requestKindLabel: '新規個人情報取得申請書', requestedByName: '田中 美咲', actorName: '佐藤 花子' });
    const myTasks = await sales.get('/api/me/tasks');
    expect(myTasks.body.items.some((task: { title: string }) => task.title === 'リスク分析: セミナー申込者名簿（新規取得）')).toBe(true);
    const riskTasks = await sales.get('/api/risk/tasks');
    expect(riskTasks.body.items.some((task) => task.sourceId === entryId && task.entryName === 'セミナー申込者名簿')).toBe(true);
  });

  it('個人情報取扱変更等申請書: 変更は承認されるまで台帳に反映されず、承認で版が上がり、何をどう変えたかが履歴に残る', async () => {
    const r = await sales.request('POST', '/api/inventory/requests', {
      kind: 'change',
      entryId,
      proposed: content({ storageLocation: 'クラウドの顧客管理サービス', accessHolderIds: [person['田中 美咲']] }),
      reason: '保管場所をクラウドに移すため',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.changes.map((c: { label: string }) => c.label)).toEqual(['保管場所', 'アクセス権を有する者']);
    expect((await sales.get(`/api/inventory/entries/${entryId}`)).body.content.storageLocation).toBe('顧客管理システム');
    // A second change of the same entry while one waits is refused.
    const second = await sales.request('POST', '/api/inventory/requests', { kind: 'change', entryId, proposed: content({ purpose: '別の目的' }), reason: '重ねて変更' });
    expect(second.status).toBe(409);
    await approveAll(pms, r.body.approvalRequestId!);
    const entry = await sales.get(`/api/inventory/entries/${entryId}`);
    expect(entry.body.revision).toBe(2);
    expect(entry.body.content.storageLocation).toBe('クラウドの顧客管理サービス');
    expect(entry.body.history[0]).toMatchObject({ revision: 2, kind: 'changed', requestId: r.body.id, requestedByName: '田中 美咲', actorName: '佐藤 花子' });
    expect(entry.body.history[0]!.changes).toEqual([
      { field: 'storageLocation', label: '保管場所', before: '顧客管理システム', after: 'クラウドの顧客管理サービス' },
      { field: 'accessHolders', label: 'アクセス権を有する者', before: ['渡辺 さくら', '田中 美咲'], after: ['田中 美咲'] },
    ]);
    // A change of handling asks for the risk analysis again (J.3.1.3).
    const riskTasks = await sales.get('/api/risk/tasks');
    expect(riskTasks.body.items.some((task: { title: string }) => task.title === 'リスク分析: セミナー申込者名簿（取扱いの変更）')).toBe(true);
  });

  it('所属長以外（個人情報取扱責任者）が申請すると、所属長が承認し、次に個人情報保護管理者が承認する', async () => {
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx.insert(roleAssignments).values({
        organizationId: t.demoOrganizationId,
        personId: person['渡辺 さくら'] as string,
        role: 'handling_manager',
        departmentId: dept['営業部'],
        startsOn: '2025-04-01',
      }),
    );
    const keeper = await t.login('staff@demo.mamori.local');
    const r = await keeper.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: content({ name: '店頭アンケート' }), reason: '店頭アンケートを始めるため' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const first = await sales.get(`/api/approvals/${r.body.approvalRequestId}`);
    expect(first.body.request).toMatchObject({ stepLabel: '所属長', abilities: { approve: true } });
    expect(first.body.stamps).toEqual([]);
    // 個人情報保護管理者 cannot skip the 所属長.
    expect((await pms.request('POST', `/api/approvals/${r.body.approvalRequestId}/approve`, {})).status).toBe(403);
    await approveAll(sales, r.body.approvalRequestId!);
    await approveAll(pms, r.body.approvalRequestId!);
    const done = await keeper.get(`/api/inventory/requests/${r.body.id}`);
    expect(done.body.status).toBe('approved');
    expect((await keeper.get(`/api/inventory/entries/${done.body.entryId}`)).body.history[0]).toMatchObject({ requestedByName: '渡辺 さくら', actorName: '佐藤 花子' });
  });

  it('変更のない変更申請は受け付けない', async () => {
    const entry = await sales.get(`/api/inventory/entries/${entryId}`);
    const r = await sales.request('POST', '/api/inventory/requests', { kind: 'change', entryId, proposed: entry.body.content, reason: '確認' });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('変更がありません');
  });
});

describe('規則による拒否（条項つき、1行も書かない）', () => {
  async function countRequests() {
    const [row] = await asSystem(t.database, (tx) => tx.select({ n: count() }).from(inventoryRequests));
    return row?.n ?? 0;
  }

  it('J.3.1.1 3 の項目が欠けていると申請できず、項目ごとに条項を示す', async () => {
    const before = await countRequests();
    const r = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: { name: '未完成の台帳', departmentId: dept['営業部'] },
      reason: 'テスト',
    });
    expect(r.status).toBe(422);
    const paths = r.body.error.fields?.map((f: { path: string }) => f.path);
    expect(paths).toEqual([
      'proposed.items',
      'proposed.purpose',
      'proposed.storageLocation',
      'proposed.storageMethod.media',
      'proposed.accessHolderIds',
      'proposed.useUntil',
      'proposed.retainUntil',
      'proposed.recordCount',
    ]);
    expect(r.body.error.fields?.[1]?.message).toBe('利用目的が未入力です（J.3.1.1 3）');
    expect(await countRequests()).toBe(before);
  });

  it('入力したものを黙って変えない（issue 10）: 500文字の名称は切り詰めず、件数 −5 は 0 にせず、欄の名前と上限を示して 400（1行も書かない）', async () => {
    const before = await countRequests();
    const long = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({ name: 'あ'.repeat(500), recordCount: { value: -5, approximate: false } }),
      reason: 'テスト',
      submit: false,
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toEqual([
      { path: 'proposed.name', message: '個人情報の名称は200文字以内で入力してください（500文字入力されています）' },
      { path: 'proposed.recordCount.value', message: '件数は0以上で入力してください（入力値: -5）' },
    ]);
    expect(await countRequests()).toBe(before);
  });

  it('下書きなら不足があっても保存でき、申請の時点で拒否する', async () => {
    const r = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: { name: '下書きの台帳', departmentId: dept['営業部'] },
      reason: '下書き',
      submit: false,
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('draft');
    expect(r.body.findings.filter((f: { severity: string }) => f.severity === 'error').length).toBe(8);
    const submit = await sales.request('POST', `/api/inventory/requests/${r.body.id}/submit`);
    expect(submit.status).toBe(422);
    expect((await sales.get(`/api/inventory/requests/${r.body.id}`)).body.status).toBe('draft');
  });

  it('要配慮個人情報は書面同意か J.8.3 2 a〜k の例外の記録が必要（理由も）', async () => {
    const noBasis = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({ name: '健康相談記録', items: ['氏名', '相談内容'], sensitive: true }),
      reason: 'テスト',
    });
    expect(noBasis.status).toBe(422);
    expect(noBasis.body.error.fields).toEqual([expect.objectContaining({ path: 'proposed.sensitiveBasis', message: expect.stringContaining('J.8.3 2 a)〜k)') })]);
    const noReason = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({ name: '健康相談記録', sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'b' } }),
      reason: 'テスト',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields?.[0]).toMatchObject({ path: 'proposed.sensitiveBasis.reason', message: 'J.8.3 2 b) に当たる理由を記入してください' });
    const badLetter = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({ name: '健康相談記録', sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'z', reason: 'x' } }),
      reason: 'テスト',
    });
    expect(badLetter.status).toBe(400);
    const ok = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({ name: '健康相談記録', sensitive: true, sensitiveBasis: { kind: 'written_consent', noticeRef: '同意書 第1版' } }),
      reason: 'テスト',
      submit: false,
    });
    expect(ok.status).toBe(201);
  });

  it('岡崎市規程 第5条2 の分類・項目は、指定管理者（profile: designated_manager）には警告（申請は止めない）、会社には示さない（issue 10）', async () => {
    const draft = () =>
      sales.request('POST', '/api/inventory/requests', {
        kind: 'acquisition',
        proposed: content({ name: '入居者台帳', items: ['氏名', '本籍', '宗教'] }),
        reason: 'テスト',
        submit: false,
      });
    const company = await draft();
    expect(company.status).toBe(201);
    expect(company.body.findings.filter((f: { code: string }) => f.code === 'okazaki_prohibited_category')).toEqual([]);
    await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'designated_manager' }).where(eq(organizations.id, t.demoOrganizationId)));
    try {
      const r = await draft();
      expect(r.status).toBe(201);
      const okazaki = r.body.findings.filter((f: { code: string }) => f.code === 'okazaki_prohibited_category');
      expect(okazaki.map((f: { path: string; severity: string }) => [f.path, f.severity])).toEqual([
        ['items.1', 'warning'],
        ['items.2', 'warning'],
      ]);
      expect(okazaki[0]!.clause).toBe('岡崎市営住宅指定管理者における個人情報保護規程 第5条2');
    } finally {
      await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'private' }).where(eq(organizations.id, t.demoOrganizationId)));
    }
  });

  it('アクセス権を有する者は組織の在籍者に限る（退職者・他組織の人は拒否）', async () => {
    const stranger = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({ accessHolderIds: ['00000000-0000-4000-8000-000000000001'] }),
      reason: 'テスト',
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.fields?.[0]?.path).toBe('proposed.accessHolderIds');
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      tx
        .update(people)
        .set({ leftOn: addDays(today(), -1) })
        .where(eq(people.id, person['小林 翔'] as string)),
    );
    const left = await sales.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: content({ accessHolderIds: [person['小林 翔']] }), reason: 'テスト' });
    expect(left.status).toBe(422);
    expect(left.body.error.message).toContain('退職した従業者（小林 翔）');
  });

  it('所属長は自所属の台帳だけを申請でき、一般の従業者は申請できない', async () => {
    const other = await sales.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: content({ departmentId: dept['総務部'] }), reason: 'テスト' });
    expect(other.status).toBe(403);
    // 苦情相談窓口責任者 holds no 台帳 role (staff@ became 個人情報取扱責任者 above).
    const desk = await t.login('desk@demo.mamori.local');
    const byDesk = await desk.request('POST', '/api/inventory/requests', { kind: 'acquisition', proposed: content(), reason: 'テスト' });
    expect(byDesk.status).toBe(403);
    expect((await desk.get('/api/inventory/entries')).status).toBe(403);
    // トップマネジメント reads the 台帳 but does not file for departments.
    expect((await top.get('/api/inventory/entries')).status).toBe(200);
  });
});

describe('できること（abilities）: 画面のボタンはサーバーが決める（STYLE 4）', () => {
  it('申請書: 下書きは申請者が修正・申請でき、申請後は申請者が取下げ、承認者が承認・差戻しできる', async () => {
    const created = await sales.call(inventoryContract.createRequest, {
      body: { kind: 'acquisition', proposed: content({ name: '展示会来場者名簿' }) as EntryContentInput, reason: '展示会の来場者を記録するため', submit: false },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect(created.body.abilities).toEqual({ edit: true, submit: true, approve: false, return: false, withdraw: false });
    // トップマネジメント reads the 申請書 but neither edits nor files it.
    expect((await top.call(inventoryContract.request, { params: { id } })).body.abilities).toEqual({ edit: false, submit: false, approve: false, return: false, withdraw: false });
    const submitted = await sales.call(inventoryContract.submitRequest, { params: { id } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.abilities).toEqual({ edit: false, submit: false, approve: false, return: false, withdraw: true });
    // The 個人情報保護管理者 holds the step the submission awaits.
    expect((await pms.call(inventoryContract.request, { params: { id } })).body.abilities).toEqual({ edit: false, submit: false, approve: true, return: true, withdraw: false });
    await approveAll(pms, submitted.body.approvalRequestId as string);
    const approved = await sales.call(inventoryContract.request, { params: { id } });
    expect(approved.body.abilities).toEqual({ edit: false, submit: false, approve: false, return: false, withdraw: false });

    // 台帳の項目: its keepers may file a change; トップマネジメント and other departments' heads may not.
    const entryId = approved.body.entryId as string;
    expect((await sales.call(inventoryContract.entry, { params: { id: entryId } })).body.abilities).toEqual({ requestChange: true });
    expect((await pms.call(inventoryContract.entry, { params: { id: entryId } })).body.abilities).toEqual({ requestChange: true });
    expect((await top.call(inventoryContract.entry, { params: { id: entryId } })).body.abilities).toEqual({ requestChange: false });
    const itHead = await t.login('security@demo.mamori.local');
    expect((await itHead.call(inventoryContract.entry, { params: { id: entryId } })).body.abilities).toEqual({ requestChange: false });
  });
});

describe('利用期限・保管期限の経過 → 消去・廃棄タスク', () => {
  it('保管期限が過ぎた項目には所属長の廃棄タスクができ、もう一度確認しても増えない', async () => {
    const r = await sales.request('POST', '/api/inventory/requests', {
      kind: 'acquisition',
      proposed: content({
        name: '旧キャンペーン応募者',
        retainUntil: { date: addDays(today(), -10) },
        useUntil: { date: addDays(today(), -40) },
        storageMethod: { media: 'paper' },
      }),
      reason: '既存台帳の登録',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await approveAll(pms, r.body.approvalRequestId!);
    const entryId = (await sales.get(`/api/inventory/requests/${r.body.id}`)).body.entryId!;
    const disposal = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.sourceType, 'inventory_disposal'), eq(tasks.sourceId, entryId))),
    );
    expect(disposal).toHaveLength(1);
    expect(disposal[0]).toMatchObject({
      title: '保管期限経過による消去・廃棄（旧キャンペーン応募者）',
      ownerRole: 'department_head',
      departmentId: dept['営業部'],
      startsOn: addDays(today(), -40 + 1),
    });
    expect(disposal[0]?.description).toContain('J.9.2 b) 6) ①');
    const again = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => createDueDisposalTasks(tx, t.demoOrganizationId, today()));
    expect(again).toBe(0);
    // The daily job (every organization, idempotent) finds nothing new either.
    expect(await runInventoryDisposalCheck(t.deps)).toEqual({ created: 0 });
    const entry = await sales.get(`/api/inventory/entries/${entryId}`);
    expect(entry.body.disposal!.reasons.map((x: { kind: string }) => x.kind)).toEqual(['use_period_ended', 'retention_period_ended']);
    const due = await sales.get('/api/inventory/entries?flags=disposalDue');
    expect(due.body.items.map((i: { name: string }) => i.name)).toContain('旧キャンペーン応募者');
    expect(due.body.items.every((i: { disposalDue: boolean }) => i.disposalDue)).toBe(true);
    // Recording the disposal (a change request with 廃棄日) closes the task and the entry.
    const disposed = await sales.request('POST', '/api/inventory/requests', {
      kind: 'change',
      entryId,
      proposed: { ...entry.body.content, disposedAt: today() },
      reason: 'シュレッダーで廃棄した',
    });
    expect(disposed.status, JSON.stringify(disposed.body)).toBe(201);
    await approveAll(pms, disposed.body.approvalRequestId!);
    const after = await sales.get(`/api/inventory/entries/${entryId}`);
    expect(after.body).toMatchObject({ status: 'disposed', disposal: null });
    expect(after.body.history[0]).toMatchObject({ kind: 'disposed', kindLabel: '廃棄' });
    const [task] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.sourceType, 'inventory_disposal'), eq(tasks.sourceId, entryId))),
    );
    expect(task).toMatchObject({ status: 'done', evidenceUrl: `/inventory/requests/${disposed.body.id}` });
    expect((await sales.get('/api/inventory/entries?flags=disposalDue')).body.items.map((i: { name: string }) => i.name)).not.toContain('旧キャンペーン応募者');
  });
});

describe('検索と絞り込み（所属・区分・日本語の文字列）', () => {
  it('日本語の部分一致（全角・半角を区別しない）で名称・項目・利用目的・アクセス権者を探せる', async () => {
    const byPurpose = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('アフターサービス')}`);
    expect(byPurpose.body.items.map((i: { name: string }) => i.name)).toEqual(['顧客名簿']);
    const byItem = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('個人番号')}`);
    expect(byItem.body.items.map((i: { name: string }) => i.name)).toEqual(['従業者名簿（マイナンバーを含む）']);
    const byHolder = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('中村')}`);
    expect(byHolder.body.items.map((i: { name: string }) => i.name)).toEqual(['システム利用者アカウント']);
    // Full-width Latin letters fold to half-width (NFKC): ＩＤ finds ID.
    const folded = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('ログインｉｄ')}`);
    expect(folded.body.items.map((i: { name: string }) => i.name)).toEqual(['システム利用者アカウント']);
    // LIKE wildcards in the query are literal.
    expect((await pms.get(`/api/inventory/entries?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    // Paging a search: the total comes with the page, and past the last page too.
    const all = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('名簿')}`);
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    const second = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('名簿')}&pageSize=1&page=2`);
    expect(second.body).toMatchObject({ total: all.body.total, page: 2 });
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([all.body.items[1]!.id]);
    const beyond = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('名簿')}&pageSize=50&page=9`);
    expect(beyond.body).toMatchObject({ total: all.body.total, items: [] });
  });

  it('検索結果も一覧と同じ並び順（名称・更新日・所属）と絞り込みに従う', async () => {
    const q = encodeURIComponent('名簿');
    const names = async (qs: string) => (await pms.get(`/api/inventory/entries?q=${q}&${qs}`)).body.items.map((i: { name: string }) => i.name);
    const plain = async (qs: string) => (await pms.get(`/api/inventory/entries?${qs}`)).body.items.map((i: { name: string }) => i.name).filter((n: string) => n.includes('名簿'));
    for (const sort of ['name', 'updated', 'department']) {
      const searched = await names(`sort=${sort}&pageSize=100`);
      expect(searched.length).toBeGreaterThanOrEqual(2);
      // The same entries in the same order as the unsearched list, keeping only those that match.
      expect(searched, sort).toEqual(await plain(`sort=${sort}&pageSize=100`));
    }
    // A flag filter applies to the matches: only 名簿 entries holding マイナンバー.
    expect(await names('flags=myNumber')).toEqual(['従業者名簿（マイナンバーを含む）']);
  });

  it.runIf(testDbKind() === 'postgres')('一覧のクエリは読取り用の接続ごとに形で1回だけ準備し、値は毎回渡す', async () => {
    const query = (params: Record<string, string>) => entriesQuery.parse(params);
    type Listed = { items: { name: string }[] };
    const names = (r: Listed) => r.items.map((i) => i.name);
    // One reader connection: two searches and two departments of one shape, each with its own
    // answer; the second of each prepares nothing new on the connection.
    const read = <T>(fn: (tx: Tx) => Promise<T>) => readInOrg(t.database, { organizationId: t.demoOrganizationId }, fn);
    const prepared = async (tx: Tx) =>
      rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements where name like 'mamori_q_%' order by name`)).map((r) => r.name);
    const [byPurpose, afterFirstSearch, byItem, afterSecondSearch, ga, afterFirstDepartment, sales, afterSecondDepartment] = await read(async (tx) => [
      await listEntries(tx, t.demoOrganizationId, query({ q: 'アフターサービス' }), today()),
      await prepared(tx),
      await listEntries(tx, t.demoOrganizationId, query({ q: '個人番号' }), today()),
      await prepared(tx),
      await listEntries(tx, t.demoOrganizationId, query({ departmentId: dept['総務部'] as string }), today()),
      await prepared(tx),
      await listEntries(tx, t.demoOrganizationId, query({ departmentId: dept['営業部'] as string }), today()),
      await prepared(tx),
    ]);
    expect(names(byPurpose as Listed)).toEqual(['顧客名簿']);
    expect(names(byItem as Listed)).toEqual(['従業者名簿（マイナンバーを含む）']);
    expect(names(ga as Listed)).toEqual(['健康診断結果', '従業者名簿（マイナンバーを含む）']);
    expect(names(sales as Listed)).not.toContain('健康診断結果');
    expect(names(sales as Listed).length).toBeGreaterThan(0);
    expect((afterFirstSearch as string[]).length).toBeGreaterThan(0);
    expect(afterSecondSearch).toEqual(afterFirstSearch);
    expect((afterFirstDepartment as string[]).length).toBeGreaterThan((afterSecondSearch as string[]).length - 1);
    expect(afterSecondDepartment).toEqual(afterFirstDepartment);
  });

  it('検索関数は呼び出したテナントの外を探さない（他の組織を名指ししても0件）', async () => {
    const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '検索テスト別組織' }).returning());
    const found = await inOrg(t.database, { organizationId: other?.id as string }, async (tx) =>
      rowsOf<{ id: string }>(await tx.execute(sql`select id from mamori_inventory_search(${t.demoOrganizationId}::uuid, ${'%'})`)),
    );
    expect(found).toEqual([]);
    // The application role without any organization set gets nothing either (as RLS would give it).
    const unscoped = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'mamori_app', true)`);
      return rowsOf<{ id: string }>(await tx.execute(sql`select id from mamori_inventory_search(${t.demoOrganizationId}::uuid, ${'%名簿%'})`));
    });
    expect(unscoped).toEqual([]);
    const own = await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) =>
      rowsOf<{ id: string }>(await tx.execute(sql`select id from mamori_inventory_search(${t.demoOrganizationId}::uuid, ${'%名簿%'})`)),
    );
    expect(own.length).toBeGreaterThan(0);
  });

  it('所属・区分（要配慮・特定個人情報・保有個人データ）・媒体・リスク分析の状態で絞り込める', async () => {
    const ga = await pms.get(`/api/inventory/entries?departmentId=${dept['総務部']}`);
    expect(ga.body.items.map((i: { name: string }) => i.name)).toEqual(['健康診断結果', '従業者名簿（マイナンバーを含む）']);
    expect((await pms.get('/api/inventory/entries?flags=sensitive')).body.items.map((i: { name: string }) => i.name)).toEqual(['健康診断結果']);
    expect((await pms.get('/api/inventory/entries?flags=myNumber,retainedPersonalData')).body.items.map((i: { name: string }) => i.name)).toEqual([
      '従業者名簿（マイナンバーを含む）',
    ]);
    const paper = (await pms.get(`/api/inventory/entries?media=paper&departmentId=${dept['営業部']}`)).body.items.map((i: { name: string }) => i.name);
    expect(paper).toContain('顧客名簿');
    expect(paper).not.toContain('商談記録');
    const inProgress = await pms.get('/api/inventory/entries?riskStatus=in_progress');
    expect(inProgress.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['商談記録', '顧客名簿']);
    expect((await pms.get('/api/inventory/entries?flags=unknown')).status).toBe(400);
    const page = await pms.get('/api/inventory/entries?pageSize=2&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const summary = await pms.get('/api/inventory/summary');
    expect(summary.body.sensitive).toBe(1);
  });
});

describe('出力（J.3.1.1 の列の Excel、PDF）', () => {
  it('Excel は exceljs で開け、J.3.1.1 3 の列と台帳の項目を持つ', async () => {
    const r = await pms.request('GET', `/api/inventory/entries/export.xlsx?departmentId=${dept['総務部']}`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('個人情報管理台帳');
    if (!sheet) throw new Error('no worksheet');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    for (const h of ['個人情報の名称', '個人情報の項目', '利用目的', '保管場所', '保管方法', 'アクセス権を有する者', '利用期限', '保管期限', '件数（概数可）'])
      expect(headers).toContain(h);
    const names = [2, 3].map((n) => sheet?.getRow(n).getCell(1).value);
    expect(names).toEqual(['健康診断結果', '従業者名簿（マイナンバーを含む）']);
    const holders = sheet?.getRow(3).getCell(headers.indexOf('アクセス権を有する者') + 1).value;
    expect(holders).toBe('佐藤 花子、加藤 陽子');
  });

  it('PDF（A4 横）を出力する', async () => {
    const r = await pms.request('GET', '/api/inventory/entries/ledger.pdf');
    expect(r.status).toBe(200);
    expect(r.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.raw.length).toBeGreaterThan(10_000);
  });
});

describe('毎年12月の見直し（所属ごとに所属長が確認し、個人情報保護管理者が承認、昨年との差分）', () => {
  it('所属長が各項目を確認・変更し、申請すると差分が残り、承認でカレンダーのタスクが完了する', async () => {
    const year = Number(today().slice(0, 4));
    // The calendar's December task of 情報システム部 (created by the calendar job).
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
      const [item] = await tx.select({ id: calendarItems.id }).from(calendarItems).where(eq(calendarItems.code, 'inventory_review'));
      await tx.insert(tasks).values({
        organizationId: t.demoOrganizationId,
        title: '台帳の見直し（テスト）',
        ownerRole: 'department_head',
        departmentId: dept['情報システム部'],
        dueOn: `${year}-12-31`,
        calendarItemId: item?.id,
        sourceType: 'calendar',
        generationKey: `test-inventory-review-${year}`,
      });
    });
    const itHead = await t.login('security@demo.mamori.local');
    const started = await itHead.request('POST', '/api/inventory/reviews', { departmentId: dept['情報システム部'], year });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.items.map((i: { label: string; decision: string }) => [i.label, i.decision])).toEqual([['システム利用者アカウント', 'pending']]);
    // The department's head carries it out; another department's head only reads it.
    expect(started.body.abilities).toEqual({ edit: true, submit: true });
    expect((await sales.get(`/api/inventory/reviews/${started.body.id}`)).body.abilities).toEqual({ edit: false, submit: false });
    const early = await itHead.request('POST', `/api/inventory/reviews/${started.body.id}/submit`);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('未確認の項目があります（システム利用者アカウント）');
    // 所属長 of 営業部 cannot confirm 情報システム部's items.
    expect((await sales.request('POST', `/api/inventory/reviews/${started.body.id}/confirm`, { subjectId: started.body.items[0]!.subjectId })).status).toBe(403);
    const entryId = started.body.items[0]!.subjectId;
    const entry = await itHead.get(`/api/inventory/entries/${entryId}`);
    const change = await itHead.request('POST', '/api/inventory/requests', {
      kind: 'change',
      entryId,
      reviewId: started.body.id,
      proposed: { ...entry.body.content, recordCount: { value: 12, approximate: false } },
      reason: '見直しで件数を更新',
    });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    const pendingChange = await itHead.request('POST', `/api/inventory/reviews/${started.body.id}/submit`);
    expect(pendingChange.status).toBe(422);
    expect(pendingChange.body.error.message).toContain('承認待ち');
    await approveAll(pms, change.body.approvalRequestId!);
    const submitted = await itHead.request('POST', `/api/inventory/reviews/${started.body.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('pending');
    expect(submitted.body.abilities).toEqual({ edit: false, submit: false });
    // No approved review last year: the diff compares with the 台帳 rebuilt from history as of last 31 December,
    // when the entry (created today by the demo) did not exist yet.
    expect(submitted.body.diff!.baselineLabel).toBe(`${year - 1}年12月31日時点の台帳（履歴から再構成）`);
    expect(submitted.body.diff!.inventory!.added.map((a: { name: string }) => a.name)).toEqual(['システム利用者アカウント']);
    const [approval] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(approvalRequests)
        .where(and(eq(approvalRequests.recordType, 'inventory_review'), eq(approvalRequests.recordId, started.body.id))),
    );
    await approveAll(pms, approval?.id as string);
    const done = await itHead.get(`/api/inventory/reviews/${started.body.id}`);
    expect(done.body.status).toBe('approved');
    const [task] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(eq(tasks.generationKey, `test-inventory-review-${year}`)),
    );
    expect(task).toMatchObject({ status: 'done', evidenceUrl: `/inventory/reviews/${started.body.id}` });
    const list = await pms.get(`/api/inventory/reviews?year=${year}`);
    expect(list.body.items.find((r: { departmentName: string }) => r.departmentName === '情報システム部')).toMatchObject({ status: 'approved', itemCount: 1, decidedCount: 1 });
  });

  it('履歴には、誰が・何を・どの申請で変えたかが版ごとに残る（監査証跡とは別に台帳の画面で見られる）', async () => {
    const rows = await asSystem(t.database, (tx) => tx.select().from(inventoryEntryHistory).where(eq(inventoryEntryHistory.organizationId, t.demoOrganizationId)));
    expect(rows.every((r) => r.summary.length > 0)).toBe(true);
    expect(rows.filter((r) => r.kind === 'changed').every((r) => r.requestId !== null && r.changes.length > 0)).toBe(true);
  });
});
