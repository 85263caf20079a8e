import { z } from 'zod';
import { pmsRoles } from '../../domain/roles.ts';
import { approvalStatuses, type stepResolutionKinds } from '../../rules/approvalChains.ts';
import { pageResponse } from '../http/contract.ts';

// Response shapes of the approvals engine that records embed (a record's 承認印 on its own
// screen). Pure (zod only): module contracts and the web import it.

/** One 承認印: who approved or returned a step, when, with what comment (代理 in onBehalfOfName). */
export const stampResponse = z.object({
  step: z.number().int(),
  stepLabel: z.string(),
  action: z.enum(['approve', 'return']),
  actorName: z.string(),
  onBehalfOfName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.iso.datetime(),
});

/** One approval request of a record, with its chain and stamps. */
export const recordApprovalResponse = z.object({
  requestId: z.uuid(),
  status: z.enum(approvalStatuses),
  statusLabel: z.string(),
  submittedByName: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  steps: z.array(z.object({ index: z.number().int(), role: z.enum(pmsRoles), roleLabel: z.string(), label: z.string() })),
  stamps: z.array(stampResponse),
});

/** A record's approvals: the current request and the earlier ones (presentRecordApprovals). */
export const recordApprovalsResponse = z.object({ current: recordApprovalResponse.nullable(), history: z.array(recordApprovalResponse) });

/** What a submission returns: the approval request created. */
export const submittedResponse = z.object({ approvalRequestId: z.uuid(), status: z.enum(approvalStatuses) });

// ---- the approvals engine's own routes (approvals.contract.ts) ----

/** 代理: the delegator the caller acts for on the current step. */
export const onBehalfOfResponse = z.object({ personId: z.uuid(), name: z.string() });

/** How a step's 代行者 is set: the role's default, none (the step goes to the next one), or a chosen role. */
export const alternateSettings = ['default', 'none', 'role'] as const;

/** One step of a chain (presentStep): its role, display name, whether it is per department, and its 代行者. */
export const chainStepResponse = z.object({
  index: z.number().int(),
  role: z.enum(pmsRoles),
  roleLabel: z.string(),
  label: z.string(),
  sameDepartment: z.boolean(),
  /** How the 代行者 (who approves when the submitter is the step's only holder; SPEC §5.4) is set. */
  alternateSetting: z.enum(alternateSettings),
  /** The 代行者の役割 in effect (the default's or the chosen one); null: none. */
  alternateRole: z.enum(pmsRoles).nullable(),
  alternateLabel: z.string().nullable(),
});

/**
 * The states of a request's steps on the approval screen. `passed`: the submitter was the step's
 * only holder, so it was included in the next step's approval (issue 10; the step's note says so).
 */
export const approvalStepStates = ['approved', 'returned', 'current', 'waiting', 'skipped', 'passed'] as const;

/** 承認経路 of one record type (presentChain): the organization's steps and the default ones. */
export const chainResponse = z.object({
  recordType: z.string(),
  label: z.string(),
  basis: z.string().nullable(),
  steps: z.array(chainStepResponse),
  defaultSteps: z.array(chainStepResponse),
  customized: z.boolean(),
  /**
   * Possible submitters the chain leaves with no approver today (issue 10), each a Japanese
   * sentence naming the step and the person; saving such a chain is refused (422).
   */
  problems: z.array(z.string()),
});

/** One item of 承認待ち一覧 (presentInboxItem); onBehalfOf only when the caller acts as 代理. */
export const inboxItemResponse = z.object({
  id: z.uuid(),
  recordType: z.string(),
  recordTypeLabel: z.string(),
  recordId: z.uuid(),
  title: z.string(),
  submittedByName: z.string(),
  submittedAt: z.iso.datetime(),
  stepIndex: z.number().int(),
  stepLabel: z.string(),
  link: z.string(),
  onBehalfOf: onBehalfOfResponse.optional(),
});

/**
 * What the caller may do with an approval request now (approval-abilities.ts): the SPA shows
 * 承認・差戻し・取下げ・代理承認の設定 from these and never re-derives the rules.
 */
export const approvalAbilitiesResponse = z.object({
  approve: z.boolean(),
  return: z.boolean(),
  withdraw: z.boolean(),
  delegate: z.boolean(),
});

/** One labelled line of the submitted record (the record type's describeSnapshot). */
export const snapshotFieldResponse = z.object({ key: z.string(), label: z.string(), value: z.string().nullable() });

/** One field of the record that differs from its previous approved version (values as described; null: not filled). */
export const snapshotChangeResponse = z.object({ key: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });

/** 前回承認された版との違い: which version it is compared with, when that was approved, and the fields that differ. */
export const snapshotChangesResponse = z.object({
  basis: z.string(),
  approvedAt: z.iso.datetime().nullable(),
  fields: z.array(snapshotChangeResponse),
});

/** An approval request (presentRequest): the record as submitted and where it stands. */
export const approvalRequestResponse = z.object({
  id: z.uuid(),
  recordType: z.string(),
  recordTypeLabel: z.string(),
  recordId: z.uuid(),
  title: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(approvalStatuses),
  statusLabel: z.string(),
  stepIndex: z.number().int(),
  stepLabel: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  previousRequestId: z.uuid().nullable(),
  /** The record's own screen, when it has one. */
  link: z.string().nullable(),
  /** The record as it was submitted (what the approvers approve). */
  snapshot: z.record(z.string(), z.unknown()),
});

/**
 * Who approves the current step and why (issue 10, SPEC §5.4): `holders` the step's role
 * holders, `alternate` its 代行者 because the submitter is its only holder, `stranded` nobody
 * (the submitter is the last step's only holder and no 代行者 is available), `vacant` nobody
 * holds the role. `note` says it in Japanese, e.g.
 * 「申請者本人が個人情報保護管理者のため、この段はトップマネジメント（山田 太郎）が承認します」.
 */
export const currentApproverKinds = ['holders', 'alternate', 'stranded', 'vacant'] as const satisfies readonly (typeof stepResolutionKinds)[number][];

export const currentApproversResponse = z.object({
  kind: z.enum(currentApproverKinds),
  names: z.array(z.string()),
  note: z.string(),
});

/** 承認依頼の詳細 (presentApprovalDetail): the request with the caller's abilities, its chain and stamps. */
export const approvalDetailResponse = z.object({
  request: approvalRequestResponse.extend({
    abilities: approvalAbilitiesResponse,
    onBehalfOf: onBehalfOfResponse.nullable(),
    /** The record as submitted, as labelled Japanese lines (the record type's describeSnapshot; empty when it cannot be described). */
    snapshotFields: z.array(snapshotFieldResponse),
    /** What changed since the record's previous approved version; null when it was never approved before. */
    changes: snapshotChangesResponse.nullable(),
    /** Who approves the current step and why; null once the request is no longer pending. */
    currentApprovers: currentApproversResponse.nullable(),
  }),
  /** The chain's steps with their state; `note` explains a passed step and who approves the current one. */
  steps: z.array(chainStepResponse.extend({ state: z.enum(approvalStepStates), note: z.string().nullable() })),
  stamps: z.array(stampResponse),
});

/** Why a pending request is on the stuck list: nobody but the submitter can approve its step, or it waited too long. */
export const stuckReasons = ['no_approver', 'overdue'] as const;

/** One 滞留している承認 (presentStuckApproval; GET /api/approvals/stuck). */
export const stuckApprovalResponse = z.object({
  id: z.uuid(),
  recordType: z.string(),
  recordTypeLabel: z.string(),
  recordId: z.uuid(),
  title: z.string(),
  departmentName: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: z.iso.datetime(),
  stepIndex: z.number().int(),
  stepLabel: z.string(),
  /** Since when it waits at its current step (its last transition). */
  waitingSince: z.iso.datetime(),
  waitingDays: z.number().int(),
  reasons: z.array(z.enum(stuckReasons)),
  /** Who can approve the current step (empty when nobody can). */
  approverNames: z.array(z.string()),
  /** Who approves it and why, or why nobody can (Japanese). */
  note: z.string(),
  link: z.string(),
});

/** 滞留している承認の一覧, with the waiting limit applied. */
export const stuckApprovalsResponse = z.object({ items: z.array(stuckApprovalResponse), olderThanDays: z.number().int() });

/** 記録の承認印 (GET /api/approval-stamps): the record type, and its current and earlier requests. */
export const recordStampsResponse = recordApprovalsResponse.extend({ recordType: z.string(), recordTypeLabel: z.string() });

/** 代理承認の設定 (presentDelegation). */
export const delegationResponse = z.object({
  id: z.uuid(),
  fromPersonId: z.uuid(),
  fromName: z.string(),
  toPersonId: z.uuid(),
  toName: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  reason: z.string().nullable(),
  active: z.boolean(),
  /** Whether the caller may remove it (the SPA shows the button only then). */
  canDelete: z.boolean(),
});

/** The states of a 役割任命申請: a draft, then its approval request's. */
export const roleRequestStatuses = ['draft', ...approvalStatuses] as const;

/** 役割任命申請 (presentRoleRequest). */
export const roleRequestResponse = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  role: z.enum(pmsRoles),
  roleLabel: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  startsOn: z.iso.date(),
  note: z.string().nullable(),
  status: z.enum(roleRequestStatuses),
  statusLabel: z.string(),
  requestedByName: z.string().nullable(),
  roleAssignmentId: z.uuid().nullable(),
  approvalRequestId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});

/** My decision on a request (承認 or 差戻し, with its step, comment and time; 代理 in onBehalfOfName). */
export const myDecisionResponse = z.object({
  action: z.enum(['approve', 'return']),
  actionLabel: z.string(),
  stepLabel: z.string(),
  comment: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  at: z.iso.datetime(),
});

/** One row of 承認の一覧 (presentApprovalListItem): where the request stands, and my part in it. */
export const approvalListItemResponse = z.object({
  id: z.uuid(),
  recordType: z.string(),
  recordTypeLabel: z.string(),
  title: z.string(),
  departmentName: z.string().nullable(),
  status: z.enum(approvalStatuses),
  statusLabel: z.string(),
  /** The step it waits at (pending), else null. */
  stepLabel: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** Who approves the current step and why (pending requests). */
  currentApproversNote: z.string().nullable(),
  /** 代理: the delegator I would act for (waiting view). */
  onBehalfOf: onBehalfOfResponse.nullable(),
  /** My latest 承認・差戻し on it (decided view), else null. */
  myDecision: myDecisionResponse.nullable(),
  /** The approval screen (/approvals/:id). */
  link: z.string(),
});

/** 承認の一覧: a page of requests, and the record types the filter offers (the installed ones). */
export const approvalListResponse = pageResponse(approvalListItemResponse).extend({
  recordTypes: z.array(z.object({ type: z.string(), label: z.string() })),
});
