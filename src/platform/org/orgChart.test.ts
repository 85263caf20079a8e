import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfPageCount, pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { renderOrgChartPdf } from '../exports/orgChart.pdf.ts';
import { buildOrgChart, type ChartNode, type OrgChartInput } from './orgChart.ts';
import type { PmsRole } from '../../domain/roles.ts';

const depts: OrgChartInput['departments'] = [
  { id: 'd-ga', name: '総務部', parentId: null, sortOrder: 1 },
  { id: 'd-sales', name: '営業部', parentId: null, sortOrder: 2 },
  { id: 'd-sales1', name: '第一営業課', parentId: 'd-sales', sortOrder: 0 },
  { id: 'd-mgmt', name: '経営企画室', parentId: null, sortOrder: 0 },
];

function assign(role: PmsRole, personId: string, personName: string, extra: Partial<OrgChartInput['assignments'][number]> = {}): OrgChartInput['assignments'][number] {
  return { role, personId, personName, personDepartmentId: 'd-ga', departmentId: null, startsOn: '2025-04-01', endsOn: null, ...extra };
}

const baseAssignments = [
  assign('top_management', 'p-top', '山田 太郎', { personDepartmentId: 'd-mgmt' }),
  assign('pms_manager', 'p-pms', '佐藤 花子'),
  assign('department_head', 'p-pms', '佐藤 花子', { departmentId: 'd-ga' }),
  assign('audit_manager', 'p-audit', '鈴木 一郎'),
  assign('auditor', 'p-aud1', '中村 優'),
  assign('complaints_manager', 'p-desk', '伊藤 直樹'),
  assign('department_head', 'p-sales', '田中 美咲', { departmentId: 'd-sales', personDepartmentId: 'd-sales' }),
  assign('handling_manager', 'p-hm', '小林 翔', { departmentId: 'd-sales', personDepartmentId: 'd-sales' }),
  // Ended before the chart date: must not appear.
  assign('security_manager', 'p-old', '退任 した人', { endsOn: '2026-03-31' }),
  // Starts after the chart date: must not appear.
  assign('mynumber_manager', 'p-future', '将来 の人', { startsOn: '2026-05-01' }),
];

function input(overrides: Partial<OrgChartInput> = {}): OrgChartInput {
  return { organizationName: '株式会社まもりデモ', profile: 'private', asOf: '2026-04-01', departments: depts, assignments: baseAssignments, ...overrides };
}

function find(node: ChartNode, id: string): ChartNode | undefined {
  if (node.id === id) return node;
  for (const c of node.children) {
    const hit = find(c, id);
    if (hit) return hit;
  }
  return undefined;
}

const names = (n: ChartNode | undefined) => n?.holders.map((h) => h.name);

describe('体制図のデータ (J.2.3.1)', () => {
  it('事業者: トップマネジメントの下に監査責任者と保護管理者が並び、監査は保護管理者の下に置かない (J.2.3.2 注記)', () => {
    const { root } = buildOrgChart(input());
    expect(root.id).toBe('role:top_management');
    expect(names(root)).toEqual(['山田 太郎']);
    expect(root.children.map((c) => c.id)).toEqual(['role:audit_manager', 'role:pms_manager']);
    expect(names(find(root, 'role:audit_manager'))).toEqual(['鈴木 一郎']);
    expect(find(root, 'role:audit_manager')?.children.map((c) => c.id)).toEqual(['role:auditor']);
    const pms = find(root, 'role:pms_manager');
    expect(names(pms)).toEqual(['佐藤 花子']);
    expect(pms?.children.map((c) => c.id)).toEqual(['role:complaints_manager', 'departments']);
    expect(find(pms as ChartNode, 'role:audit_manager')).toBeUndefined();
  });

  it('期間外の割当ては載らない（終了済み・開始前）', () => {
    const { root } = buildOrgChart(input());
    expect(find(root, 'role:security_manager')).toBeUndefined();
    expect(find(root, 'role:mynumber_manager')).toBeUndefined();
    const later = buildOrgChart(input({ asOf: '2026-05-01' })).root;
    expect(names(find(later, 'role:mynumber_manager'))).toEqual(['将来 の人']);
  });

  it('各所属は木の順（親の後に子）で、所属長・個人情報取扱責任者を載せ、所属長の不在は未選任', () => {
    const { root } = buildOrgChart(input());
    const group = find(root, 'departments');
    expect(group?.children.map((d) => d.title)).toEqual(['経営企画室', '総務部', '営業部', '営業部 › 第一営業課']);
    const sales = find(root, 'dept:d-sales');
    expect(sales?.roles.map((r) => [r.title, r.holders.map((h) => h.name)])).toEqual([
      ['所属長', ['田中 美咲']],
      ['個人情報取扱責任者', ['小林 翔']],
    ]);
    const mgmt = find(root, 'dept:d-mgmt');
    expect(mgmt?.vacant).toBe(true);
    expect(mgmt?.roles).toEqual([{ role: 'department_head', title: '所属長', holders: [], vacant: true }]);
  });

  it('必須の役割が空席なら未選任として残す（任意の役割は省く）', () => {
    const { root } = buildOrgChart(input({ assignments: baseAssignments.filter((a) => a.role !== 'complaints_manager' && a.role !== 'audit_manager') }));
    expect(find(root, 'role:audit_manager')).toMatchObject({ vacant: true, holders: [] });
    expect(find(root, 'role:complaints_manager')).toMatchObject({ vacant: true, title: '苦情相談窓口責任者' });
    expect(find(root, 'role:security_manager')).toBeUndefined();
  });

  it('マイナンバーの役割は責任者の下に担当者', () => {
    const { root } = buildOrgChart(input({ assignments: [...baseAssignments, assign('mynumber_manager', 'p-mn', '加藤 陽子'), assign('mynumber_staff', 'p-mns', '渡辺 さくら')] }));
    expect(find(root, 'role:mynumber_manager')?.children.map((c) => names(c))).toEqual([['渡辺 さくら']]);
  });

  it('公的機関: 総括保護管理者を頂点に監査責任者と各課の保護管理者・保護担当者', () => {
    const chart = buildOrgChart(
      input({
        profile: 'public',
        assignments: [
          assign('general_protection_manager', 'p-g', '副区長 一郎'),
          assign('public_audit_manager', 'p-a', '監査 太郎'),
          assign('protection_manager', 'p-pm', '総務 課長', { departmentId: 'd-ga' }),
          assign('protection_staff', 'p-ps', '総務 係長', { departmentId: 'd-ga' }),
        ],
      }),
    );
    expect(chart.root.id).toBe('role:general_protection_manager');
    expect(chart.root.title).toBe('総括保護管理者');
    expect(chart.root.children.map((c) => c.id)).toEqual(['role:public_audit_manager', 'departments']);
    const ga = find(chart.root, 'dept:d-ga');
    expect(ga?.roles.map((r) => [r.title, names({ ...(ga as ChartNode), holders: r.holders })])).toEqual([
      ['保護管理者', ['総務 課長']],
      ['保護担当者', ['総務 係長']],
    ]);
    expect(find(chart.root, 'dept:d-sales')?.roles).toEqual([{ role: 'protection_manager', title: '保護管理者', holders: [], vacant: true }]);
  });

  it('同じ入力からは常に同じ体制図', () => {
    expect(buildOrgChart(input())).toEqual(buildOrgChart({ ...input(), assignments: [...baseAssignments].reverse() }));
  });
});

describe.skipIf(skipPdfChecks)('体制図の PDF', () => {
  it('役割名と氏名、組織名、基準日が PDF の文字として入る', async () => {
    const pdf = await renderOrgChartPdf(buildOrgChart(input()), new Date('2026-04-01T00:00:00Z'), 'wareki');
    const text = pdfText(pdf);
    for (const s of [
      '個人情報保護体制図',
      '株式会社まもりデモ',
      'トップマネジメント',
      '山田 太郎',
      '個人情報保護管理者',
      '佐藤 花子',
      '個人情報保護監査責任者',
      '鈴木 一郎',
      '監査員',
      '中村 優',
      '苦情相談窓口責任者',
      '伊藤 直樹',
      '田中 美咲',
      '小林 翔',
      '第一営業課',
      '基準日：令和8年4月1日',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('退任 した人');
    // A4 landscape: the media box is 842 × 595 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });

  it('所属が多いときは次のページに続く', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `d${i}`, name: `第${i + 1}課`, parentId: null, sortOrder: i }));
    const pdf = await renderOrgChartPdf(buildOrgChart(input({ departments: many })), new Date('2026-04-01T00:00:00Z'), 'wareki');
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain('第60課');
    expect(text).toContain('各所属の体制（続き）');
  });
});

describe('体制図の API', () => {
  let t: TestApp;
  let staff: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    staff = await t.login('staff@demo.mamori.local');
  });
  afterAll(() => t.close());

  it('GET /api/org-chart: デモ組織の役割の割当てから作る（一般の従業者も閲覧可）', async () => {
    const res = await staff.get('/api/org-chart');
    expect(res.status).toBe(200);
    expect(res.body.organizationName).toBe('株式会社まもりデモ');
    expect(res.body.root.title).toBe('トップマネジメント');
    expect(res.body.root.holders.map((h: { name: string }) => h.name)).toEqual(['山田 太郎']);
    const pms = (res.body.root.children as ChartNode[]).find((c) => c.role === 'pms_manager');
    expect(pms?.holders.map((h) => h.name)).toEqual(['佐藤 花子']);
    const depts = pms?.children.find((c) => c.kind === 'departments')?.children ?? [];
    expect(depts.map((d) => d.title)).toEqual(['経営企画室', '総務部', '営業部', '情報システム部', '内部監査室']);
  });

  it.skipIf(skipPdfChecks)('GET /api/org-chart.pdf: A4 横の PDF に氏名が入る', async () => {
    const res = await staff.request('GET', '/api/org-chart.pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1] ?? '')).toMatch(/^体制図_\d{8}\.pdf$/);
    const text = pdfText(res.raw);
    for (const s of ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 健', '田中 美咲', '伊藤 直樹', '中村 優', '情報システム部', '株式会社まもりデモ']) expect(text, s).toContain(s);
  });
});
