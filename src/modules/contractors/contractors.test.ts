import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { readFirstSheet } from '../../platform/exports/xlsx.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { hashPassword } from '../../platform/auth/hashing.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { departments, organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { inventoryEntries } from '../inventory/inventory.exports.ts';
import { approvalsContract } from '../../platform/approvals/approvals.contract.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { contractorsContract as C } from './contractors.contract.ts';
import { contractors } from './contractors.tables.ts';

// HTTP tests of M7 委託先管理 (J.9.4) against a real database: the register (J.9.4 4), the 法人番号
// check, the contract clause check (J.9.4 3, 豊島区 守るべき事項 2.), the export and tenancy.

let t: TestApp;
let pms: Client;
let sales: Client;
let staff: Client;
let outsider: Client;
const dept: Record<string, string> = {};

async function rowCount(): Promise<number> {
  return (await asSystem(t.database, (tx) => tx.select().from(contractors))).length;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  for (const d of await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)))) dept[d.name] = d.id;
  // Another organization with its own 個人情報保護管理者.
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

const base = { name: '株式会社テスト印刷', entrustedWork: '案内状の印刷・発送' };

describe('委託先の登録（J.9.4 4 全ての委託先を漏れなく特定する）', () => {
  it('登録すると詳細が返り、日付は読み取った形で保存、台帳の項目は名前つき', async () => {
    const [entry] = await asSystem(t.database, (tx) => tx.select().from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)).limit(1));
    const r = await pms.call(C.create, {
      body: {
        ...base,
        corporateNumber: '1000012160153',
        departmentId: dept.営業部,
        privacyMarkStatus: 'certified',
        privacyMarkExpiresOn: '令和9年3月31日',
        contractStartsOn: '2026/04/01',
        contractEndsOn: '2027-03-31',
        entryIds: [entry!.id],
        contactEmail: 'tanto@insatsu.example.jp',
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      name: '株式会社テスト印刷',
      corporateNumber: '1000012160153',
      departmentName: '営業部',
      privacyMarkStatusLabel: '取得済み',
      privacyMarkExpiresOn: '2027-03-31',
      contractStartsOn: '2026-04-01',
      entries: [{ id: entry!.id, name: entry!.name }],
      abilities: { edit: true },
      // Nothing ticked: J.9.4 3 a)〜h) and 豊島区 (1)〜(8).
      missingClauseCount: 16,
    });
    const detail = await pms.call(C.detail, { params: { id: r.body.id } });
    expect(detail.body.name).toBe('株式会社テスト印刷');
  });

  it('検査用数字の合わない法人番号は 400、項目名つきの日本語で、1行も書かない', async () => {
    const before = await rowCount();
    const r = await pms.call(C.create, { body: { ...base, corporateNumber: '2000012160153' } });
    expect(r.status).toBe(400);
    expect(r.body.error?.fields).toContainEqual({
      path: 'corporateNumber',
      message: '法人番号の検査用数字（先頭の1桁）が合いません。番号を確かめてください（入力値: 2000012160153）',
    });
    const short = await pms.call(C.create, { body: { ...base, corporateNumber: '1000-01-216015' } });
    expect(short.status).toBe(400);
    expect(short.body.error?.fields?.[0]?.message).toContain('法人番号は13桁の数字で入力してください');
    expect(await rowCount()).toBe(before);
  });

  it('全角数字の法人番号は同じ番号として読む。同じ法人番号の二重登録は 422', async () => {
    const r = await pms.call(C.create, { body: { ...base, name: '全角株式会社', corporateNumber: '４００００１２０９０００１' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.corporateNumber).toBe('4000012090001');
    const before = await rowCount();
    const again = await pms.call(C.create, { body: { ...base, name: '重複', corporateNumber: '4000012090001' } });
    expect(again.status).toBe(422);
    expect(again.body.error?.fields?.[0]).toEqual({ path: 'corporateNumber', message: 'この法人番号の委託先は登録済みです（全角株式会社）' });
    expect(await rowCount()).toBe(before);
  });

  it('必須項目・日付・契約期間の誤りは項目名つきの日本語', async () => {
    const missing = await pms.call(C.create, { body: { name: '名称だけ' } as never });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.fields).toContainEqual({ path: 'entrustedWork', message: '委託する業務を入力してください' });
    const badDate = await pms.call(C.create, { body: { ...base, contractStartsOn: '2026-02-30' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error?.fields?.[0]?.path).toBe('contractStartsOn');
    expect(badDate.body.error?.fields?.[0]?.message).toContain('契約開始日');
    const reversed = await pms.call(C.create, { body: { ...base, contractStartsOn: '2026-04-01', contractEndsOn: '2026-03-31' } });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error?.fields).toContainEqual({ path: 'contractEndsOn', message: '契約終了日が契約開始日より前になっています' });
    const unknownEntry = await pms.call(C.create, { body: { ...base, entryIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknownEntry.status).toBe(422);
    expect(unknownEntry.body.error?.fields?.[0]?.path).toBe('entryIds');
  });
});

describe('変更と権限（J.9.4 t) 所属長は当該所属の委託先）', () => {
  it('送った項目だけが変わる。保存済みの開始日より前の終了日は 422', async () => {
    const created = await pms.call(C.create, { body: { ...base, name: '変更テスト株式会社', address: '東京都豊島区', contractStartsOn: '2026-04-01' } });
    const r = await pms.call(C.update, { params: { id: created.body.id }, body: { contactName: '担当 一郎' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ contactName: '担当 一郎', address: '東京都豊島区', contractStartsOn: '2026-04-01' });
    const reversed = await pms.call(C.update, { params: { id: created.body.id }, body: { contractEndsOn: '2026-01-31' } });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error?.fields?.[0]?.path).toBe('contractEndsOn');
  });

  it('営業部長は営業部の委託先を登録・変更でき、総務部の委託先は 403（変更なし）', async () => {
    const own = await sales.call(C.create, { body: { ...base, name: '営業部の委託先' } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.departmentId).toBe(dept.営業部);
    const other = await pms.call(C.create, { body: { ...base, name: '総務部の委託先', departmentId: dept.総務部 } });
    const view = await sales.call(C.detail, { params: { id: other.body.id } });
    expect(view.body.abilities).toEqual({ edit: false });
    expect((await sales.call(C.update, { params: { id: other.body.id }, body: { name: '乗っ取り' } })).status).toBe(403);
    expect((await sales.call(C.create, { body: { ...base, name: 'x', departmentId: dept.総務部 } })).status).toBe(403);
    expect((await pms.call(C.detail, { params: { id: other.body.id } })).body.name).toBe('総務部の委託先');
  });

  it('一般の従業者は一覧も見られない（403）', async () => {
    expect((await staff.call(C.list)).status).toBe(403);
  });
});

describe('一覧・検索・Excel', () => {
  it('名称・法人番号・委託する業務で検索でき、ページに分かれる', async () => {
    const byName = await pms.call(C.list, { query: { q: 'テスト印刷' } });
    expect(byName.body.items.map((i) => i.name)).toEqual(['株式会社テスト印刷']);
    const byNumber = await pms.call(C.list, { query: { q: '1000012160153' } });
    expect(byNumber.body.total).toBe(1);
    const byWork = await pms.call(C.list, { query: { q: '給与計算' } });
    expect(byWork.body.items.map((i) => i.name)).toEqual(['デモ給与計算センター株式会社']);
    const paged = await pms.call(C.list, { query: { pageSize: 2, page: 1 } });
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThan(2);
    expect(paged.body.canCreate).toBe(true);
    // A search term with LIKE wildcards matches them literally.
    expect((await pms.call(C.list, { query: { q: '%' } })).body.total).toBe(0);
  });

  it('委託先一覧を Excel で出力（見出しは画面と同じ日本語、不足する事項つき）', async () => {
    const r = await pms.call(C.exportXlsx);
    expect(r.status).toBe(200);
    const sheet = await readFirstSheet(r.raw);
    expect(sheet.headers).toEqual(expect.arrayContaining(['名称', '法人番号', '委託する業務', '契約書に不足する事項']));
    const row = sheet.rows.find((r) => r.cells[1] === 'デモ給与計算センター株式会社');
    expect(row?.cells[sheet.headers.indexOf('特定個人情報の有無')]).toBe('あり');
  });
});

describe('委託契約の必須事項チェック（J.9.4 3・豊島区 守るべき事項 2.）', () => {
  it('チェックした事項を除いた不足を条項と本文つきで返す。特定個人情報ありでは i)〜r) も', async () => {
    const created = await pms.call(C.create, {
      body: { ...base, name: 'チェック株式会社', contractClauses: ['J.9.4-3-a', 'J.9.4-3-b', 'J.9.4-3-c', 'J.9.4-3-d', 'J.9.4-3-e', 'J.9.4-3-f', 'J.9.4-3-h'] },
    });
    const check = await pms.call(C.clauseCheck, { params: { id: created.body.id } });
    expect(check.status).toBe(200);
    expect(check.body.missing[0]).toEqual({
      code: 'J.9.4-3-g',
      clause: 'J.9.4 3 g)',
      text: '事件・事故が発生した場合の報告・連絡に関する事項',
      sourceLabel: 'JIS Q 15001 J.9.4 3 a)〜h)',
      referenceExample: false,
    });
    expect(check.body.missing.filter((i) => i.code.startsWith('toshima'))).toHaveLength(8);
    // A company (the demo organization) sees the 豊島区 items as a reference example (issue 10).
    expect(check.body.missing.find((i) => i.code === 'toshima-2-1')).toMatchObject({
      sourceLabel: '参考例（豊島区 守るべき事項 2.（契約書に明記すること））',
      referenceExample: true,
    });
    await pms.call(C.update, {
      params: { id: created.body.id },
      body: { specificPersonalInfo: true, contractText: '第5条 乙は、委託業務の終了後、個人情報を返却しなければならない。' },
    });
    const specific = await pms.call(C.clauseCheck, { params: { id: created.body.id } });
    expect(specific.body.missing.map((i) => i.clause)).toContain('J.9.4 3 r)');
    // 返却 in the pasted text covers n) and 豊島区 (6) as a hint.
    expect(specific.body.present.find((p) => p.code === 'J.9.4-3-n')).toMatchObject({ by: 'text', keyword: '返却' });
    expect(specific.body.missing.map((i) => i.code)).not.toContain('toshima-2-6');
  });

  it('知らない事項のチェックは 400 で日本語', async () => {
    const r = await pms.call(C.create, { body: { ...base, contractClauses: ['J.9.4-3-z'] } });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain('契約書に定めた事項');
  });
});

describe('組織の分離', () => {
  it('他の組織の管理者には一覧に出ず、id を指定しても 404（変更なし）', async () => {
    const mine = await pms.call(C.create, { body: { ...base, name: '分離テスト株式会社' } });
    const list = await outsider.call(C.list);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
    expect((await outsider.call(C.detail, { params: { id: mine.body.id } })).status).toBe(404);
    expect((await outsider.call(C.clauseCheck, { params: { id: mine.body.id } })).status).toBe(404);
    expect((await outsider.call(C.update, { params: { id: mine.body.id }, body: { name: '乗っ取り' } })).status).toBe(404);
    expect((await pms.call(C.detail, { params: { id: mine.body.id } })).body.name).toBe('分離テスト株式会社');
    // The other organization may register the same 法人番号 (the uniqueness is per organization).
    const same = await outsider.call(C.create, { body: { ...base, corporateNumber: '1000012160153' } });
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    // A public body sees the 豊島区 items as its own rules, not as a reference example.
    await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'public' }).where(eq(organizations.name, '別組織株式会社')));
    const publicCheck = await outsider.call(C.clauseCheck, { params: { id: same.body.id } });
    expect(publicCheck.body.missing.find((i) => i.code === 'toshima-2-1')?.sourceLabel).toBe('豊島区 守るべき事項 2.（契約書に明記すること）');
    const exported = await outsider.call(C.exportXlsx);
    const sheet = await readFirstSheet(exported.raw);
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(['株式会社テスト印刷']);
  });
});

describe('委託先審査表による評価（J.9.4 t) 毎年 12 月、個人情報保護管理者の承認）', () => {
  const all = (answer: 'suitable' | 'unsuitable') => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((code) => [code, answer]));
  let mailingId = '';
  // The demo seeds last year's approved evaluation (the year before the day the demo was seeded).
  let year = 0;

  it('評価基準は世田谷区 個人情報管理状況調査票の 9 項目、昨年の評価（承認済み）が見える', async () => {
    const list = await pms.call(C.list, { query: { q: 'デモ発送' } });
    mailingId = list.body.items[0]?.id ?? '';
    const r = await sales.call(C.evaluations, { params: { id: mailingId } });
    expect(r.status).toBe(200);
    expect(r.body.criteria.name).toBe('個人情報管理状況調査票');
    expect(r.body.criteria.items).toHaveLength(9);
    year = (r.body.items[0]?.year ?? 0) + 1;
    expect(r.body.items.map((e) => [e.year, e.statusLabel, e.resultLabel])).toEqual([[year - 1, '承認済み', '適']]);
    expect(r.body.canEvaluate).toBe(true);
  });

  it('所属長が評価を書くと採点され、昨年との差分が出る。未回答のままの申請は 422', async () => {
    const draft = await sales.call(C.saveEvaluation, { params: { id: mailingId }, body: { year, answers: { '1': 'unsuitable', '2': 'suitable' } } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', result: 'incomplete', resultLabel: '未回答あり', unanswered: ['3', '4', '5', '6', '7', '8', '9'] });
    const early = await sales.call(C.submitEvaluation, { params: { id: draft.body.id } });
    expect(early.status).toBe(422);
    expect(early.body.error?.message).toBe('未回答の評価項目があります（3、4、5、6、7、8、9）');
    // All or nothing: the refused 申請 leaves the draft as it was and starts no approval.
    const after = await sales.call(C.evaluations, { params: { id: mailingId } });
    expect(after.body.items.find((e) => e.id === draft.body.id)).toMatchObject({ status: 'draft', unanswered: ['3', '4', '5', '6', '7', '8', '9'] });
    expect(await asSystem(t.database, (tx) => tx.select().from(approvalRequests).where(eq(approvalRequests.recordId, draft.body.id)))).toEqual([]);
    const full = await sales.call(C.saveEvaluation, {
      params: { id: mailingId },
      body: { year, answers: { ...all('suitable'), '1': 'unsuitable', '4': 'unsuitable' }, note: '昨年度に誤送付1件' },
    });
    expect(full.body).toMatchObject({ id: draft.body.id, result: 'fail', resultLabel: '不適', failed: ['4'] });
    expect(full.body.changes).toEqual([
      { code: '1', previous: 'suitable', current: 'unsuitable' },
      { code: '4', previous: 'suitable', current: 'unsuitable' },
    ]);
    const unknown = await sales.call(C.saveEvaluation, { params: { id: mailingId }, body: { year, answers: { '10': 'suitable' } } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.message).toContain('評価項目にない番号があります（10）');
  });

  it('申請すると承認待ちになり変更できず、個人情報保護管理者が項目ごとの評価を読んで承認する', async () => {
    const evaluations = await sales.call(C.evaluations, { params: { id: mailingId } });
    const current = evaluations.body.items.find((e) => e.year === year);
    const submitted = await sales.call(C.submitEvaluation, { params: { id: current?.id ?? '' } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const locked = await sales.call(C.saveEvaluation, { params: { id: mailingId }, body: { year, answers: all('suitable') } });
    expect(locked.status).toBe(409);
    const detail = await pms.call(approvalsContract.detail, { params: { id: submitted.body.approvalRequestId } });
    expect(detail.body.request.snapshotFields).toEqual(
      expect.arrayContaining([
        { key: 'contractorName', label: '委託先', value: '株式会社デモ発送サービス' },
        { key: 'item4', label: '4 過去に個人情報の漏えいまたは紛失が無いこと', value: '不適' },
        { key: 'result', label: '評価の結果', value: '不適' },
      ]),
    );
    // The approver opens the 委託先 (調査票, earlier years, 実地検査) from the approval screen.
    expect(detail.body.request.link).toBe(`/contractors/${mailingId}`);
    const approved = await pms.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, { comment: '確認しました' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = await sales.call(C.evaluations, { params: { id: mailingId } });
    expect(after.body.items[0]).toMatchObject({ year, status: 'approved', statusLabel: '承認済み' });
  });

  it('他部署の委託先は評価できない（403）。他の組織からは 404', async () => {
    const other = await pms.call(C.create, { body: { ...base, name: '評価テスト総務部', departmentId: dept.総務部 } });
    const refused = await sales.call(C.saveEvaluation, { params: { id: other.body.id }, body: { year, answers: { '1': 'suitable' } } });
    expect(refused.status).toBe(403);
    expect((await outsider.call(C.evaluations, { params: { id: mailingId } })).status).toBe(404);
  });
});
