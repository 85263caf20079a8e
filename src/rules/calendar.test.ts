import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dueDatesBetween, monthsOf, nextOccurrence, occurrences, upcomingOccurrences } from './calendar.ts';
import { type PmsCalendarDefault, pmsCalendarDefaults } from './data/pmsCalendar.ts';

const item = (code: string): PmsCalendarDefault => {
  const found = pmsCalendarDefaults.find((d) => d.code === code);
  if (!found) throw new Error(`no calendar default ${code}`);
  return found;
};
const dueMonths = (code: string, year = 2026) => occurrences(item(code), year).map((o) => o.dueOn);

describe('PMS年間計画の既定値 (PA01 / Setagaya 運用スケジュール)', () => {
  it('J.1.3 c)「法令等は、個人情報保護管理者が、毎年12月及び必要に応じて随時…確認し」: 法令規範一覧の見直しは12月末期限、個人情報保護管理者', () => {
    expect(item('legal_register_review').quote).toContain('毎年12月');
    expect(item('legal_register_review').ownerRole).toBe('pms_manager');
    expect(dueMonths('legal_register_review')).toEqual(['2026-12-31']);
  });

  it('J.3.1.1「個人情報管理台帳」は、毎年12月…各所属長が見直しを行い: 所属ごと・所属長・12月', () => {
    const d = item('inventory_review');
    expect(d.quote).toContain('毎年12月');
    expect(d).toMatchObject({
      ownerRole: 'department_head',
      perDepartment: true,
    });
    expect(dueMonths('inventory_review')).toEqual(['2026-12-31']);
  });

  it('J.3.1.3「個人情報リスク分析対策表」は、毎年 12 月に、各部門の責任者が見直し: 所属ごと・12月', () => {
    expect(item('risk_review').quote).toContain('毎年 12 月');
    expect(item('risk_review').perDepartment).toBe(true);
    expect(dueMonths('risk_review')).toEqual(['2026-12-31']);
  });

  it('J.9.4 s)「毎年 12 月に委託先の選定基準を見直し」と t)「毎年 12 月…「委託先審査表」による評価」: 12月', () => {
    expect(item('contractor_criteria_review').quote).toContain('毎年 12 月に委託先の選定基準を見直し');
    expect(item('contractor_evaluation').quote).toContain('毎年 12 月');
    expect(item('contractor_evaluation').perDepartment).toBe(true);
    expect(dueMonths('contractor_criteria_review')).toEqual(['2026-12-31']);
    expect(dueMonths('contractor_evaluation')).toEqual(['2026-12-31']);
  });

  it('J.4.3 g)「毎年 7 月に年間教育計画を作成」と h)「教育の実施（毎年 7 月）」: 7月', () => {
    expect(item('training_plan').quote).toContain('毎年 7 月に年間教育計画を作成');
    expect(item('training').quote).toContain('教育の実施（毎年 7 月）');
    expect(dueMonths('training_plan')).toEqual(['2026-07-31']);
    expect(dueMonths('training')).toEqual(['2026-07-31']);
  });

  it('J.6.2「毎年9月に…「内部監査計画書」を作成」と「監査は年1回、原則として毎年9月」: 9月、個人情報保護監査責任者', () => {
    expect(item('audit_plan').quote).toContain('毎年9月');
    expect(item('internal_audit').quote).toContain('原則として毎年9月');
    expect(item('audit_plan').ownerRole).toBe('audit_manager');
    expect(dueMonths('audit_plan')).toEqual(['2026-09-30']);
    expect(dueMonths('internal_audit')).toEqual(['2026-09-30']);
  });

  it('J.6.3 g)「マネジメントレビューは、原則として毎年10月」: 10月、トップマネジメント', () => {
    expect(item('management_review').quote).toContain('原則として毎年10月');
    expect(item('management_review').ownerRole).toBe('top_management');
    expect(dueMonths('management_review')).toEqual(['2026-10-31']);
  });

  it('J.6.1「個人情報保護運用チェックリスト」により3か月に1回: 所属ごとに年4回（3・6・9・12月）', () => {
    const d = item('operation_check');
    expect(d.quote).toContain('3か月に1回');
    expect(d).toMatchObject({
      recurrence: 'quarterly',
      perDepartment: true,
      ownerRole: 'department_head',
    });
    expect(dueMonths('operation_check')).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(occurrences(d, 2026).map((o) => o.periodKey)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('J.9.2 a) 8)「従業者の入退記録が適切にとられているかどうかを月に1度確認する」: 毎月、月末期限（2月は28日）', () => {
    expect(item('entry_log_check').quote).toContain('月に1度確認する');
    const due = dueMonths('entry_log_check');
    expect(due).toHaveLength(12);
    expect(due[1]).toBe('2026-02-28');
    expect(occurrences(item('entry_log_check'), 2028)[1]?.dueOn).toBe('2028-02-29');
  });

  it('Setagaya 保管ルール「責任者は保管台帳に基づき、現物確認を年2回実施」: 年2回（3月・9月）、所属ごと', () => {
    expect(item('storage_ledger_check').quote).toBe('責任者は保管台帳に基づき、現物確認を年2回実施');
    expect(item('storage_ledger_check').perDepartment).toBe(true);
    expect(dueMonths('storage_ledger_check')).toEqual(['2026-03-31', '2026-09-30']);
  });

  it('Setagaya 運用スケジュール「Pマーク更新審査」: 更新申請は有効期間終了の8か月前から4か月前まで（JIPDEC、シードに記載なし）', () => {
    const d = item('privacy_mark_renewal');
    expect(d.quote).toBe('Pマーク更新審査');
    expect(d.description).toContain('シード文書には記載がなく');
    expect(occurrences(d, 2026, { privacyMarkValidTo: '2027-03-31' })).toEqual([
      {
        periodKey: 'pm-2027-03-31',
        startsOn: '2026-07-31',
        dueOn: '2026-11-30',
      },
    ]);
    expect(occurrences(d, 2027, { privacyMarkValidTo: '2027-03-31' })).toEqual([]);
    expect(occurrences(d, 2026, {})).toEqual([]);
  });

  it('既定の12月の見直し項目は5つ（法令規範・台帳・リスク分析・委託先選定基準・委託先評価）', () => {
    const december = pmsCalendarDefaults.filter((d) => d.recurrence === 'yearly' && d.month === 12).map((d) => d.code);
    expect(december.sort()).toEqual(['contractor_criteria_review', 'contractor_evaluation', 'inventory_review', 'legal_register_review', 'risk_review']);
  });

  it('コードは一意（組織のカレンダーとの突合せに使う）', () => {
    expect(new Set(pmsCalendarDefaults.map((d) => d.code)).size).toBe(pmsCalendarDefaults.length);
  });
});

describe('occurrences / dueDatesBetween', () => {
  it('月の日数を超える期限日は月末になる', () => {
    expect(occurrences({ recurrence: 'yearly', month: 2, dayOfMonth: 31 }, 2026)[0]?.dueOn).toBe('2026-02-28');
    expect(occurrences({ recurrence: 'yearly', month: 4, dayOfMonth: 31 }, 2026)[0]?.dueOn).toBe('2026-04-30');
    expect(occurrences({ recurrence: 'yearly', month: 4, dayOfMonth: 15 }, 2026)[0]).toEqual({
      periodKey: '2026',
      startsOn: '2026-04-01',
      dueOn: '2026-04-15',
    });
  });

  it('半期・四半期は起点の月からの間隔で年内の月を決める', () => {
    expect(monthsOf({ recurrence: 'semiannual', month: 11, dayOfMonth: 1 })).toEqual([5, 11]);
    expect(monthsOf({ recurrence: 'quarterly', month: 1, dayOfMonth: 1 })).toEqual([1, 4, 7, 10]);
  });

  it('期間キーは月を動かしても変わらない（同じ期に二重のタスクを作らない）', () => {
    const a = occurrences({ recurrence: 'yearly', month: 12, dayOfMonth: 31 }, 2026)[0]?.periodKey;
    const b = occurrences({ recurrence: 'yearly', month: 11, dayOfMonth: 30 }, 2026)[0]?.periodKey;
    expect(a).toBe(b);
  });

  it('dueDatesBetween は年をまたいで両端を含む', () => {
    const rule = { recurrence: 'quarterly' as const, month: 6, dayOfMonth: 31 };
    expect(dueDatesBetween(rule, '2026-09-30', '2027-03-31').map((o) => o.dueOn)).toEqual(['2026-09-30', '2026-12-31', '2027-03-31']);
    expect(dueDatesBetween(rule, '2026-10-01', '2026-12-30')).toEqual([]);
    expect(dueDatesBetween(rule, '2027-01-01', '2026-01-01')).toEqual([]);
  });

  it('upcomingOccurrences: 期限前で、開始が先読み日数以内のものだけ', () => {
    const december = {
      recurrence: 'yearly' as const,
      month: 12,
      dayOfMonth: 31,
    };
    expect(upcomingOccurrences(december, '2026-11-10', 14)).toEqual([]);
    expect(upcomingOccurrences(december, '2026-11-17', 14).map((o) => o.dueOn)).toEqual(['2026-12-31']);
    expect(upcomingOccurrences(december, '2026-12-31', 14).map((o) => o.dueOn)).toEqual(['2026-12-31']);
    expect(upcomingOccurrences(december, '2027-01-01', 14)).toEqual([]);
  });

  it('upcomingOccurrences: プライバシーマーク更新は申請期間の開始（8か月前）から', () => {
    const renewal = {
      recurrence: 'privacy_mark_renewal' as const,
      month: null,
      dayOfMonth: 31,
    };
    const ctx = { privacyMarkValidTo: '2027-03-31' };
    expect(upcomingOccurrences(renewal, '2026-07-01', 14, ctx)).toEqual([]);
    expect(upcomingOccurrences(renewal, '2026-07-20', 14, ctx).map((o) => o.dueOn)).toEqual(['2026-11-30']);
  });

  it('nextOccurrence: 今日以降の最初の期限', () => {
    expect(nextOccurrence({ recurrence: 'yearly', month: 7, dayOfMonth: 31 }, '2026-08-01')?.dueOn).toBe('2027-07-31');
    expect(nextOccurrence({ recurrence: 'monthly', month: null, dayOfMonth: 31 }, '2026-05-31')?.dueOn).toBe('2026-05-31');
  });

  it('addMonths は月末に丸める', () => {
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 2)).toBe('2027-02-15');
    expect(addMonths('2026-01-31', -13)).toBe('2024-12-31');
  });

  it('性質: どの年・どの周期でも、期限はその年の中にあり、開始日 ≤ 期限、期限の順', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('yearly', 'semiannual', 'quarterly', 'monthly') as fc.Arbitrary<'yearly' | 'semiannual' | 'quarterly' | 'monthly'>,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 2000, max: 2100 }),
        (recurrence, month, dayOfMonth, year) => {
          const list = occurrences({ recurrence, month, dayOfMonth }, year);
          const expected = {
            yearly: 1,
            semiannual: 2,
            quarterly: 4,
            monthly: 12,
          }[recurrence];
          expect(list).toHaveLength(expected);
          for (const o of list) {
            expect(o.dueOn.startsWith(`${year}-`)).toBe(true);
            expect(o.startsOn <= o.dueOn).toBe(true);
          }
          expect([...list.map((o) => o.dueOn)].sort()).toEqual(list.map((o) => o.dueOn));
        },
      ),
    );
  });
});
