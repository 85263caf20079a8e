import { type ApprovalStep, approvalStatusLabels, stepLabel } from '../../rules/approvalChains.ts';
import { roleLabels } from '../../domain/roles.ts';
import type { Stamp, stampsForRecord } from './approvals.service.ts';
import type { approvalDelegations, roleRequests } from './approvals.tables.ts';
import type { ApprovalRequestRow, SnapshotField } from './registry.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

export function presentStamp(s: Stamp) {
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
export function presentRecordApprovals(approvals: Pick<RecordApprovals, 'current' | 'history'>) {
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

export function presentStep(step: ApprovalStep, index: number) {
  return {
    index,
    role: step.role,
    roleLabel: roleLabels[step.role].ja,
    label: stepLabel(step),
    sameDepartment: step.sameDepartment ?? roleLabels[step.role].perDepartment === true,
  };
}

/** Each step's state for the chain display: done, current, waiting, or where it was returned. */
function stepStates(request: ApprovalRequestRow, stamps: readonly Stamp[]) {
  return request.steps.map((step, index) => {
    const last = [...stamps].reverse().find((s) => s.step === index);
    let state: 'approved' | 'returned' | 'current' | 'waiting' | 'skipped';
    if (last?.action === 'approve') state = 'approved';
    else if (last?.action === 'return') state = 'returned';
    else if (request.status === 'pending' && index === request.currentStep) state = 'current';
    else if (request.status === 'pending' || request.status === 'approved') state = 'waiting';
    else state = 'skipped';
    return { ...presentStep(step, index), state };
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
) {
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

export function presentApprovalDetail(d: {
  request: ApprovalRequestRow;
  submittedByName: string;
  departmentName: string | null;
  recordTypeLabel: string;
  link: string | null;
  snapshotFields: SnapshotField[] | null;
  stamps: Stamp[];
  canAct: boolean;
  canWithdraw: boolean;
  onBehalfOf: { personId: string; name: string } | null;
}) {
  return {
    request: {
      ...presentRequest(d.request, d),
      canAct: d.canAct,
      canWithdraw: d.canWithdraw,
      onBehalfOf: d.onBehalfOf,
      /** The snapshot as labelled lines, when the record type describes it (see registry.ts). */
      snapshotFields: d.snapshotFields,
    },
    steps: stepStates(d.request, d.stamps),
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
}) {
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

export function presentChain(c: { recordType: string; label: string; basis: string | null; steps: ApprovalStep[]; defaultSteps: ApprovalStep[]; customized: boolean }) {
  return {
    recordType: c.recordType,
    label: c.label,
    basis: c.basis,
    steps: c.steps.map(presentStep),
    defaultSteps: c.defaultSteps.map(presentStep),
    customized: c.customized,
  };
}

export function presentDelegation(d: { delegation: typeof approvalDelegations.$inferSelect; fromName: string; toName: string; active: boolean; canDelete: boolean }) {
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
    /** Whether the signed-in person may remove it (the SPA shows the button only then). */
    canDelete: d.canDelete,
  };
}

export function presentRoleRequest(r: {
  request: typeof roleRequests.$inferSelect;
  personName: string;
  departmentName: string | null;
  requestedByName?: string;
  approvalRequestId: string | null;
}) {
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
