import { and, desc, eq } from 'drizzle-orm';
import { getRiskCriteria } from '../../rules/data/riskCriteria.ts';
import { heatMap } from '../../rules/riskAssessment.ts';
import { decisionAbilitiesOn } from '../../platform/approvals/approvals.service.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { departments } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { assessmentAbilities, keepsAnalysesOf } from './risk.abilities.ts';
import { RISK_ASSESSMENT } from './risk.labels.ts';
import { audienceOf, criteriaFor, getAssessmentRow, linkedEntries, personNames, recordsOf } from './risk.queries.ts';
import { recordViolations, toRiskRecord } from './risk.violations.ts';

/**
 * One 対策表: entries, rows (with the engine's findings), heat map, the latest approval request and
 * the caller's abilities (edit, submit, and approve / return / withdraw on its pending request).
 */
export async function getAssessmentDetail(tx: Tx, actor: Actor, id: string, today: string) {
  const row = await getAssessmentRow(tx, actor.organizationId, id);
  const audience = await audienceOf(tx, actor.organizationId);
  const criteria = criteriaFor(getRiskCriteria(row.criteriaVersion), audience);
  const records = await recordsOf(tx, actor.organizationId, id);
  const entries = await linkedEntries(tx, actor.organizationId, id);
  const owners = await personNames(
    tx,
    actor.organizationId,
    records.map((r) => r.ownerPersonId),
  );
  const [department] = await tx
    .select({ name: departments.name })
    .from(departments)
    .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, row.departmentId)));
  const [approval] = await tx
    .select({ id: approvalRequests.id, status: approvalRequests.status })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.recordType, RISK_ASSESSMENT), eq(approvalRequests.recordId, id)))
    .orderBy(desc(approvalRequests.submittedAt))
    .limit(1);
  const decision = await decisionAbilitiesOn(tx, actor, approval, today);
  return {
    row,
    criteria,
    departmentName: department?.name ?? '',
    entries,
    records: records.map((r) => ({
      row: r,
      ownerName: r.ownerPersonId ? (owners.get(r.ownerPersonId) ?? null) : null,
      violations: recordViolations(toRiskRecord(r, row.criteriaVersion, owners), row.criteriaVersion, audience),
    })),
    heatMap: heatMap(records, criteria),
    approvalRequestId: approval?.id ?? null,
    abilities: assessmentAbilities(row.status, keepsAnalysesOf(actor, row.departmentId), decision),
  };
}

/** What getAssessmentDetail reads (the presenter's input). */
export type AssessmentDetail = Awaited<ReturnType<typeof getAssessmentDetail>>;
