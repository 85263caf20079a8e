import { describe, expect, it } from 'vitest';
import { checkAuditorIndependence, checkNotOwnSubmission, checkRoleAssignment, periodsOverlap } from './separationOfDuties.ts';

const pms = { personId: 'p1', role: 'pms_manager', startsOn: '2025-04-01', endsOn: null };

describe('職務の分離 (SPEC §2, §5.4)', () => {
  it('J.2.3.2 留意事項「個人情報保護管理者と個人情報保護監査責任者とは異なる者であること」: 同一人物への兼任は拒否', () => {
    const v = checkRoleAssignment({ personId: 'p1', role: 'audit_manager', startsOn: '2026-01-01', endsOn: null }, [pms]);
    expect(v?.clause).toBe('J.2.3.2 留意事項');
    expect(v?.message).toContain('個人情報保護管理者と個人情報保護監査責任者は異なる者');
  });

  it('J.2.3.2: 逆順（監査責任者の人を管理者にする）も拒否', () => {
    const v = checkRoleAssignment({ personId: 'p1', role: 'pms_manager', startsOn: '2026-01-01', endsOn: null }, [
      { personId: 'p1', role: 'audit_manager', startsOn: '2025-01-01', endsOn: null },
    ]);
    expect(v).not.toBeNull();
  });

  it('J.2.3.2: 期間が重ならなければ（前任の管理者が後に監査責任者になる）許可', () => {
    const v = checkRoleAssignment({ personId: 'p1', role: 'audit_manager', startsOn: '2026-04-01', endsOn: null }, [{ ...pms, endsOn: '2026-03-31' }]);
    expect(v).toBeNull();
  });

  it('J.2.3.2: 別の人物なら許可', () => {
    expect(checkRoleAssignment({ personId: 'p2', role: 'audit_manager', startsOn: '2025-04-01', endsOn: null }, [pms])).toBeNull();
  });

  it('J.2.3.2: 変更中の割当て自身とは衝突しない', () => {
    const existing = [{ ...pms, id: 'a1' }];
    expect(checkRoleAssignment({ personId: 'p1', role: 'pms_manager', startsOn: '2025-05-01', endsOn: null }, existing, 'a1')).toBeNull();
  });

  it('J.6.2 留意事項「監査員に、自己の所属する部署の内部監査をさせてはならない」', () => {
    expect(checkAuditorIndependence('d1', 'd1')?.clause).toBe('J.6.2 留意事項');
    expect(checkAuditorIndependence('d1', 'd2')).toBeNull();
    expect(checkAuditorIndependence(null, 'd2')).toBeNull();
  });

  it('SPEC §5.4: 承認者は自分の申請を承認できない', () => {
    expect(checkNotOwnSubmission('p1', 'p1')?.message).toContain('自分が申請した案件は承認できません');
    expect(checkNotOwnSubmission('p1', 'p2')).toBeNull();
  });

  it('期間の重なり: 終了日当日と開始日当日は重なる、無期限は常に重なる', () => {
    expect(periodsOverlap({ startsOn: '2025-01-01', endsOn: '2025-03-31' }, { startsOn: '2025-03-31', endsOn: null })).toBe(true);
    expect(periodsOverlap({ startsOn: '2025-01-01', endsOn: '2025-03-30' }, { startsOn: '2025-03-31', endsOn: null })).toBe(false);
    expect(periodsOverlap({ startsOn: '2025-01-01', endsOn: null }, { startsOn: '2030-01-01', endsOn: '2030-01-02' })).toBe(true);
  });
});
