import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { orgContract } from '../../platform/org/org.contract.ts';
import { correctiveContract } from '../corrective/corrective.contract.ts';
import { contractorInspectionsContract as I } from './contractor-inspections.contract.ts';
import { contractorInspectionFindings, contractorInspections } from './contractor-inspections.tables.ts';
import { contractors } from './contractors.tables.ts';

// 委託先の実地検査 / 立入検査 (issue 13) over real HTTP: 豊島区 守るべき事項 5. 「少なくとも年 1 回以上、原則として
// 実地検査により確認する」, 特記事項 資料B 第14条 (立入検査), J.7.1 g) (findings open 是正処置).

let t: TestApp;
let pms: Client;
let sales: Client;
let staff: Client;
let payrollId: string;
let mailingId: string;

const body = {
  inspectedOn: '令和8年5月1日',
  inspectors: '総務部 佐藤 花子',
  scope: '個人情報の管理の状況（保管庫・端末・廃棄の記録）',
  method: 'onsite' as const,
  findings: [
    { severity: 'major' as const, description: '特定個人情報を扱う端末にパスワードが設定されていなかった' },
    { severity: 'observation' as const, description: '入退室記録の様式の統一が望ましい' },
  ],
  result: '重大な指摘1件。是正を求める。',
};

async function rowCount(): Promise<number> {
  return (await asSystem(t.database, (tx) => tx.select().from(contractorInspections))).length;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  const rows = await asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.organizationId, t.demoOrganizationId)));
  payrollId = rows.find((r) => r.name === 'デモ給与計算センター株式会社')!.id;
  mailingId = rows.find((r) => r.name === '株式会社デモ発送サービス')!.id;
});
afterAll(() => t.close());

describe('実地検査の記録（豊島区 守るべき事項 5.、特記事項 第14条 立入検査）', () => {
  let inspectionId: string;

  it('記録する: 和暦で入力した検査日は ISO で保存、指摘事項は区分つきで順に並ぶ', async () => {
    const r = await pms.call(I.addInspection, { params: { id: payrollId }, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ inspectedOn: '2026-05-01', methodLabel: '実地', abilities: { edit: true } });
    expect(r.body.findings.map((f) => [f.severityLabel, f.correctiveAction])).toEqual([
      ['重大', null],
      ['観察事項', null],
    ]);
    inspectionId = r.body.id;
    const list = await pms.call(I.inspections, { params: { id: payrollId } });
    expect(list.status).toBe(200);
    expect(list.body.items[0]?.id).toBe(inspectionId);
    expect(list.body.canAdd).toBe(true);
    // 守るべき事項 5.: 特定個人情報を委託 → 年1回、期限は最新の検査の1年後.
    expect(list.body.due).toMatchObject({ required: true, dueOn: '2027-05-01', overdue: false });
  });

  it('誤った入力は 400（検査日が未来なら 422）、項目名つきの日本語のエラー、何も書かない', async () => {
    const before = await rowCount();
    const r = await pms.call(I.addInspection, {
      params: { id: payrollId },
      body: { ...body, inspectedOn: '2026/02/30', inspectors: '', method: 'visit', findings: [{ severity: 'fatal', description: '' }] } as never,
    });
    expect(r.status).toBe(400);
    const text = JSON.stringify(r.body);
    for (const label of ['検査日', '検査者', '検査の方法', '指摘事項の区分', '指摘事項の内容']) expect(text).toContain(label);
    expect(text).not.toMatch(/Invalid|expected/);
    const future = await pms.call(I.addInspection, { params: { id: payrollId }, body: { ...body, inspectedOn: '2026-06-01' } });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('検査日（2026/06/01）が今日より後です');
    expect(await rowCount()).toBe(before);
  });

  it('記録できるのは所管の所属の所属長又は個人情報保護管理者: 営業部の所属長は総務部の委託先に 403、一般の従業者は 403', async () => {
    const before = await rowCount();
    expect((await sales.call(I.addInspection, { params: { id: payrollId }, body })).status).toBe(403);
    expect((await staff.call(I.addInspection, { params: { id: payrollId }, body })).status).toBe(403);
    const own = await sales.call(I.addInspection, { params: { id: mailingId }, body: { ...body, findings: [] } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(await rowCount()).toBe(before + 1);
    // 所属長 of 営業部 reads the 総務部's 委託先 (one register: J.9.4 4) but may not change it.
    const seen = await sales.call(I.inspections, { params: { id: payrollId } });
    expect(seen.body.canAdd).toBe(false);
    expect(seen.body.items[0]?.abilities.edit).toBe(false);
  });

  it('J.7.1 g): 指摘事項から是正処置を起こす — 指摘事項ごとに1件、指摘事項に番号と状態が出る', async () => {
    const list = await pms.call(I.inspections, { params: { id: payrollId } });
    const finding = list.body.items.find((i) => i.id === inspectionId)!.findings[0]!;
    const r = await pms.call(I.openFindingCorrective, { params: { id: finding.id }, body: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ created: true, correctiveAction: { number: expect.stringMatching(/^CA-2026-\d{4}$/), statusLabel: '計画作成中' } });
    const again = await pms.call(I.openFindingCorrective, { params: { id: finding.id }, body: {} });
    expect(again.body).toMatchObject({ created: false, correctiveAction: { id: r.body.correctiveAction.id } });
    const shown = await pms.call(I.inspections, { params: { id: payrollId } });
    expect(shown.body.items.find((i) => i.id === inspectionId)!.findings[0]!.correctiveAction).toMatchObject({ number: r.body.correctiveAction.number, statusLabel: '計画作成中' });

    // The corrective action names its source to those who may see the 委託先, and copies nothing of the finding (#11-6).
    const detail = await pms.call(correctiveContract.detail, { params: { id: r.body.correctiveAction.id } });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      sourceType: 'contractor_inspection',
      sourceLabel: '委託先の実地検査',
      sourceId: finding.id,
      contractorInspection: { contractorId: payrollId, inspectionId, label: '実地検査 2026/05/01 デモ給与計算センター株式会社' },
    });
    expect(detail.body.content).not.toContain('パスワード');
    expect(detail.body.departmentName).toBe('総務部');
    // 営業部の所属長 holds contractors.read (J.9.4 4): the label shows.
    const bySales = await sales.call(correctiveContract.detail, { params: { id: r.body.correctiveAction.id } });
    expect(bySales.body.contractorInspection?.label).toBe('実地検査 2026/05/01 デモ給与計算センター株式会社');
  });

  it('営業部の所属長は他所属の委託先の指摘事項から是正処置を起こせない（403）', async () => {
    const list = await pms.call(I.inspections, { params: { id: payrollId } });
    const finding = list.body.items.find((i) => i.id === inspectionId)!.findings[1]!;
    expect((await sales.call(I.openFindingCorrective, { params: { id: finding.id }, body: {} })).status).toBe(403);
  });

  it('変更: 指摘事項は id で残し、是正処置を起こした指摘事項は削除できない（422）', async () => {
    const list = await pms.call(I.inspections, { params: { id: payrollId } });
    const record = list.body.items.find((i) => i.id === inspectionId)!;
    const [withAction, plain] = record.findings;
    const removeOpened = await pms.call(I.updateInspection, {
      params: { id: inspectionId },
      body: { ...body, findings: [{ id: plain!.id, severity: 'observation', description: plain!.description }] },
    });
    expect(removeOpened.status).toBe(422);
    expect(JSON.stringify(removeOpened.body)).toContain(`是正処置 ${withAction!.correctiveAction!.number} を起こした指摘事項`);
    const r = await pms.call(I.updateInspection, {
      params: { id: inspectionId },
      body: {
        ...body,
        result: '重大な指摘1件。',
        findings: [
          { id: withAction!.id, severity: 'major', description: withAction!.description },
          { severity: 'minor', description: '追加の指摘' },
        ],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.findings.map((f) => [f.id === withAction!.id, f.severityLabel, f.correctiveAction?.number ?? null])).toEqual([
      [true, '重大', withAction!.correctiveAction!.number],
      [false, '軽微', null],
    ]);
    const stored = await asSystem(t.database, (tx) => tx.select().from(contractorInspectionFindings).where(eq(contractorInspectionFindings.inspectionId, inspectionId)));
    expect(stored).toHaveLength(2);
  });

  it('ほかの組織の実地検査・指摘事項は 404', async () => {
    const [other] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(contractorInspections)
        .where(and(eq(contractorInspections.id, inspectionId))),
    );
    expect(other).toBeDefined();
    const vendor = await t.login('vendor@demo.mamori.local');
    expect((await vendor.call(I.updateInspection, { params: { id: inspectionId }, body })).status).toBe(404);
  });
});

describe('組織の方針: 要配慮・特定個人情報のない委託先の実地検査の間隔（設定）', () => {
  it('J.9.4 委託先の監督: 方針がなければ必要に応じて、24か月にすると前回の24か月後が期限。誤った値は項目名つきのエラー', async () => {
    // 株式会社デモ発送サービス: its 台帳 entries hold no 要配慮・特定個人情報 (demo); inspected 2026-05-01 above.
    const before = await pms.call(I.inspections, { params: { id: mailingId } });
    expect(before.body.due).toMatchObject({ required: false, dueOn: null });
    const org = await pms.call(orgContract.organization);
    const put = (months: unknown) => pms.call(orgContract.updateSettings, { body: { ...org.body.settings, contractorInspectionMonths: months } as never });
    const bad = await put(0);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('委託先の実地検査の間隔は1か月以上にしてください');
    const saved = await put(24);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.settings.contractorInspectionMonths).toBe(24);
    const after = await pms.call(I.inspections, { params: { id: mailingId } });
    expect(after.body.due).toMatchObject({ required: true, dueOn: '2028-05-01', reason: expect.stringContaining('組織の方針により2年ごと') });
    // A settings save that leaves the field out keeps it; null goes back to 必要に応じて.
    const { contractorInspectionMonths: _kept, ...others } = saved.body.settings;
    expect((await pms.call(orgContract.updateSettings, { body: others })).body.settings.contractorInspectionMonths).toBe(24);
    expect((await put(null)).body.settings.contractorInspectionMonths).toBeNull();
    expect((await pms.call(I.inspections, { params: { id: mailingId } })).body.due.required).toBe(false);
  });
});

describe('ホームの期限「委託先の実地検査」（豊島区 守るべき事項 5. 年1回以上）', () => {
  it('特定個人情報を委託する委託先: 前回の1年後の1か月前から期限に出る、記録すると消える', async () => {
    const titles = async (at: string) => {
      t.clock.set(at);
      const me = await t.login('pms@demo.mamori.local');
      const r = await me.call(tasksContract.myDeadlines);
      expect(r.status).toBe(200);
      return JSON.stringify(r.body);
    };
    expect(await titles('2027-03-20T10:00:00+09:00')).not.toContain('デモ給与計算センター株式会社 委託先の実地検査');
    const soon = await titles('2027-04-05T10:00:00+09:00');
    expect(soon).toContain('デモ給与計算センター株式会社 委託先の実地検査');
    expect(soon).toContain('2027-05-01');
    // The mailing house's entries hold no 要配慮・特定個人情報 (demo): no yearly inspection asked.
    expect(soon).not.toContain('株式会社デモ発送サービス 委託先の実地検査');
    const me = await t.login('pms@demo.mamori.local');
    expect((await me.call(I.addInspection, { params: { id: payrollId }, body: { ...body, inspectedOn: '2027-04-05', findings: [] } })).status).toBe(201);
    expect(await titles('2027-04-06T10:00:00+09:00')).not.toContain('デモ給与計算センター株式会社 委託先の実地検査');
  });
});
