import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { calendarReviewTaskIds, completeTasks } from '../../platform/tasks/moduleTasks.ts';
import { contractorEvaluations, contractors } from './contractors.tables.ts';

/**
 * Closes the department's December calendar task 「委託先の評価（委託先審査表）」 (pmsCalendar
 * `contractor_evaluation`, J.9.4 t): 「各所属長は、当該所属が個人情報を委託する全ての委託先に
 * ついて … 「委託先審査表」による評価を実施、個人情報保護管理者の承認を得る」) once every
 * contractor of the department has an approved evaluation of that year — the same contractors the
 * home's December 期限 lists (contractor-deadlines.ts). Called when an evaluation is approved.
 * Returns how many tasks it closed.
 */
export async function closeDepartmentEvaluationTask(tx: Tx, organizationId: string, evaluationId: string, now: Date): Promise<number> {
  const [approved] = await tx
    .select({ year: contractorEvaluations.year, departmentId: contractors.departmentId })
    .from(contractorEvaluations)
    .innerJoin(contractors, eq(contractors.id, contractorEvaluations.contractorId))
    .where(and(eq(contractorEvaluations.organizationId, organizationId), eq(contractorEvaluations.id, evaluationId)));
  if (!approved?.departmentId) return 0;
  const { year, departmentId } = approved;
  const ofDepartment = await tx
    .select({ id: contractors.id, name: contractors.name })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.departmentId, departmentId)));
  const evaluated = await tx
    .select({ contractorId: contractorEvaluations.contractorId })
    .from(contractorEvaluations)
    .innerJoin(contractors, eq(contractors.id, contractorEvaluations.contractorId))
    .where(
      and(
        eq(contractorEvaluations.organizationId, organizationId),
        eq(contractors.departmentId, departmentId),
        eq(contractorEvaluations.year, year),
        eq(contractorEvaluations.status, 'approved'),
      ),
    );
  const done = new Set(evaluated.map((e) => e.contractorId));
  if (ofDepartment.some((c) => !done.has(c.id))) return 0;
  const open = await calendarReviewTaskIds(tx, organizationId, 'contractor_evaluation', departmentId, year);
  return completeTasks(
    tx,
    organizationId,
    { taskIds: open },
    { url: '/contractors', note: `${year}年の委託先評価: 所属の委託先 ${ofDepartment.length} 件すべての委託先審査表が承認済み`, now },
  );
}
