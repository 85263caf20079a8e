import type { z } from 'zod';
import type { HandlingDuty } from '../../rules/inventoryRules.ts';
import type { ResponseOf } from '../../platform/http/contract.ts';
import type { EntryDetail, listHistory } from './get-entry-detail.ts';
import type { EntryFinding } from './inventory.content.shared.ts';
import type { inventoryContract } from './inventory.contract.ts';
import { historyKindLabels, recordStatusLabels, riskStatusCodeLabels } from './inventory.labels.ts';
import type { EntryListRow } from './inventory.queries.ts';
import type { RequestDetail, RequestListRow } from './inventory.requests.ts';
import type {
  dutyResponse,
  entryDetailResponse,
  entryListItemResponse,
  entrySummaryResponse,
  findingResponse,
  historyItemResponse,
  requestDetailResponse,
  requestListItemResponse,
} from './inventory.responses.ts';
import { requestKindLabels } from './inventory.schema.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). Each returns its response
// schema's output type (inventory.responses.ts), so a field the schema lacks is a type error
// here rather than a field silently stripped by the serializer.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

type Out<S extends z.ZodType> = z.output<S>;

export function presentEntryListRow(r: EntryListRow, today: string): Out<typeof entryListItemResponse> {
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
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A page of 台帳一覧. */
export function presentEntryPage(page: { items: EntryListRow[]; total: number; page: number; pageSize: number }, today: string): ResponseOf<typeof inventoryContract.entries> {
  return { items: page.items.map((row) => presentEntryListRow(row, today)), total: page.total, page: page.page, pageSize: page.pageSize };
}

export function presentEntrySummary(s: Out<typeof entrySummaryResponse>): Out<typeof entrySummaryResponse> {
  return { total: s.total, unanalysed: s.unanalysed, needsReview: s.needsReview, sensitive: s.sensitive, disposalDue: s.disposalDue };
}

export function presentFinding(f: EntryFinding): Out<typeof findingResponse> {
  return { code: f.code, severity: f.severity, path: f.path, clause: f.clause, quote: f.quote, message: f.message };
}

export function presentDuty(d: HandlingDuty): Out<typeof dutyResponse> {
  return {
    id: d.id,
    label: d.label,
    clause: d.clause,
    quote: d.quote,
    timing: d.timing,
    triggeredBy: d.triggeredBy,
    status: d.status,
    exemptedBy: d.exemptedBy,
    items: d.items.map((i) => ({ letter: i.letter, text: i.text })),
    procedure: d.procedure,
    certainty: d.certainty,
    note: d.note,
  };
}

export function presentHistory(h: Awaited<ReturnType<typeof listHistory>>[number]): Out<typeof historyItemResponse> {
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
    at: h.createdAt.toISOString(),
  };
}

export function presentEntryDetail(d: EntryDetail): Out<typeof entryDetailResponse> {
  const r = d.row;
  return {
    id: r.id,
    revision: r.revision,
    status: r.status,
    name: r.name,
    departmentId: r.departmentId,
    departmentName: d.departmentName,
    content: r.data,
    importExtras: r.importExtras ?? [],
    accessHolders: d.accessHolders,
    noticeVersions: d.noticeVersions,
    riskStatus: r.riskStatus,
    riskStatusLabel: riskStatusCodeLabels[r.riskStatus],
    findings: d.findings.map(presentFinding),
    duties: d.duties.map(presentDuty),
    disposal: d.disposal,
    assessments: d.assessments.map((a) => ({
      id: a.id,
      category: a.category,
      status: a.status,
      statusLabel: recordStatusLabels[a.status] ?? a.status,
      entryRevision: a.entryRevision,
      approvedAt: iso(a.approvedAt),
      current: a.entryRevision >= r.revision,
    })),
    openRequests: d.openRequests.map((q) => ({
      id: q.id,
      kind: q.kind,
      kindLabel: requestKindLabels[q.kind],
      status: q.status,
      statusLabel: recordStatusLabels[q.status] ?? q.status,
      createdAt: q.createdAt.toISOString(),
    })),
    history: d.history.map(presentHistory),
    abilities: d.abilities,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentRequestListRow(r: RequestListRow): Out<typeof requestListItemResponse> {
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
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    decidedAt: iso(q.decidedAt),
  };
}

/** 申請書の一覧. */
export function presentRequestList(rows: readonly RequestListRow[]): ResponseOf<typeof inventoryContract.requests> {
  return { items: rows.map(presentRequestListRow) };
}

export function presentRequestDetail(d: RequestDetail): Out<typeof requestDetailResponse> {
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
    duties: d.duties.map(presentDuty),
    approvalRequestId: d.approvalRequestId,
    changedSinceSubmission: d.changedSinceSubmission,
    abilities: d.abilities,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    decidedAt: iso(q.decidedAt),
  };
}
