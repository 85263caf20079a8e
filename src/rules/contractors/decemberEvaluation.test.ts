import { describe, expect, it } from 'vitest';
import { decemberEvaluationDue } from './decemberEvaluation.ts';

describe('J.9.4 12月の委託先評価', () => {
  it('12月1日から12月31日期限で出る、11月30日はまだ', () => {
    expect(decemberEvaluationDue('株式会社テスト', [], '2026-12-01')).toEqual(expect.objectContaining({ dueOn: '2026-12-31' }));
    expect(decemberEvaluationDue('株式会社テスト', [], '2026-11-30')).toBeNull();
  });
  it('その年の評価が承認済みなら出ない（前年の承認では閉じない）', () => {
    expect(decemberEvaluationDue('株式会社テスト', [2026], '2026-12-15')).toBeNull();
    expect(decemberEvaluationDue('株式会社テスト', [2025], '2026-12-15')?.detail).toContain('J.9.4');
  });
});
