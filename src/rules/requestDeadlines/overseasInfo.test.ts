import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeRequestDeadlineFactsIssues, evaluateRequestDeadline, type RequestDeadlineFacts } from './index.ts';

// J.8.8.1 3 l)「本人の求めを受けた場合には…遅滞なく、以下の情報の提供」: the 外国にある第三者 information
// request has no statutory period in either profile — an organization target (legal: false).

const errorsOf = (facts: RequestDeadlineFacts): string[] => {
  try {
    evaluateRequestDeadline(facts);
    return [];
  } catch (error) {
    if (error instanceof ZodError) return describeRequestDeadlineFactsIssues(error);
    throw error;
  }
};

describe('J.8.8.1 3 l) 外国にある第三者への提供に係る情報提供の求め（遅滞なく）', () => {
  it('J.8.8.1 3 l)「遅滞なく」: private は組織の目標日数（既定 14日）で legal: false、根拠は法第28条第3項', () => {
    const result = evaluateRequestDeadline({ profile: 'private', kind: 'overseas_info', receivedOn: '2026-04-06' });
    expect(result).toMatchObject({ legal: false, decisionDue: '2026-04-20', extendedDue: null, specialPartDue: null });
    expect(result.basis).toBe('個人情報の保護に関する法律 第28条第3項、同施行規則第18条第3項（JIS Q 15001 J.8.8.1 3 l)）');
    expect(result.reason).toContain('外国にある第三者への提供に係る情報提供の求めには「遅滞なく」応じなければならず');
  });

  it('組織の目標日数と補正の日数（補正を待つ日は数えない）', () => {
    const result = evaluateRequestDeadline({
      profile: 'private',
      kind: 'overseas_info',
      receivedOn: '2026-04-06',
      targetDays: 7,
      correctionPeriods: [{ askedOn: '2026-04-07', completedOn: '2026-04-09' }],
    });
    expect(result).toMatchObject({ legal: false, decisionDue: '2026-04-15', excludedDays: 2 });
  });

  it('public（法第71条第3項）: 期間の定めがなく組織の目標（legal: false）、延長は指定できない', () => {
    const result = evaluateRequestDeadline({ profile: 'public', kind: 'overseas_info', receivedOn: '2026-04-06', targetDays: 10 });
    expect(result).toMatchObject({ legal: false, decisionDue: '2026-04-16' });
    expect(result.basis).toContain('第71条第3項');
    expect(result.reason).toContain('法定の期限はありません');
    expect(errorsOf({ profile: 'public', kind: 'overseas_info', receivedOn: '2026-04-06', extended: true })).toEqual([
      'extended: 期間の延長（extended）は、外国にある第三者への提供に係る情報提供の求め（法第5章に決定の期間の規定がありません）には指定できません',
    ]);
  });

  it('designated_manager は private と同じ目標日数で、委託元への連絡を添える', () => {
    const result = evaluateRequestDeadline({ profile: 'designated_manager', kind: 'overseas_info', receivedOn: '2026-04-06' });
    expect(result).toMatchObject({ legal: false, decisionDue: '2026-04-20' });
    expect(result.reason).toContain('委託元');
  });
});
