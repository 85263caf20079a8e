import { type ApprovalStatus, type ApprovalStep, type CapacityResult, type HeldRole, holdsStepRole } from '../../rules/approvalChains.ts';

// What the signed-in person may do with one approval request (STYLE 4: responses carry the
// actor's abilities, so the SPA shows buttons from them and never re-derives the rules). Pure:
// the inputs are read by approvals.queries.ts.

/** The actions on an approval request, each true when the caller may take it now. */
export type ApprovalAbilities = {
  /** 承認: the current step, in their own right or as 代理 (SPEC §3); never one's own submission (SPEC §5.4). */
  approve: boolean;
  /** 差戻し: the same people as 承認 (a reason is required). */
  return: boolean;
  /** 取下げ: the submitter, while the request is pending. */
  withdraw: boolean;
  /**
   * 代理承認の設定: the caller holds the current step's role in their own right, so they may hand
   * their approvals to someone for a period (settings › 代理承認). Not for the submitter, whose
   * delegate could never act on their own submission.
   */
  delegate: boolean;
};

/**
 * The caller's abilities on a request.
 *
 * @example
 *   approvalAbilities({ status: 'pending', actorPersonId: me, submitterPersonId: other, step, departmentId, ownRoles, capacity })
 *   // → { approve: true, return: true, withdraw: false, delegate: true } for the step's approver
 */
export function approvalAbilities(input: {
  status: ApprovalStatus;
  actorPersonId: string;
  submitterPersonId: string;
  /** The request's current step; undefined once there is none. */
  step: ApprovalStep | undefined;
  departmentId: string | null;
  /** The caller's own roles today (not their delegators'). */
  ownRoles: readonly HeldRole[];
  /** How the caller may act on the current step (rules/approvalChains.ts actingCapacity); null when not pending. */
  capacity: CapacityResult | null;
}): ApprovalAbilities {
  const pending = input.status === 'pending' && input.step !== undefined;
  const decide = pending && input.capacity?.ok === true;
  const submitter = input.actorPersonId === input.submitterPersonId;
  return {
    approve: decide,
    return: decide,
    withdraw: input.status === 'pending' && submitter,
    delegate: pending && !submitter && input.step !== undefined && holdsStepRole(input.ownRoles, input.step, input.departmentId),
  };
}
