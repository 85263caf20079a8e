import { describe, expect, it } from 'vitest';
import { actingCapacity, canonicalJson, delegationActiveOn, holdsStepRole, needsReapproval, transition, validateChainSteps } from './approvalChains.ts';
import { defaultApprovalChains } from './data/approvalChains.ts';

const pending = (currentStep: number, stepCount: number) => ({
  status: 'pending' as const,
  currentStep,
  stepCount,
});

describe('承認の状態遷移 (Principle 3)', () => {
  it('pending → approve（途中のステップ）→ 次のステップへ進み pending のまま', () => {
    expect(transition(pending(0, 3), 'approve')).toEqual({
      ok: true,
      state: pending(1, 3),
      completed: false,
    });
  });

  it('pending → approve（最後のステップ）→ approved、completed', () => {
    expect(transition(pending(2, 3), 'approve')).toEqual({
      ok: true,
      state: { status: 'approved', currentStep: 2, stepCount: 3 },
      completed: true,
    });
  });

  it('pending → return → returned', () => {
    const r = transition(pending(1, 3), 'return');
    expect(r.ok && r.state.status).toBe('returned');
  });

  it('pending → withdraw → withdrawn', () => {
    const r = transition(pending(0, 1), 'withdraw');
    expect(r.ok && r.state.status).toBe('withdrawn');
  });

  it('approved / pending → supersede → superseded（記録の変更による再承認）', () => {
    expect(transition({ status: 'approved', currentStep: 0, stepCount: 1 }, 'supersede')).toMatchObject({ ok: true, state: { status: 'superseded' } });
    expect(transition(pending(0, 2), 'supersede')).toMatchObject({
      ok: true,
      state: { status: 'superseded' },
    });
  });

  it('終わった申請はもう動かない（承認済み・差戻し・取下げ・無効）', () => {
    for (const status of ['approved', 'returned', 'withdrawn', 'superseded'] as const) {
      for (const event of ['approve', 'return', 'withdraw'] as const) {
        const r = transition({ status, currentStep: 0, stepCount: 1 }, event);
        expect(r.ok).toBe(false);
      }
    }
    const r = transition({ status: 'returned', currentStep: 0, stepCount: 1 }, 'approve');
    expect(!r.ok && r.message).toBe('この申請は「差戻し」のため、承認できません');
    expect(transition({ status: 'returned', currentStep: 0, stepCount: 1 }, 'supersede').ok).toBe(false);
  });
});

describe('承認者の資格・職務の分離 (SPEC §5.4)', () => {
  const sales = 'dept-sales';
  const head = { role: 'department_head' as const, departmentId: sales };
  const pms = { role: 'pms_manager' as const, departmentId: null };

  it('所属長のステップは、申請の所属の所属長だけが承認できる', () => {
    expect(holdsStepRole([head], { role: 'department_head' }, sales)).toBe(true);
    expect(holdsStepRole([head], { role: 'department_head' }, 'dept-other')).toBe(false);
    expect(holdsStepRole([head], { role: 'department_head' }, null)).toBe(false);
    expect(holdsStepRole([pms], { role: 'pms_manager' }, sales)).toBe(true);
    expect(holdsStepRole([head], { role: 'department_head', sameDepartment: false }, 'dept-other')).toBe(true);
  });

  it('自分の申請は承認できない（役割を持っていても）', () => {
    const r = actingCapacity({
      actorPersonId: 'p1',
      actorRoles: [pms],
      delegators: [],
      step: { role: 'pms_manager' },
      requestDepartmentId: null,
      submitterPersonId: 'p1',
    });
    expect(r).toEqual({
      ok: false,
      violation: expect.objectContaining({
        message: '自分が申請した案件は承認できません（職務の分離）',
      }),
    });
  });

  it('役割がなければ拒否（違反ではなく権限なし）', () => {
    expect(
      actingCapacity({
        actorPersonId: 'p2',
        actorRoles: [head],
        delegators: [],
        step: { role: 'pms_manager' },
        requestDepartmentId: sales,
        submitterPersonId: 'p1',
      }),
    ).toEqual({ ok: false, violation: null });
  });

  it('代理: 委任者が役割を持てば代理として承認できる（本人の役割が優先）', () => {
    const viaDelegation = actingCapacity({
      actorPersonId: 'p3',
      actorRoles: [],
      delegators: [{ personId: 'p4', roles: [pms] }],
      step: { role: 'pms_manager' },
      requestDepartmentId: null,
      submitterPersonId: 'p1',
    });
    expect(viaDelegation).toEqual({
      ok: true,
      capacity: { onBehalfOfPersonId: 'p4' },
    });
    const own = actingCapacity({
      actorPersonId: 'p3',
      actorRoles: [pms],
      delegators: [{ personId: 'p4', roles: [pms] }],
      step: { role: 'pms_manager' },
      requestDepartmentId: null,
      submitterPersonId: 'p1',
    });
    expect(own).toEqual({ ok: true, capacity: { onBehalfOfPersonId: null } });
  });

  it('代理: 申請者本人の代理として承認することはできない', () => {
    const r = actingCapacity({
      actorPersonId: 'p3',
      actorRoles: [],
      delegators: [{ personId: 'p1', roles: [pms] }],
      step: { role: 'pms_manager' },
      requestDepartmentId: null,
      submitterPersonId: 'p1',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.violation?.message).toBe('申請者本人の代理として承認することはできません（職務の分離）');
  });

  it('代理期間は開始日と終了日を含む', () => {
    const d = { startsOn: '2026-05-01', endsOn: '2026-05-10' };
    expect(delegationActiveOn(d, '2026-04-30')).toBe(false);
    expect(delegationActiveOn(d, '2026-05-01')).toBe(true);
    expect(delegationActiveOn(d, '2026-05-10')).toBe(true);
    expect(delegationActiveOn(d, '2026-05-11')).toBe(false);
  });
});

describe('承認経路', () => {
  it('J.3.1.3「個人情報保護管理者の承認を経てトップマネジメントの承認」: リスク分析は 所属長 → 管理者 → トップ', () => {
    expect(defaultApprovalChains.risk_assessment?.steps.map((s) => s.role)).toEqual(['department_head', 'pms_manager', 'top_management']);
  });

  it('J.7.1 h)「当該所属長の確認を得て、個人情報保護管理者およびトップマネジメントの承認」: 是正処置', () => {
    expect(defaultApprovalChains.corrective_action?.steps.map((s) => s.role)).toEqual(['department_head', 'pms_manager', 'top_management']);
  });

  it('役割任命申請の既定は [個人情報保護管理者]', () => {
    expect(defaultApprovalChains.role_request?.steps).toEqual([{ role: 'pms_manager' }]);
  });

  it('空の経路・7段以上・同じ役割の連続は拒否', () => {
    expect(validateChainSteps([])).toEqual(['承認経路には1つ以上の承認ステップが必要です']);
    expect(
      validateChainSteps(
        Array.from({ length: 7 }, (_, i) => ({
          role: i % 2 ? ('pms_manager' as const) : ('top_management' as const),
        })),
      ),
    ).toContain('承認ステップは6つまでです');
    expect(validateChainSteps([{ role: 'pms_manager' }, { role: 'pms_manager' }])[0]).toContain('直前と同じ役割');
    expect(validateChainSteps([{ role: 'department_head' }, { role: 'pms_manager' }])).toEqual([]);
  });
});

describe('再承認の判定', () => {
  it('キーの順序が違うだけなら同じ内容', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }));
    expect(needsReapproval({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(false);
  });

  it('値が変われば再承認が必要', () => {
    expect(needsReapproval({ a: 1 }, { a: 2 })).toBe(true);
    expect(needsReapproval({ a: [1, 2] }, { a: [2, 1] })).toBe(true);
  });
});
