import type { z } from 'zod';
import type { submittedResponse } from '../../platform/approvals/approvals.responses.ts';
import { presentRecordApprovals } from '../../platform/approvals/approvals.presenters.ts';
import type { ApprovalRequestRow } from '../../platform/approvals/registry.ts';
import { correctiveSourceLabels, correctiveStatusLabels } from './corrective.labels.ts';
import type { CorrectiveDetail, CorrectivePage, CorrectiveRow } from './corrective.queries.ts';
import type { correctiveDetailResponse, correctiveLinkResponse, correctiveListItemResponse, correctivePageResponse, correctiveResponse } from './corrective.responses.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). Each returns its response
// schema's output type (corrective.responses.ts), so a field the schema lacks is a type error
// here rather than a field silently stripped by the serializer.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A corrective action's own fields. */
export function presentCorrective(row: CorrectiveRow, extra: { departmentName?: string | null } = {}): z.output<typeof correctiveResponse> {
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

/** A corrective action as another record links to it (the incident screen). */
export function presentCorrectiveLink(row: Pick<CorrectiveRow, 'id' | 'number' | 'title' | 'status'>): z.output<typeof correctiveLinkResponse> {
  return { id: row.id, number: row.number, title: row.title, status: row.status, statusLabel: correctiveStatusLabels[row.status].ja };
}

export function presentCorrectiveListItem(row: CorrectivePage['items'][number], today: string): z.output<typeof correctiveListItemResponse> {
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

/** 是正処置の一覧: a page of rows, overdue against `today`. */
export function presentCorrectivePage(page: CorrectivePage, today: string): z.output<typeof correctivePageResponse> {
  return { items: page.items.map((row) => presentCorrectiveListItem(row, today)), total: page.total, page: page.page, pageSize: page.pageSize };
}

export function presentCorrectiveDetail(d: CorrectiveDetail): z.output<typeof correctiveDetailResponse> {
  return {
    ...presentCorrective(d.action, { departmentName: d.departmentName }),
    reportedByName: d.reporterName,
    effectivenessReviewedByName: d.reviewerName,
    incident: d.incident,
    complaint: d.complaint,
    contractorInspection: d.contractorInspection,
    planApproval: presentRecordApprovals(d.planApproval),
    resultApproval: presentRecordApprovals(d.resultApproval),
    abilities: d.abilities,
  };
}

/** What a submission (処置計画・処置結果の申請) returns: the approval request created. */
export function presentSubmitted(row: Pick<ApprovalRequestRow, 'id' | 'status'>): z.output<typeof submittedResponse> {
  return { approvalRequestId: row.id, status: row.status };
}
