import { describe, expect, it } from 'vitest';
import type { ApprovalStep, CapacityResult, HeldRole } from '../../rules/approvalChains.ts';
import { approvalAbilities } from './approval-abilities.ts';

const me = 'person-me';
const other = 'person-other';
const sales = 'dept-sales';
const headStep: ApprovalStep = { role: 'department_head' };
const ownRight: CapacityResult = { ok: true, capacity: { onBehalfOfPersonId: null } };
const asProxy: CapacityResult = { ok: true, capacity: { onBehalfOfPersonId: 'person-delegator' } };
const refused: CapacityResult = { ok: false, violation: null };
const salesHead: HeldRole[] = [{ role: 'department_head', departmentId: sales }];

const base = { status: 'pending' as const, actorPersonId: me, submitterPersonId: other, step: headStep, departmentId: sales, ownRoles: [] as HeldRole[], capacity: refused };

describe('approvalAbilities（承認依頼で呼出し者ができること）', () => {
  it('現在の段の承認者本人: 承認・差戻し・代理承認の設定', () => {
    expect(approvalAbilities({ ...base, ownRoles: salesHead, capacity: ownRight })).toEqual({ approve: true, return: true, withdraw: false, delegate: true });
  });

  it('代理者: 承認・差戻しはできるが、自分の役割ではないので代理承認の設定はない', () => {
    expect(approvalAbilities({ ...base, capacity: asProxy })).toEqual({ approve: true, return: true, withdraw: false, delegate: false });
  });

  it('他部署の所属長: 所属ごとの段なので何もできない', () => {
    expect(approvalAbilities({ ...base, ownRoles: [{ role: 'department_head', departmentId: 'dept-other' }] })).toEqual({
      approve: false,
      return: false,
      withdraw: false,
      delegate: false,
    });
  });

  it('申請者本人（役割を持っていても）: 取下げだけ（SPEC §5.4）', () => {
    expect(approvalAbilities({ ...base, submitterPersonId: me, ownRoles: salesHead })).toEqual({ approve: false, return: false, withdraw: true, delegate: false });
  });

  it('承認待ちでない申請: 誰も何もできない', () => {
    for (const status of ['approved', 'returned', 'withdrawn', 'superseded'] as const) {
      expect(approvalAbilities({ ...base, status, submitterPersonId: me, ownRoles: salesHead, capacity: null })).toEqual({
        approve: false,
        return: false,
        withdraw: false,
        delegate: false,
      });
    }
  });
});
