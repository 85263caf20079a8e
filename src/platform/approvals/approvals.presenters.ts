import type { z } from 'zod';
import { roleLabels } from '../../domain/roles.ts';
import { type ApprovalStep, approvalStatusLabels, effectiveAlternateRole, passedStepNote, stepLabel } from '../../rules/approvalChains.ts';
import type { ChainSetting } from './approval-chains.ts';
import type { ApprovalList, ApprovalListRow } from './list-approvals.ts';
import { approvalLink } from './approval-notifications.ts';
import type { ApprovalDetail, Stamp, StuckApproval, stampsForRecord } from './approvals.queries.ts';
import type {
  approvalDetailResponse,
  approvalListItemResponse,
  approvalListResponse,
  approvalRequestResponse,
  chainResponse,
  chainStepResponse,
  delegationResponse,
  inboxItemResponse,
  recordApprovalsResponse,
  recordStampsResponse,
  roleRequestResponse,
  stampResponse,
  stuckApprovalResponse,
  stuckApprovalsResponse,
} from './approvals.responses.ts';
import type { approvalDelegations, roleRequests } from './approvals.tables.ts';
import type { ApprovalRequestRow } from './registry.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). Each returns its response
// schema's output type (approvals.responses.ts), so a field the schema lacks is a type error
// here rather than a field silently stripped by the serializer.

export function presentStamp(s: Stamp): z.output<typeof stampResponse> {
  return {
    step: s.step,
    stepLabel: s.stepLabel,
    action: s.action,
    actorName: s.actorName,
    onBehalfOfName: s.onBehalfOfName,
    comment: s.comment,
    at: s.at.toISOString(),
  };
}

type RecordApprovals = Awaited<ReturnType<typeof stampsForRecord>>;
type RecordApproval = NonNullable<RecordApprovals['current']>;

/**
 * A record's approvals — the current request and the earlier ones — with their stamps (承認印:
 * approver, time), as the record's screen and its PDF show them (SPEC §3).
 */
export function presentRecordApprovals(approvals: Pick<RecordApprovals, 'current' | 'history'>): z.output<typeof recordApprovalsResponse> {
  const present = (p: RecordApproval) => ({
    requestId: p.requestId,
    status: p.status,
    statusLabel: p.statusLabel,
    submittedByName: p.submittedByName,
    submittedAt: p.submittedAt.toISOString(),
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
    steps: p.steps,
    stamps: p.stamps.map(presentStamp),
  });
  return { current: approvals.current ? present(approvals.current) : null, history: approvals.history.map(present) };
}

/** 記録の承認印 (GET /api/approval-stamps): the record type with its approvals. */
export function presentRecordStamps(r: RecordApprovals): z.output<typeof recordStampsResponse> {
  return { recordType: r.recordType, recordTypeLabel: r.recordTypeLabel, ...presentRecordApprovals(r) };
}

export function presentStep(step: ApprovalStep, index: number): z.output<typeof chainStepResponse> {
  const alternate = effectiveAlternateRole(step);
  return {
    index,
    role: step.role,
    roleLabel: roleLabels[step.role].ja,
    label: stepLabel(step),
    sameDepartment: step.sameDepartment ?? roleLabels[step.role].perDepartment === true,
    alternateSetting: step.alternateRole === undefined ? 'default' : step.alternateRole === null ? 'none' : 'role',
    alternateRole: alternate,
    alternateLabel: alternate ? roleLabels[alternate].ja : null,
  };
}

type StepState = z.output<typeof approvalDetailResponse>['steps'][number]['state'];

/**
 * Each step's state for the chain display: done, current, waiting, where it was returned, or
 * passed — a step before the current one with no stamp was included in the next step's approval
 * because the submitter alone held it (pass-submitter-only-steps.ts), and says so in its note.
 * The current step's note says who approves it (`currentNote`).
 */
function stepStates(request: ApprovalRequestRow, stamps: readonly Stamp[], currentNote: string | null): z.output<typeof approvalDetailResponse>['steps'] {
  return request.steps.map((step, index) => {
    const last = [...stamps].reverse().find((s) => s.step === index);
    let state: StepState;
    let note: string | null = null;
    if (last?.action === 'approve') state = 'approved';
    else if (last?.action === 'return') state = 'returned';
    else if (index < request.currentStep) {
      state = 'passed';
      note = passedStepNote(request.steps, index);
    } else if (request.status === 'pending' && index === request.currentStep) {
      state = 'current';
      note = currentNote;
    } else if (request.status === 'pending' || request.status === 'approved') state = 'waiting';
    else state = 'skipped';
    return { ...presentStep(step, index), state, note };
  });
}

export function presentRequest(
  request: ApprovalRequestRow,
  extra: {
    recordTypeLabel: string;
    submittedByName: string;
    departmentName?: string | null;
    link: string | null;
  },
): z.output<typeof approvalRequestResponse> {
  const step = request.steps[request.currentStep];
  return {
    id: request.id,
    recordType: request.recordType,
    recordTypeLabel: extra.recordTypeLabel,
    recordId: request.recordId,
    title: request.title,
    departmentId: request.departmentId,
    departmentName: extra.departmentName ?? null,
    status: request.status,
    statusLabel: approvalStatusLabels[request.status],
    stepIndex: request.currentStep,
    stepLabel: step ? stepLabel(step) : null,
    submittedByName: extra.submittedByName,
    submittedAt: request.submittedAt.toISOString(),
    decidedAt: request.decidedAt ? request.decidedAt.toISOString() : null,
    previousRequestId: request.previousRequestId,
    link: extra.link,
    snapshot: request.recordSnapshot,
  };
}

/** Who approves the current step and why (issue 10); null when the request is not pending. */
function presentCurrentApprovers(routing: ApprovalDetail['routing']): z.output<typeof approvalDetailResponse>['request']['currentApprovers'] {
  if (!routing) return null;
  const { resolution } = routing;
  return { kind: resolution.kind, names: resolution.approvers.map((a) => a.name), note: resolution.note };
}

/** 承認依頼の詳細: the request with what the caller may do (abilities), its chain's states and its stamps. */
export function presentApprovalDetail(d: ApprovalDetail): z.output<typeof approvalDetailResponse> {
  return {
    request: {
      ...presentRequest(d.request, d),
      abilities: d.abilities,
      onBehalfOf: d.onBehalfOf,
      snapshotFields: d.snapshotFields,
      changes: d.changes ? { basis: d.changes.basis, approvedAt: d.changes.approvedAt ? d.changes.approvedAt.toISOString() : null, fields: d.changes.fields } : null,
      currentApprovers: presentCurrentApprovers(d.routing),
    },
    steps: stepStates(d.request, d.stamps, d.routing?.resolution.note ?? null),
    stamps: d.stamps.map(presentStamp),
  };
}

export function presentInboxItem(i: {
  request: ApprovalRequestRow;
  recordTypeLabel: string;
  submittedByName: string;
  stepLabel: string;
  link: string;
  onBehalfOf: { personId: string; name: string } | null;
}): z.output<typeof inboxItemResponse> {
  return {
    id: i.request.id,
    recordType: i.request.recordType,
    recordTypeLabel: i.recordTypeLabel,
    recordId: i.request.recordId,
    title: i.request.title,
    submittedByName: i.submittedByName,
    submittedAt: i.request.submittedAt.toISOString(),
    stepIndex: i.request.currentStep,
    stepLabel: i.stepLabel,
    link: i.link,
    ...(i.onBehalfOf ? { onBehalfOf: i.onBehalfOf } : {}),
  };
}

/** 承認待ち一覧 (GET /api/me/approvals). */
export function presentInbox(items: readonly Parameters<typeof presentInboxItem>[0][]): { items: z.output<typeof inboxItemResponse>[] } {
  return { items: items.map(presentInboxItem) };
}

export function presentChain(c: ChainSetting): z.output<typeof chainResponse> {
  return {
    recordType: c.recordType,
    label: c.label,
    basis: c.basis,
    steps: c.steps.map(presentStep),
    defaultSteps: c.defaultSteps.map(presentStep),
    customized: c.customized,
    problems: c.problems,
  };
}

/** 承認経路の一覧 (GET /api/approval-chains). */
export function presentChains(chains: readonly ChainSetting[]): { items: z.output<typeof chainResponse>[] } {
  return { items: chains.map(presentChain) };
}

export function presentDelegation(d: {
  delegation: typeof approvalDelegations.$inferSelect;
  fromName: string;
  toName: string;
  active: boolean;
  canDelete: boolean;
}): z.output<typeof delegationResponse> {
  const r = d.delegation;
  return {
    id: r.id,
    fromPersonId: r.fromPersonId,
    fromName: d.fromName,
    toPersonId: r.toPersonId,
    toName: d.toName,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reason: r.reason,
    active: d.active,
    canDelete: d.canDelete,
  };
}

/** 代理承認の設定一覧 (GET /api/approval-delegations). */
export function presentDelegations(rows: readonly Parameters<typeof presentDelegation>[0][]): { items: z.output<typeof delegationResponse>[] } {
  return { items: rows.map(presentDelegation) };
}

export function presentRoleRequest(r: {
  request: typeof roleRequests.$inferSelect;
  personName: string;
  departmentName: string | null;
  requestedByName?: string;
  approvalRequestId: string | null;
}): z.output<typeof roleRequestResponse> {
  const q = r.request;
  return {
    id: q.id,
    personId: q.personId,
    personName: r.personName,
    role: q.role,
    roleLabel: roleLabels[q.role].ja,
    departmentId: q.departmentId,
    departmentName: r.departmentName,
    startsOn: q.startsOn,
    note: q.note,
    status: q.status,
    statusLabel: q.status === 'draft' ? '下書き' : approvalStatusLabels[q.status],
    requestedByName: r.requestedByName ?? null,
    roleAssignmentId: q.roleAssignmentId,
    approvalRequestId: r.approvalRequestId,
    createdAt: q.createdAt.toISOString(),
  };
}

/** 役割任命申請の一覧 (GET /api/role-requests). */
export function presentRoleRequests(rows: readonly Parameters<typeof presentRoleRequest>[0][]): { items: z.output<typeof roleRequestResponse>[] } {
  return { items: rows.map(presentRoleRequest) };
}

/** One 滞留している承認: where it waits, since when, why it is stuck and who (if anyone) can approve it. */
export function presentStuckApproval(i: StuckApproval): z.output<typeof stuckApprovalResponse> {
  const step = i.request.steps[i.routing.index];
  return {
    id: i.request.id,
    recordType: i.request.recordType,
    recordTypeLabel: i.recordTypeLabel,
    recordId: i.request.recordId,
    title: i.request.title,
    departmentName: i.departmentName,
    submittedByName: i.submittedByName,
    submittedAt: i.request.submittedAt.toISOString(),
    stepIndex: i.routing.index,
    stepLabel: step ? stepLabel(step) : '',
    waitingSince: i.request.updatedAt.toISOString(),
    waitingDays: i.waitingDays,
    reasons: i.reasons,
    approverNames: i.routing.resolution.approvers.map((a) => a.name),
    note: i.routing.resolution.note,
    link: approvalLink(i.request.id),
  };
}

/** 滞留している承認の一覧 (GET /api/approvals/stuck). */
export function presentStuckApprovals(items: readonly StuckApproval[], olderThanDays: number): z.output<typeof stuckApprovalsResponse> {
  return { items: items.map(presentStuckApproval), olderThanDays };
}

/** One row of 承認の一覧: the request, where it stands, who approves it now, and my decision on it. */
export function presentApprovalListItem(r: ApprovalListRow): z.output<typeof approvalListItemResponse> {
  const { request } = r;
  const step = request.status === 'pending' ? request.steps[request.currentStep] : undefined;
  const decidedStep = r.myDecision ? request.steps[r.myDecision.step] : undefined;
  return {
    id: request.id,
    recordType: request.recordType,
    recordTypeLabel: r.recordTypeLabel,
    title: request.title,
    departmentName: r.departmentName,
    status: request.status,
    statusLabel: approvalStatusLabels[request.status],
    stepLabel: step ? stepLabel(step) : null,
    submittedByName: r.submittedByName,
    submittedAt: request.submittedAt.toISOString(),
    decidedAt: request.decidedAt ? request.decidedAt.toISOString() : null,
    currentApproversNote: r.currentApproversNote,
    onBehalfOf: r.onBehalfOf,
    myDecision: r.myDecision
      ? {
          action: r.myDecision.action,
          actionLabel: r.myDecision.action === 'approve' ? '承認' : '差戻し',
          stepLabel: decidedStep ? stepLabel(decidedStep) : '',
          comment: r.myDecision.comment,
          onBehalfOfName: r.myDecision.onBehalfOfName,
          at: r.myDecision.at.toISOString(),
        }
      : null,
    link: r.link,
  };
}

/** 承認の一覧 (GET /api/approvals). */
export function presentApprovalList(list: ApprovalList): z.output<typeof approvalListResponse> {
  return { items: list.rows.map(presentApprovalListItem), total: list.total, page: list.page, pageSize: list.pageSize, recordTypes: list.recordTypes };
}
