import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { generateCalendarTasks } from '../../platform/tasks/calendar.service.ts';
import { calendarItems, tasks } from '../../platform/tasks/tasks.tables.ts';
import { contractorsContract as C } from './contractors.contract.ts';

// The December calendar task of a department, 「委託先の評価（委託先審査表）」 (pmsCalendar
// contractor_evaluation), closes when the last of the department's contractors has its evaluation
// of the year approved — not before, and not for another department.

let t: TestApp;
let pms: Client;
let sales: Client;
const dept: Record<string, string> = {};
const all = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((code) => [code, 'suitable' as const]));

async function evaluationTask(departmentId: string) {
  const rows = await asSystem(t.database, (tx) =>
    tx
      .select({ status: tasks.status, note: tasks.evidenceNote, dueOn: tasks.dueOn })
      .from(tasks)
      .innerJoin(calendarItems, eq(calendarItems.id, tasks.calendarItemId))
      .where(and(eq(tasks.organizationId, t.demoOrganizationId), eq(calendarItems.code, 'contractor_evaluation'), eq(tasks.departmentId, departmentId))),
  );
  return rows.filter((r) => r.dueOn.startsWith('2026-12'));
}

async function evaluateAndApprove(contractorId: string) {
  const saved = await sales.call(C.saveEvaluation, { params: { id: contractorId }, body: { year: 2026, answers: all } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await sales.call(C.submitEvaluation, { params: { id: saved.body.id } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const approved = await pms.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, { comment: '確認しました' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-02T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  for (const d of await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)))) dept[d.name] = d.id;
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => generateCalendarTasks(tx, t.demoOrganizationId, '2026-12-02'));
});
afterAll(() => t.close());

describe('J.9.4 t)「各所属長は、当該所属が個人情報を委託する全ての委託先について … 毎年 12 月 … 評価を実施、個人情報保護管理者の承認を得る」', () => {
  it('所属の委託先のうち1社の評価が承認されても、所属の年間計画のタスクは開いたまま。最後の1社の承認で完了し、証跡が残る', async () => {
    const salesId = dept['営業部'] ?? '';
    expect(await evaluationTask(salesId)).toEqual([expect.objectContaining({ status: 'open' })]);
    const list = await pms.call(C.list, { query: { q: 'デモ発送' } });
    const mailingId = list.body.items[0]?.id ?? '';
    const other = await sales.call(C.create, { body: { name: '株式会社営業部の印刷', entrustedWork: 'カタログの印刷', departmentId: salesId } });
    expect(other.status, JSON.stringify(other.body)).toBe(201);

    await evaluateAndApprove(mailingId);
    expect(await evaluationTask(salesId)).toEqual([expect.objectContaining({ status: 'open' })]);

    await evaluateAndApprove(other.body.id);
    expect(await evaluationTask(salesId)).toEqual([expect.objectContaining({ status: 'done', note: '2026年の委託先評価: 所属の委託先 2 件すべての委託先審査表が承認済み' })]);
  });

  it('他の所属のタスクはそのまま', async () => {
    const general = await evaluationTask(dept['総務部'] ?? '');
    expect(general.every((task) => task.status === 'open')).toBe(true);
  });
});
