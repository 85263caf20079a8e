import { and, eq } from 'drizzle-orm';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { can } from '../../platform/policies/actor.ts';
import { completeTasks } from '../../platform/tasks/moduleTasks.ts';
import { ensureMonitoringTask } from './record-monitoring.ts';
import { RISK_ASSESSMENT } from './risk.labels.ts';
import { describeRiskAssessmentSnapshot } from './risk.snapshot.ts';
import { getAssessmentRow, linkedEntries, personNames, recordsOf } from './risk.queries.ts';
import { refreshRiskStatus } from './risk.status.ts';
import { riskAssessments } from './risk.tables.ts';

// The 対策表 as an approval record type: 所属長 → 個人情報保護管理者 → トップマネジメント (J.3.1.3).
// The approvals engine keeps the snapshot of what was approved and calls back on each state.

/** What the approvers approve: the 類型, the entries at the revisions analysed, every row. */
async function snapshotOf(tx: Tx, organizationId: string, id: string) {
  const row = await getAssessmentRow(tx, organizationId, id).catch(() => null);
  if (!row) return null;
  const records = await recordsOf(tx, organizationId, id);
  const entries = await linkedEntries(tx, organizationId, id);
  const owners = await personNames(
    tx,
    organizationId,
    records.map((r) => r.ownerPersonId),
  );
  return {
    title: `リスク分析対策表: ${row.category}`,
    departmentId: row.departmentId,
    data: {
      category: row.category,
      description: row.description,
      criteriaVersion: row.criteriaVersion,
      entries: entries.map((e) => ({ id: e.id, name: e.name, revision: e.coveredRevision })),
      records: records.map((r) => ({
        id: r.id,
        phase: r.phase,
        threat: r.threat,
        risk: r.risk,
        owner: r.ownerPersonId ? (owners.get(r.ownerPersonId) ?? '') : '',
        likelihood: r.likelihood,
        impact: r.impact,
        score: r.score,
        countermeasures: r.countermeasures,
        residualDescription: r.residualDescription,
        residualMeasure: r.residualMeasure,
        residualMonitoringDate: r.residualMonitoringDate,
      })),
    },
  };
}

/** Approval record type. Listed in the module manifest (index.ts). */
export const riskAssessmentApprovalType: ApprovalRecordType = {
  type: RISK_ASSESSMENT,
  label: 'リスク分析対策表',
  // J.3.1.3: the department head draws the 対策表 up; when they submit it, their step is the drawing-up.
  submissionPassesAuthorSteps: true,
  snapshot: snapshotOf,
  describeSnapshot: describeRiskAssessmentSnapshot,
  async onApproved(tx, context) {
    const row = await getAssessmentRow(tx, context.organizationId, context.recordId);
    const entries = await linkedEntries(tx, context.organizationId, row.id);
    // The analysis tasks of the entries it covers are done: the approved 対策表 is the evidence.
    await completeTasks(
      tx,
      context.organizationId,
      { sourceType: 'risk_analysis', sourceIds: entries.filter((e) => e.coveredRevision >= e.revision).map((e) => e.id) },
      { url: `/risk/assessments/${row.id}`, note: `リスク分析対策表「${row.category}」が承認されました`, now: context.now, accountId: context.actor.accountId },
    );
    // J.3.1.4 留意事項: residual risks are monitored — a task for each monitoring date.
    for (const record of await recordsOf(tx, context.organizationId, row.id)) {
      if (record.residualMonitoringDate) await ensureMonitoringTask(tx, row, record, record.residualMonitoringDate, context.today);
    }
  },
  async onStatusChange(tx, context) {
    await tx
      .update(riskAssessments)
      .set({ status: context.status, updatedAt: context.now, ...(context.status === 'approved' ? { approvedAt: context.now } : {}) })
      .where(and(eq(riskAssessments.organizationId, context.organizationId), eq(riskAssessments.id, context.recordId)));
    const entries = await linkedEntries(tx, context.organizationId, context.recordId);
    await refreshRiskStatus(
      tx,
      context.organizationId,
      entries.map((e) => e.id),
    );
  },
  async canView(_tx, actor) {
    return can(actor, 'risk.read');
  },
  link: (recordId) => `/risk/assessments/${recordId}`,
};
