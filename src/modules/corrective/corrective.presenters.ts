import { presentRecordApprovals } from '../../platform/approvals/approvals.presenters.ts';
import { correctiveSourceLabels, correctiveStatusLabels } from './corrective.labels.ts';
import type { CorrectiveDetail, CorrectiveRow, listCorrectiveActions } from './corrective.service.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A corrective action's own fields. */
export function presentCorrective(row: CorrectiveRow, extra: { departmentName?: string | null } = {}) {
  return {
    id: row.id,
    number: row.number,
    sourceType: row.sourceType,
    sourceLabel: correctiveSourceLabels[row.sourceType].ja,
    sourceBasis: correctiveSourceLabels[row.sourceType].basis,
    sourceId: row.sourceId,
    sourceRef: row.sourceRef,
    departmentId: row.departmentId,
    departmentName: extra.departmentName ?? null,
    title: row.title,
    content: row.content,
    correction: row.correction,
    rootCause: row.rootCause,
    similarCases: row.similarCases,
    plan: row.plan,
    dueOn: row.dueOn,
    implementation: row.implementation,
    implementedOn: row.implementedOn,
    effectivenessReview: row.effectivenessReview,
    effective: row.effective,
    effectivenessReviewedOn: row.effectivenessReviewedOn,
    status: row.status,
    statusLabel: correctiveStatusLabels[row.status].ja,
    reportedAt: row.reportedAt.toISOString(),
    closedAt: iso(row.closedAt),
  };
}

export function presentCorrectiveListItem(row: Awaited<ReturnType<typeof listCorrectiveActions>>['items'][number], today: string) {
  const a = row.action;
  return {
    id: a.id,
    number: a.number,
    title: a.title,
    sourceType: a.sourceType,
    sourceLabel: correctiveSourceLabels[a.sourceType].ja,
    sourceRef: a.sourceRef,
    departmentId: a.departmentId,
    departmentName: row.departmentName,
    status: a.status,
    statusLabel: correctiveStatusLabels[a.status].ja,
    dueOn: a.dueOn,
    overdue: a.status !== 'closed' && a.dueOn !== null && a.dueOn < today && a.implementedOn === null,
    reportedAt: a.reportedAt.toISOString(),
  };
}

export function presentCorrectiveDetail(d: CorrectiveDetail) {
  return {
    ...presentCorrective(d.action, { departmentName: d.departmentName }),
    reportedByName: d.reporterName,
    effectivenessReviewedByName: d.reviewerName,
    incident: d.incident,
    planApproval: presentRecordApprovals(d.planApproval),
    resultApproval: presentRecordApprovals(d.resultApproval),
    abilities: d.abilities,
  };
}
