/**
 * Approval rules (承認の規則; SPEC §3 Approvals engine, §5.4, Principle 3). Pure: who may act on a
 * step, how a request moves between states, and when a changed record needs re-approval. The
 * server (src/platform/approvals) applies these under a row lock; the web may use them to
 * preview a chain.
 */
import { type PmsRole, pmsRoles, roleLabels } from '../domain/roles.ts';
import { checkNotOwnSubmission, type DutyViolation } from './separationOfDuties.ts';

/** One step of an approval chain: the role that approves at that step. */
export type ApprovalStep = {
  role: PmsRole;
  /** Shown instead of the role name (e.g. 「営業部長」). */
  label?: string;
  /**
   * The approver's role must be held for the request's department. Defaults to the role's own
   * nature: 所属長・個人情報取扱責任者… are department-bound, 個人情報保護管理者 is not.
   */
  sameDepartment?: boolean;
};

export const approvalStatuses = ['pending', 'approved', 'returned', 'withdrawn', 'superseded'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export const approvalStatusLabels: Record<ApprovalStatus, string> = {
  pending: '承認待ち',
  approved: '承認済み',
  returned: '差戻し',
  withdrawn: '取下げ',
  superseded: '再承認のため無効',
};

export type ApprovalEvent = 'approve' | 'return' | 'withdraw' | 'supersede';

const eventLabels: Record<ApprovalEvent, string> = {
  approve: '承認',
  return: '差戻し',
  withdraw: '取下げ',
  supersede: '再承認の開始',
};

/** The part of a request the state machine looks at. */
export type ApprovalState = {
  status: ApprovalStatus;
  currentStep: number;
  stepCount: number;
};

export type TransitionResult = { ok: true; state: ApprovalState; completed: boolean } | { ok: false; message: string };

/**
 * The approval state machine (STYLE 7: explicit, guarded transitions):
 *
 * - pending --approve--> pending (next step) | approved (last step; `completed`)
 * - pending --return--> returned        (差戻し: the submitter fixes the record and submits anew)
 * - pending --withdraw--> withdrawn     (取下げ by the submitter)
 * - pending | approved --supersede--> superseded (the record changed: a new request replaces it)
 *
 * Every other pair is refused with a message naming the current state.
 */
export function transition(state: ApprovalState, event: ApprovalEvent): TransitionResult {
  const refuse = (): TransitionResult => ({
    ok: false,
    message: `この申請は「${approvalStatusLabels[state.status]}」のため、${eventLabels[event]}できません`,
  });
  if (event === 'supersede') {
    return state.status === 'pending' || state.status === 'approved'
      ? {
          ok: true,
          state: { ...state, status: 'superseded' },
          completed: false,
        }
      : refuse();
  }
  if (state.status !== 'pending') return refuse();
  switch (event) {
    case 'approve': {
      const last = state.currentStep + 1 >= state.stepCount;
      return last
        ? { ok: true, state: { ...state, status: 'approved' }, completed: true }
        : {
            ok: true,
            state: { ...state, currentStep: state.currentStep + 1 },
            completed: false,
          };
    }
    case 'return':
      return {
        ok: true,
        state: { ...state, status: 'returned' },
        completed: false,
      };
    case 'withdraw':
      return {
        ok: true,
        state: { ...state, status: 'withdrawn' },
        completed: false,
      };
  }
}

/** A role held by a person (department-bound roles carry their department). */
export type HeldRole = { role: PmsRole; departmentId: string | null };

/** True when the step's approver must hold the role for the request's own department. */
export function isDepartmentBoundStep(step: ApprovalStep): boolean {
  return step.sameDepartment ?? roleLabels[step.role].perDepartment === true;
}

/** The step's display name: its label, or the role's Japanese name. */
export function stepLabel(step: ApprovalStep): string {
  return step.label ?? roleLabels[step.role].ja;
}

/** Whether `roles` qualify for `step` of a request belonging to `departmentId`. */
export function holdsStepRole(roles: readonly HeldRole[], step: ApprovalStep, departmentId: string | null): boolean {
  const bound = isDepartmentBoundStep(step);
  return roles.some((r) => r.role === step.role && (!bound || (departmentId !== null && r.departmentId === departmentId)));
}

/** 代理承認: a delegation covers the days from `startsOn` to `endsOn`, both inclusive. */
export function delegationActiveOn(delegation: { startsOn: string; endsOn: string }, today: string): boolean {
  return delegation.startsOn <= today && today <= delegation.endsOn;
}

/** Someone who delegated to the actor (delegation in force today), with the roles they hold today. */
export type Delegator = { personId: string; roles: readonly HeldRole[] };

/** How the actor may act on a step: in their own right, or as proxy (代理) for a delegator. */
export type ActingCapacity = { onBehalfOfPersonId: string | null };

export type CapacityResult = { ok: true; capacity: ActingCapacity } | { ok: false; violation: DutyViolation | null };

/**
 * Decides whether and how a person may act on a request's current step:
 * 1. an approver never approves their own submission (SPEC §5.4) — neither in their own right
 *    nor as someone's proxy;
 * 2. otherwise they act in their own right when they hold the step's role (for the request's
 *    department when the role is department-bound);
 * 3. otherwise as proxy for a delegator who holds it — never for the submitter, since that would
 *    let a submission be approved in its submitter's name.
 * A refusal carries the separation-of-duty violation when that is the reason, null for "lacks the role".
 */
export function actingCapacity(input: {
  actorPersonId: string;
  actorRoles: readonly HeldRole[];
  delegators: readonly Delegator[];
  step: ApprovalStep;
  requestDepartmentId: string | null;
  submitterPersonId: string;
}): CapacityResult {
  const own = checkNotOwnSubmission(input.actorPersonId, input.submitterPersonId);
  if (own) return { ok: false, violation: own };
  if (holdsStepRole(input.actorRoles, input.step, input.requestDepartmentId)) return { ok: true, capacity: { onBehalfOfPersonId: null } };
  let proxyViolation: DutyViolation | null = null;
  for (const d of input.delegators) {
    if (!holdsStepRole(d.roles, input.step, input.requestDepartmentId)) continue;
    if (d.personId === input.submitterPersonId) {
      proxyViolation = {
        rule: 'approver≠submitter',
        clause: 'SPEC §5.4',
        message: '申請者本人の代理として承認することはできません（職務の分離）',
      };
      continue;
    }
    return { ok: true, capacity: { onBehalfOfPersonId: d.personId } };
  }
  return { ok: false, violation: proxyViolation };
}

/** Checks an organization's chain before it is saved; returns the problems (empty when fine). */
export function validateChainSteps(steps: readonly ApprovalStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) problems.push('承認経路には1つ以上の承認ステップが必要です');
  if (steps.length > 6) problems.push('承認ステップは6つまでです');
  for (const [i, s] of steps.entries()) {
    if (!pmsRoles.includes(s.role)) problems.push(`${i + 1}番目の承認ステップの役割が正しくありません`);
    else if (i > 0 && steps[i - 1]?.role === s.role && isDepartmentBoundStep(s) === isDepartmentBoundStep(steps[i - 1] as ApprovalStep)) {
      problems.push(`${i + 1}番目の承認ステップが直前と同じ役割（${roleLabels[s.role].ja}）です`);
    }
  }
  return problems;
}

/** JSON text with object keys sorted, so equal records give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Principle 3: an approved record that changes must be approved again. True when the record's
 * current content differs from the content that was approved.
 */
export function needsReapproval(approvedSnapshot: unknown, currentSnapshot: unknown): boolean {
  return canonicalJson(approvedSnapshot) !== canonicalJson(currentSnapshot);
}
