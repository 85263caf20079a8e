import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { installModules } from '../../platform/moduleKit/install.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { contractorInspectionsContract as I } from '../contractors/contractor-inspections.contract.ts';
import { contractorsModule } from '../contractors/index.ts';
import { modules } from '../index.ts';
import { correctiveContract } from './corrective.contract.ts';

// Issue 13 with issue #11 finding 6: a corrective action opened from a 委託先の実地検査's finding follows
// the source's visibility — 「実地検査 YYYY-MM-DD 委託先名」 and the link only for those who may see the
// 委託先 register. Every PMS role that reads corrective actions also reads the register by default, so
// this suite installs the module list with contractors.read / manage taken from the 所属長 (an
// organization that keeps its 委託先 to the PMS office) and walks it over real HTTP.

const withoutDepartmentHead = modules.map((m) =>
  m === contractorsModule
    ? {
        ...m,
        permissions: Object.fromEntries(Object.entries(m.permissions).map(([key, p]) => [key, { ...p, grantedTo: p.grantedTo.filter((role) => role !== 'department_head') }])),
      }
    : m,
);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ modules: withoutDepartmentHead });
  t.clock.set('2026-05-11T10:00:00+09:00');
});
afterAll(async () => {
  await t.close();
  installModules(modules);
});

describe('実地検査から起こした是正処置の見え方（issue 13, #11-6）', () => {
  it('委託先を見られない所属長（営業部）: 是正処置は開けるが、契機の実地検査・委託先名・リンクは出ない', async () => {
    const pms = await t.login('pms@demo.mamori.local');
    const sales = await t.login('sales-head@demo.mamori.local');
    const [salesDept] = await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.name, '営業部')));
    const contractorList = await pms.request('GET', '/api/contractors');
    const payroll = contractorList.body.items.find((c) => c.name === 'デモ給与計算センター株式会社')!;
    const added = await pms.call(I.addInspection, {
      params: { id: payroll.id },
      body: {
        inspectedOn: '2026-05-01',
        inspectors: '佐藤 花子',
        scope: '保管庫',
        method: 'onsite',
        result: '指摘1件',
        findings: [{ severity: 'minor', description: '山田様の書類が机上に放置' }],
      },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const opened = await pms.call(I.openFindingCorrective, { params: { id: added.body.findings[0]!.id }, body: { departmentId: salesDept!.id } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.correctiveAction.id;

    const shownToPms = await pms.call(correctiveContract.detail, { params: { id } });
    expect(shownToPms.body.contractorInspection?.label).toBe('実地検査 2026/05/01 デモ給与計算センター株式会社');

    // The 所属長 of 営業部 works on the corrective action (its department) without sight of the 委託先.
    expect((await sales.call(I.inspections, { params: { id: payroll.id } })).status).toBe(403);
    const d = await sales.call(correctiveContract.detail, { params: { id } });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ sourceType: 'contractor_inspection', sourceLabel: '委託先の実地検査', sourceId: null, sourceRef: null, contractorInspection: null });
    expect(d.body.abilities.editPlan).toBe(true);
    const text = JSON.stringify(d.body);
    expect(text).not.toContain('デモ給与計算センター');
    expect(text).not.toContain('山田様');
    const list = await sales.call(correctiveContract.list, { query: { sourceType: 'contractor_inspection' } });
    expect(JSON.stringify(list.body)).not.toContain(added.body.findings[0]!.id);
  });
});
