/**
 * Separation-of-duty rules (SPEC §2, §5.4). Pure: the caller passes the assignments in force.
 */

export type RoleAssignmentPeriod = {
  personId: string;
  role: string;
  departmentId?: string | null;
  startsOn: string;
  endsOn: string | null;
};

export type DutyViolation = { rule: string; clause: string; message: string };

/** Two periods [start, end] (end null = open) overlap. Dates are YYYY-MM-DD, so strings compare. */
export function periodsOverlap(a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }): boolean {
  const aEnd = a.endsOn ?? '9999-12-31';
  const bEnd = b.endsOn ?? '9999-12-31';
  return a.startsOn <= bEnd && b.startsOn <= aEnd;
}

/** Role pairs one person may not hold at the same time. */
const incompatibleRoles: { roles: [string, string]; clause: string; message: string }[] = [
  {
    // J.2.3.2 留意事項: 「個人情報保護管理者と個人情報保護監査責任者とは異なる者であること。」
    roles: ['pms_manager', 'audit_manager'],
    clause: 'J.2.3.2 留意事項',
    message: '個人情報保護管理者と個人情報保護監査責任者は異なる者でなければなりません（J.2.3.2 留意事項）',
  },
];

/**
 * Checks a new (or changed) role assignment against the person's other assignments.
 * Returns the first violation, or null when the assignment is allowed.
 */
export function checkRoleAssignment(candidate: RoleAssignmentPeriod, existing: readonly (RoleAssignmentPeriod & { id?: string })[], candidateId?: string): DutyViolation | null {
  for (const rule of incompatibleRoles) {
    const [a, b] = rule.roles;
    if (candidate.role !== a && candidate.role !== b) continue;
    const other = candidate.role === a ? b : a;
    const clash = existing.find(
      (e) => (candidateId === undefined || e.id !== candidateId) && e.personId === candidate.personId && e.role === other && periodsOverlap(e, candidate),
    );
    if (clash) return { rule: `${a}≠${b}`, clause: rule.clause, message: rule.message };
  }
  return null;
}

/**
 * J.6.2 留意事項: 「個人情報保護監査責任者は、監査員に、自己の所属する部署の内部監査をさせてはならない。」
 */
export function checkAuditorIndependence(auditorDepartmentId: string | null, auditedDepartmentId: string): DutyViolation | null {
  if (auditorDepartmentId && auditorDepartmentId === auditedDepartmentId) {
    return { rule: 'auditor≠own department', clause: 'J.6.2 留意事項', message: '監査員に自己の所属する部署の内部監査をさせることはできません（J.6.2 留意事項）' };
  }
  return null;
}

/**
 * SPEC §5.4, Principle 3: an approver never approves their own submission.
 */
export function checkNotOwnSubmission(approverPersonId: string, submitterPersonId: string): DutyViolation | null {
  if (approverPersonId === submitterPersonId) {
    return { rule: 'approver≠submitter', clause: 'SPEC §5.4', message: '自分が申請した案件は承認できません（職務の分離）' };
  }
  return null;
}

/**
 * Issue 10, SPEC §5.4: one person never holds two steps of one approval chain. The refusal of a
 * 代理承認 whose delegate already holds another step of a chain the delegated step belongs to
 * (rules/approvalChains.ts checkDelegationSeparation finds it).
 */
export function delegateHoldsAnotherStep(input: {
  delegateName: string;
  delegatorName: string;
  chainLabel: string;
  delegatedStep: string;
  delegateSteps: readonly string[];
  /** How many more chains have the same conflict. */
  otherChains: number;
}): DutyViolation {
  const steps = input.delegateSteps.map((s) => `「${s}」`).join('');
  const more = input.otherChains > 0 ? `（ほか${input.otherChains}件の承認経路も同様）` : '';
  return {
    rule: 'one person, one step of a chain',
    clause: 'SPEC §5.4',
    message: `${input.delegateName}さんは「${input.chainLabel}」の承認経路で${steps}の段を持っているため、${input.delegatorName}さんの「${input.delegatedStep}」の段の代理にはできません${more}。一人が同じ承認経路の二つの段を承認することになります（職務の分離）`,
  };
}

/**
 * Issue 10, SPEC §5.4, at approval time: a 代理 never makes one person approve two steps of one
 * request's chain (see rules/approvalChains.ts checkProxyStepSeparation).
 */
export function proxyApprovesTwoSteps(input: { otherStep: string; reason: 'holds' | 'stamped' | 'stampedAsProxy' }): DutyViolation {
  const why =
    input.reason === 'holds'
      ? `この承認経路の「${input.otherStep}」の段をご自身が担当しているため、代理としては承認できません`
      : input.reason === 'stamped'
        ? `この申請の「${input.otherStep}」の段を承認済みのため、代理としては承認できません`
        : `この申請の「${input.otherStep}」の段を代理として承認済みのため、この段は承認できません`;
  return {
    rule: 'one person, one step of a chain',
    clause: 'SPEC §5.4',
    message: `${why}（一人が同じ承認経路の二つの段を承認することはできません。職務の分離）`,
  };
}
