/**
 * Approval rules (承認の規則; SPEC §3 Approvals engine, §5.4, Principle 3). Pure: who may act on a
 * step, how a request moves between states, and when a changed record needs re-approval. The
 * server (src/platform/approvals) applies these under a row lock; the web may use them to
 * preview a chain.
 */
import { type PmsRole, pmsRoles, roleLabels } from '../domain/roles.ts';
import { defaultAlternateRoles } from './data/approvalChains.ts';
import { checkNotOwnSubmission, type DutyViolation, delegateHoldsAnotherStep, proxyApprovesTwoSteps } from './separationOfDuties.ts';

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
  /**
   * 代行者の役割: who approves this step when the submitter is the only holder of `role` (SPEC §5.4:
   * an approver never approves their own submission). Absent: the role's default
   * (rules/data/approvalChains.ts defaultAlternateRoles); null: none, so the step goes to the next
   * step's holders (see {@link resolveStep}).
   */
  alternateRole?: PmsRole | null;
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

/**
 * How the actor may act on a step: in their own right, or as proxy (代理) for a delegator; and
 * whether as the step's 代行者 (the submitter being the only holder of its role, {@link resolveStep}).
 */
export type ActingCapacity = { onBehalfOfPersonId: string | null; asAlternate?: boolean };

export type CapacityResult = { ok: true; capacity: ActingCapacity } | { ok: false; violation: DutyViolation | null };

/**
 * Decides whether and how a person may act on a request's current step:
 * 1. an approver never approves their own submission (SPEC §5.4) — neither in their own right
 *    nor as someone's proxy;
 * 2. otherwise they act in their own right when they hold the step's role (for the request's
 *    department when the role is department-bound);
 * 3. otherwise as proxy for a delegator who holds it — never for the submitter, since that would
 *    let a submission be approved in its submitter's name;
 * 4. when the submitter is the step's only holder and the step went to its 代行者 (`alternate`,
 *    from {@link resolveStep}), the 代行者 act as the step's holders would, themselves or through
 *    a delegator among them.
 * A refusal carries the separation-of-duty violation when that is the reason, null for "lacks the role".
 */
export function actingCapacity(input: {
  actorPersonId: string;
  actorRoles: readonly HeldRole[];
  delegators: readonly Delegator[];
  step: ApprovalStep;
  requestDepartmentId: string | null;
  submitterPersonId: string;
  /** The step's 代行者 when the step went to them: their role and who they are today. */
  alternate?: { role: PmsRole; approverIds: readonly string[] } | null;
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
  const alternate = input.alternate;
  if (alternate) {
    if (alternate.approverIds.includes(input.actorPersonId)) return { ok: true, capacity: { onBehalfOfPersonId: null, asAlternate: true } };
    const delegator = input.delegators.find((d) => d.personId !== input.submitterPersonId && alternate.approverIds.includes(d.personId));
    if (delegator) return { ok: true, capacity: { onBehalfOfPersonId: delegator.personId, asAlternate: true } };
  }
  return { ok: false, violation: proxyViolation };
}

/** The step's 代行者の役割: its own setting, else the role's default (null: none). */
export function effectiveAlternateRole(step: ApprovalStep): PmsRole | null {
  if (step.alternateRole !== undefined) return step.alternateRole;
  return defaultAlternateRoles[step.role]?.role ?? null;
}

/** A person holding a role on the day in question, with their name (for saying who approves). */
export type RoleHolder = { personId: string; name: string; role: PmsRole; departmentId: string | null };

/** The people (each once, in the given order) who hold `step` for a request of `departmentId`. */
export function holdersOfStep(holders: readonly RoleHolder[], step: ApprovalStep, departmentId: string | null): RoleHolder[] {
  const seen = new Set<string>();
  const result: RoleHolder[] = [];
  for (const h of holders) {
    if (seen.has(h.personId) || !holdsStepRole([h], step, departmentId)) continue;
    seen.add(h.personId);
    result.push(h);
  }
  return result;
}

/** The roles whose holders a chain may need today: each step's role and its 代行者の役割. */
export function chainRoles(steps: readonly ApprovalStep[]): PmsRole[] {
  const roles = new Set<PmsRole>();
  for (const s of steps) {
    roles.add(s.role);
    const alternate = effectiveAlternateRole(s);
    if (alternate) roles.add(alternate);
  }
  return [...roles];
}

const names = (people: readonly RoleHolder[]) => people.map((p) => p.name).join('、');

/**
 * Who approves one step of a request:
 * - `holders`: someone other than the submitter holds the step's role (the ordinary case);
 * - `alternate`: the submitter is its only holder, so its 代行者 approve it;
 * - `pass`: the submitter is its only holder and no 代行者 is available, so the step is included
 *   in the next step's approval (never the last step: someone other than the submitter always
 *   approves the record);
 * - `stranded`: the submitter is the only holder of the last step, and no 代行者 is available;
 * - `vacant`: nobody holds the step's role (an organization matter: assign the role).
 * `note` says it in Japanese for the approval screen.
 */
export type StepResolution =
  | { kind: 'holders'; approvers: RoleHolder[]; note: string }
  | { kind: 'alternate'; alternateRole: PmsRole; approvers: RoleHolder[]; note: string }
  | { kind: 'pass'; approvers: []; note: string }
  | { kind: 'stranded'; approvers: []; note: string }
  | { kind: 'vacant'; approvers: []; note: string };

/** The kinds of {@link StepResolution}. */
export const stepResolutionKinds = ['holders', 'alternate', 'pass', 'stranded', 'vacant'] as const;

/** The note of a step that was included in the next step's approval ({@link resolveStep} `pass`). */
export function passedStepNote(steps: readonly ApprovalStep[], index: number): string {
  const step = steps[index];
  const next = steps[index + 1];
  if (!step || !next) return '';
  return `申請者本人が${stepLabel(step)}のため、この段は次の段（${stepLabel(next)}）の承認に含めました`;
}

/**
 * Resolves who approves step `index` of a request (SPEC §5.4, issue 10 「承認が行き止まらない」).
 * When the submitter is the only holder of the step's role, the step goes to its 代行者
 * ({@link effectiveAlternateRole}) — except those who hold a later step, who approve there
 * anyway and would otherwise approve twice — else it is included in the next step's approval,
 * else (the last step) it is stranded. Pure: `holders` are the role holders in force today.
 *
 * @example
 *   resolveStep({ steps: [{ role: 'department_head' }, { role: 'pms_manager' }], index: 1, submitterPersonId: sato, departmentId: ga, holders })
 *   // → { kind: 'alternate', alternateRole: 'top_management', approvers: [山田], note: '申請者本人が個人情報保護管理者のため、この段はトップマネジメント（山田 太郎）が承認します' }
 */
export function resolveStep(input: {
  steps: readonly ApprovalStep[];
  index: number;
  submitterPersonId: string;
  departmentId: string | null;
  holders: readonly RoleHolder[];
}): StepResolution {
  const { steps, index, submitterPersonId, departmentId, holders } = input;
  const step = steps[index];
  if (!step) return { kind: 'vacant', approvers: [], note: 'この申請には承認する段がありません' };
  const label = stepLabel(step);
  const all = holdersOfStep(holders, step, departmentId);
  const others = all.filter((h) => h.personId !== submitterPersonId);
  if (others.length > 0) return { kind: 'holders', approvers: others, note: `この段は${label}（${names(others)}）が承認します` };
  if (all.length === 0) {
    return {
      kind: 'vacant',
      approvers: [],
      note: `「${label}」の役割を持つ人がいないため、この段を承認できる人がいません。役割を割り当ててください`,
    };
  }
  // SPEC §5.4: the submitter is the step's only holder and can never approve it.
  const later = steps.slice(index + 1);
  const holdsLater = (personId: string) => later.some((s) => holdersOfStep(holders, s, departmentId).some((h) => h.personId === personId));
  const alternateRole = effectiveAlternateRole(step);
  if (alternateRole) {
    const approvers = holdersOfStep(holders, { role: alternateRole }, departmentId).filter((h) => h.personId !== submitterPersonId && !holdsLater(h.personId));
    if (approvers.length > 0) {
      return {
        kind: 'alternate',
        alternateRole,
        approvers,
        note: `申請者本人が${label}のため、この段は${roleLabels[alternateRole].ja}（${names(approvers)}）が承認します`,
      };
    }
  }
  const next = steps[index + 1];
  if (next) return { kind: 'pass', approvers: [], note: `申請者本人が${label}のため、この段は次の段（${stepLabel(next)}）の承認に含めます` };
  return {
    kind: 'stranded',
    approvers: [],
    note: `申請者本人が${label}のため、この段を承認できる人がいません（${label}はほかにおらず、${
      alternateRole ? `代行者の${roleLabels[alternateRole].ja}にも承認できる人がいません` : '代行者も設定されていません'
    }）。承認経路の設定でこの段の代行者を設定するか、申請を取り下げてください`,
  };
}

/**
 * Resolves the request's current step, looking past the steps that are included in the next
 * one (`pass`): `index` is the step that actually waits and `passes` the steps before it that
 * are to be passed. The engine records the passes when the request arrives at a step
 * (submission, approval); reading a request whose holders changed since, the same passes apply.
 */
export function resolveCurrentStep(input: {
  steps: readonly ApprovalStep[];
  currentStep: number;
  submitterPersonId: string;
  departmentId: string | null;
  holders: readonly RoleHolder[];
}): { index: number; resolution: Exclude<StepResolution, { kind: 'pass' }>; passes: { index: number; note: string }[] } {
  const passes: { index: number; note: string }[] = [];
  let index = input.currentStep;
  for (;;) {
    const resolution = resolveStep({ ...input, index });
    if (resolution.kind !== 'pass') return { index, resolution, passes };
    passes.push({ index, note: passedStepNote(input.steps, index) });
    index += 1;
  }
}

/** One possible submitter left with nobody to approve their request (see {@link strandedSubmitters}). */
export type StrandedSubmitter = { stepIndex: number; personId: string; personName: string; departmentId: string | null; message: string };

/**
 * Issue 10: the possible submitters a chain leaves with no approver. For every step and every
 * department a request may belong to, a holder who is the step's only holder is a possible
 * submitter; when {@link resolveStep} finds nobody else for their request (no 代行者, no later
 * step), they are stranded. Vacant roles are not reported (assigning the role fixes them, not
 * the chain). Pure: `holders` are the role holders in force today, `departments` the organization's.
 */
export function strandedSubmitters(steps: readonly ApprovalStep[], holders: readonly RoleHolder[], departments: readonly { id: string; name: string }[]): StrandedSubmitter[] {
  const result: StrandedSubmitter[] = [];
  const seen = new Set<string>();
  for (const [index, step] of steps.entries()) {
    const alternate = effectiveAlternateRole(step);
    const byDepartment = isDepartmentBoundStep(step) || (alternate !== null && isDepartmentBoundStep({ role: alternate }));
    const contexts: readonly { id: string | null; name: string | null }[] = byDepartment ? departments : [{ id: null, name: null }];
    for (const context of contexts) {
      const all = holdersOfStep(holders, step, context.id);
      const [only] = all;
      if (!only || all.length > 1) continue;
      const resolution = resolveStep({ steps, index, submitterPersonId: only.personId, departmentId: context.id, holders });
      if (resolution.kind !== 'stranded') continue;
      const key = `${index}:${only.personId}:${context.id ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const label = stepLabel(step);
      const where = context.name ? `${context.name}の申請で` : '';
      const why = alternate ? `代行者の${roleLabels[alternate].ja}にもほかに承認できる人がいません` : '代行者も設定されていません';
      result.push({
        stepIndex: index,
        personId: only.personId,
        personName: only.name,
        departmentId: context.id,
        message: `${index + 1}番目の段「${label}」: ${where}${only.name}さんが申請すると、承認できる人がいません。申請者本人は承認できず（職務の分離）、ほかに${label}はおらず、後の段もなく、${why}。この段の代行者を設定するか、後に段を追加してください`,
      });
    }
  }
  return result;
}

/** One organization's chain of one record type, as the delegation check reads it. */
export type NamedChain = { label: string; steps: readonly ApprovalStep[] };

/**
 * Issue 10, SPEC §5.4: one person never holds two steps of one chain. A 代理 lets the delegate act
 * on every step the delegator holds, so a delegate who already holds another step of such a chain
 * (for the same department, when the steps are department-bound) could approve both — e.g. a
 * 個人情報保護管理者 made トップマネジメント's 代理. Returns the refusal naming the chain and the
 * steps, or null. Pure: the roles are those in force when the delegation starts.
 */
export function checkDelegationSeparation(input: {
  delegatorName: string;
  delegateName: string;
  delegatorRoles: readonly HeldRole[];
  delegateRoles: readonly HeldRole[];
  chains: readonly NamedChain[];
}): DutyViolation | null {
  const conflicts: { chain: string; delegatedStep: string; delegateSteps: string[] }[] = [];
  for (const chain of input.chains) {
    for (const [i, step] of chain.steps.entries()) {
      // The departments for which the delegator holds the step (null: a request of any department).
      const contexts = isDepartmentBoundStep(step)
        ? input.delegatorRoles.filter((r) => r.role === step.role && r.departmentId !== null).map((r) => r.departmentId)
        : holdsStepRole(input.delegatorRoles, step, null)
          ? [null]
          : [];
      const delegateSteps = new Set<string>();
      for (const context of contexts) {
        for (const [j, other] of chain.steps.entries()) {
          if (j === i) continue;
          const holds = context === null ? input.delegateRoles.some((r) => r.role === other.role) : holdsStepRole(input.delegateRoles, other, context);
          if (holds) delegateSteps.add(stepLabel(other));
        }
      }
      if (delegateSteps.size > 0) conflicts.push({ chain: chain.label, delegatedStep: stepLabel(step), delegateSteps: [...delegateSteps] });
    }
  }
  const [first] = conflicts;
  if (!first) return null;
  return delegateHoldsAnotherStep({
    delegateName: input.delegateName,
    delegatorName: input.delegatorName,
    chainLabel: first.chain,
    delegatedStep: first.delegatedStep,
    delegateSteps: first.delegateSteps,
    otherChains: new Set(conflicts.map((c) => c.chain)).size - 1,
  });
}

/**
 * Issue 10, SPEC §5.4 (defence in depth for {@link checkDelegationSeparation}, which a delegation
 * made before a role changed escapes): acting as 代理 on the current step is refused when the
 * actor holds another step of the request's chain in their own right or already stamped another
 * step; acting in their own right is refused when they already stamped another step as 代理.
 * Holding two steps in one's own right is the organization's choice of who holds which role, and
 * stays allowed.
 */
export function checkProxyStepSeparation(input: {
  steps: readonly ApprovalStep[];
  currentStep: number;
  departmentId: string | null;
  actorOwnRoles: readonly HeldRole[];
  /** The actor's earlier stamps on this request: the step, and whether as 代理. */
  actorStamps: readonly { step: number; asProxy: boolean }[];
  actingAsProxy: boolean;
}): DutyViolation | null {
  const other = (index: number) => index !== input.currentStep;
  const labelOf = (index: number) => {
    const step = input.steps[index];
    return step ? stepLabel(step) : `${index + 1}番目の段`;
  };
  if (input.actingAsProxy) {
    const held = input.steps.findIndex((s, index) => other(index) && holdsStepRole(input.actorOwnRoles, s, input.departmentId));
    if (held >= 0) return proxyApprovesTwoSteps({ otherStep: labelOf(held), reason: 'holds' });
    const stamped = input.actorStamps.find((s) => other(s.step));
    if (stamped) return proxyApprovesTwoSteps({ otherStep: labelOf(stamped.step), reason: 'stamped' });
    return null;
  }
  const asProxy = input.actorStamps.find((s) => other(s.step) && s.asProxy);
  return asProxy ? proxyApprovesTwoSteps({ otherStep: labelOf(asProxy.step), reason: 'stampedAsProxy' }) : null;
}

/** Checks an organization's chain before it is saved; returns the problems (empty when fine). */
export function validateChainSteps(steps: readonly ApprovalStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) problems.push('承認経路には1つ以上の承認ステップが必要です');
  if (steps.length > 6) problems.push('承認ステップは6つまでです');
  for (const [i, s] of steps.entries()) {
    if (!pmsRoles.includes(s.role)) problems.push(`${i + 1}番目の承認ステップの役割が正しくありません`);
    else if (s.alternateRole && !pmsRoles.includes(s.alternateRole)) problems.push(`${i + 1}番目の承認ステップの代行者の役割が正しくありません`);
    else if (s.alternateRole === s.role) problems.push(`${i + 1}番目の承認ステップの代行者が、その段と同じ役割（${roleLabels[s.role].ja}）です`);
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
