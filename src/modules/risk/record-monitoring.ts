import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { completeTasks, ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { assertKeeps } from '../inventory/inventory.exports.ts';
import type { AssessmentRow, RecordRow } from './risk.queries.ts';
import { riskAssessments, riskMonitoringLogs, riskRecords } from './risk.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 残留リスクのモニタリング (J.3.1.4 留意事項: 残留リスクについて文書化し、モニタリングし、レビューし、
// 対応可能となった場合に追加的対応の対象とする): a task on each monitoring date, and its record.

/** 残留リスクのモニタリング task: owned by the リスク所有者 (or the 所属長), due on the monitoring date. */
export async function ensureMonitoringTask(tx: Tx, assessment: AssessmentRow, record: RecordRow, date: string, today: string): Promise<void> {
  await ensureTask(
    tx,
    assessment.organizationId,
    {
      generationKey: `risk-monitoring:${record.id}:${date}`,
      title: `残留リスクのモニタリング: ${record.risk.slice(0, 40)}（${assessment.category}）`,
      description: `残存リスク対応策: ${record.residualMeasure ?? ''}\n残留リスクについて文書化し、モニタリングし、レビューし、対応可能となった場合に追加的対応の対象としてください（J.3.1.4 留意事項）。結果は「残留リスク管理表」に記録します。`,
      ownerPersonId: record.ownerPersonId,
      ownerRole: record.ownerPersonId ? null : 'department_head',
      departmentId: assessment.departmentId,
      startsOn: addCalendarDays(date, -14) > today ? addCalendarDays(date, -14) : today,
      dueOn: date,
      sourceType: 'risk_monitoring',
      sourceId: record.id,
    },
    today,
  );
}

/** Records a monitoring of a residual risk; its task is done, and the next date opens the next task. */
export async function recordMonitoring(
  tx: Tx,
  actor: Actor,
  recordId: string,
  input: { reviewedOn: string; note: string; nextMonitoringDate: string | null },
  clock: Clock,
): Promise<void> {
  const [row] = await tx
    .select({ record: riskRecords, assessment: riskAssessments })
    .from(riskRecords)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskRecords.assessmentId))
    .where(and(eq(riskRecords.organizationId, actor.organizationId), eq(riskRecords.id, recordId)));
  if (!row) throw notFound('残留リスク');
  assertKeeps(actor, row.assessment.departmentId, 'この所属の残留リスク');
  if (!row.record.residualMeasure && !row.record.residualDescription) throw invalid('recordId', 'このリスクには残留リスクが記録されていません');
  await tx.insert(riskMonitoringLogs).values({
    organizationId: actor.organizationId,
    recordId,
    reviewedOn: input.reviewedOn,
    note: input.note,
    nextMonitoringDate: input.nextMonitoringDate,
    byPersonId: actor.personId,
    createdAt: clock.now,
  });
  await completeTasks(
    tx,
    actor.organizationId,
    { sourceType: 'risk_monitoring', sourceIds: [recordId] },
    { url: `/risk/register`, note: `モニタリング（${displayDate(input.reviewedOn)}）: ${input.note}`, now: clock.now, accountId: actor.accountId },
  );
  if (input.nextMonitoringDate) await ensureMonitoringTask(tx, row.assessment, row.record, input.nextMonitoringDate, clock.today);
}
