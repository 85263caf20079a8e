import { describe, expect, it } from 'vitest';
import { type ReviewedAssessment, riskReviewDiff } from './risk.review.ts';

// The yearly review's diff of the リスク分析対策表 (pure): analyses added and removed (J.3.1.3 j)・k)),
// and per analysis the risks added, removed and re-scored.

const risk = (phase: string, likelihood: number, impact: number, residualMeasure: string | null = null) => ({
  phase,
  threat: 'leak',
  risk: `${phase}で漏えい`,
  likelihood,
  impact,
  score: likelihood * impact,
  residualMeasure,
});

describe('riskReviewDiff', () => {
  const lastYear: ReviewedAssessment[] = [
    { id: 'a', category: '顧客情報', records: [risk('acquisition', 1, 2), risk('transfer', 3, 3, '暗号化を徹底')] },
    { id: 'b', category: '旧システム', records: [risk('storage', 1, 1)] },
  ];

  it('同じ内容なら差分はない', () => {
    expect(riskReviewDiff(lastYear, lastYear)).toEqual({ added: [], removed: [], changed: [], unchangedIds: ['a', 'b'] });
  });

  it('対策表の追加・削除と、リスクの追加・削除・評価の変更・残存リスク対応策の変更を挙げる', () => {
    const thisYear: ReviewedAssessment[] = [
      { id: 'a', category: '顧客情報', records: [risk('acquisition', 1, 2), risk('transfer', 2, 3, '暗号化と誤送信防止ツール'), risk('disposal', 1, 2)] },
      { id: 'c', category: '採用応募者', records: [] },
    ];
    const diff = riskReviewDiff(lastYear, thisYear);
    expect(diff.added).toEqual([{ id: 'c', category: '採用応募者' }]);
    expect(diff.removed).toEqual([{ id: 'b', category: '旧システム' }]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.addedRisks.map((r) => r.phase)).toEqual(['disposal']);
    expect(diff.changed[0]?.removedRisks).toEqual([]);
    expect(diff.changed[0]?.changedRisks.map((c) => [c.before.score, c.after.score])).toEqual([[9, 6]]);
  });
});
