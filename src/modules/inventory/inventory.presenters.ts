import type { EntryFinding } from './inventory.content.ts';
import type { inventoryImportMappings } from './inventory.tables.ts';
import type { getEntryDetail, EntryListRow, listHistory } from './inventory.service.ts';
import type { getRequestDetail, listRequests } from './inventory.requests.ts';
import type { getReview } from './reviews.service.ts';
import { historyKindLabels, recordStatusLabels, riskStatusCodeLabels } from './inventory.labels.ts';
import { requestKindLabels } from './inventory.schema.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentEntryListRow(r: EntryListRow, today: string) {
  return {
    id: r.id,
    name: r.name,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    revision: r.revision,
    status: r.status,
    items: Array.isArray(r.items) ? r.items : [],
    purpose: r.purpose,
    storageMedia: r.storageMedia,
    sensitive: r.sensitive,
    myNumber: r.myNumber,
    retainedPersonalData: r.retainedPersonalData,
    entrusted: r.entrusted,
    thirdPartyProvision: r.thirdPartyProvision,
    overseas: r.overseas,
    processedKind: r.processedKind,
    recordCount: r.recordCount,
    approximate: r.approximate,
    useUntilDate: r.useUntilDate,
    retainUntilDate: r.retainUntilDate,
    retainUntilText: r.retainUntilText,
    disposedAt: r.disposedAt,
    disposalDue: !r.disposedAt && ((r.useUntilDate !== null && r.useUntilDate < today) || (r.retainUntilDate !== null && r.retainUntilDate < today)),
    riskStatus: r.riskStatus,
    riskStatusLabel: riskStatusCodeLabels[r.riskStatus],
    updatedAt: iso(r.updatedAt),
  };
}

export function presentFinding(f: EntryFinding) {
  return { code: f.code, severity: f.severity, path: f.path, clause: f.clause, quote: f.quote, message: f.message };
}

export function presentHistory(h: Awaited<ReturnType<typeof listHistory>>[number]) {
  return {
    id: h.id,
    revision: h.revision,
    kind: h.kind,
    kindLabel: historyKindLabels[h.kind] ?? h.kind,
    summary: h.summary,
    changes: h.changes,
    requestId: h.requestId,
    requestKindLabel: h.requestKind ? requestKindLabels[h.requestKind] : null,
    importId: h.importId,
    requestedByName: h.requestedByName,
    actorName: h.actorName,
    at: iso(h.createdAt),
  };
}

export function presentEntryDetail(d: Awaited<ReturnType<typeof getEntryDetail>>) {
  const r = d.row;
  return {
    id: r.id,
    revision: r.revision,
    status: r.status,
    name: r.name,
    departmentId: r.departmentId,
    departmentName: d.departmentName,
    content: r.data,
    accessHolders: d.accessHolders,
    riskStatus: r.riskStatus,
    riskStatusLabel: riskStatusCodeLabels[r.riskStatus],
    findings: d.findings.map(presentFinding),
    duties: d.duties,
    disposal: d.disposal,
    assessments: d.assessments.map((a) => ({ ...a, statusLabel: recordStatusLabels[a.status] ?? a.status, approvedAt: iso(a.approvedAt), current: a.entryRevision >= r.revision })),
    openRequests: d.openRequests.map((q) => ({ ...q, kindLabel: requestKindLabels[q.kind], statusLabel: recordStatusLabels[q.status] ?? q.status, createdAt: iso(q.createdAt) })),
    history: d.history.map(presentHistory),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentRequestListRow(r: Awaited<ReturnType<typeof listRequests>>[number]) {
  const q = r.request;
  return {
    id: q.id,
    kind: q.kind,
    kindLabel: requestKindLabels[q.kind],
    name: q.proposed.name,
    entryId: q.entryId,
    departmentId: q.departmentId,
    departmentName: r.departmentName,
    status: q.status,
    statusLabel: recordStatusLabels[q.status] ?? q.status,
    requestedByName: r.requestedByName,
    reason: q.reason,
    createdAt: iso(q.createdAt),
    updatedAt: iso(q.updatedAt),
    decidedAt: iso(q.decidedAt),
  };
}

export function presentRequestDetail(d: Awaited<ReturnType<typeof getRequestDetail>>) {
  const q = d.row;
  return {
    id: q.id,
    kind: q.kind,
    kindLabel: requestKindLabels[q.kind],
    recordType: d.recordType,
    status: q.status,
    statusLabel: recordStatusLabels[q.status] ?? q.status,
    entryId: q.entryId,
    departmentId: q.departmentId,
    departmentName: d.departmentName,
    proposed: q.proposed,
    accessHolders: d.accessHolders,
    reason: q.reason,
    noticeDraft: q.noticeDraft,
    baseRevision: q.baseRevision,
    reviewId: q.reviewId,
    requestedByName: d.requestedByName,
    entry: d.entry,
    changes: d.changes,
    stale: d.stale,
    findings: d.findings.map(presentFinding),
    duties: d.duties,
    approvalRequestId: d.approvalRequestId,
    changedSinceSubmission: d.changedSinceSubmission,
    editable: d.editable,
    canSubmit: d.canSubmit,
    createdAt: iso(q.createdAt),
    updatedAt: iso(q.updatedAt),
    decidedAt: iso(q.decidedAt),
  };
}

export function presentMapping(m: typeof inventoryImportMappings.$inferSelect) {
  return { id: m.id, name: m.name, headerRow: m.headerRow, mapping: m.mapping, updatedAt: iso(m.updatedAt) };
}

export function presentReview(d: Awaited<ReturnType<typeof getReview>>) {
  const r = d.row;
  return {
    id: r.id,
    subject: r.subject,
    departmentId: r.departmentId,
    departmentName: d.departmentName,
    year: r.year,
    status: r.status,
    statusLabel: recordStatusLabels[r.status] ?? r.status,
    items: r.items,
    diff: r.diff ?? null,
    canEdit: d.canEdit,
    submittedAt: iso(r.submittedAt),
    decidedAt: iso(r.decidedAt),
    createdAt: iso(r.createdAt),
  };
}

export function presentReviewListRow(r: {
  department: { id: string; name: string };
  review: { id: string; status: string; items: { decision: string }[]; submittedAt: Date | null; decidedAt: Date | null } | null;
}) {
  return {
    departmentId: r.department.id,
    departmentName: r.department.name,
    reviewId: r.review?.id ?? null,
    status: r.review?.status ?? null,
    statusLabel: r.review ? (recordStatusLabels[r.review.status] ?? r.review.status) : '未開始',
    itemCount: r.review?.items.length ?? 0,
    decidedCount: r.review?.items.filter((i) => i.decision !== 'pending').length ?? 0,
    submittedAt: iso(r.review?.submittedAt),
    decidedAt: iso(r.review?.decidedAt),
  };
}
