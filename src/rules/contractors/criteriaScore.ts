import type { ContractorCriteriaSet, CriterionAnswer } from '../data/contractorCriteria.ts';

/**
 * 委託先の評価 (委託先審査表, J.9.4 1・t)): scores a contractor's answers against a criteria set
 * (default: 世田谷区 個人情報管理状況調査票 9 items) and compares them with last year's.
 */

/** 評価の結果: 適 (selectable), 不適 (items failed), 未回答あり (items still to answer). */
export type EvaluationResult = 'pass' | 'fail' | 'incomplete';

export const evaluationResultLabels: Readonly<Record<EvaluationResult, string>> = Object.freeze({
  pass: '適',
  fail: '不適',
  incomplete: '未回答あり',
});

export type EvaluationScore = {
  version: string;
  result: EvaluationResult;
  /** Codes answered 不適 (an item that covers the others, like P-mark, is not listed: its 不適 only requires the rest). */
  failed: string[];
  /** Codes that must still be answered. */
  unanswered: string[];
};

/**
 * Scores answers (code → 適/不適/該当なし). An item marked `coversOthers` (調査票 1 プライバシー
 * マーク) that is 適 makes the others optional; otherwise every item must be answered. Any other
 * item answered 不適 fails the evaluation.
 *
 * @example
 * scoreEvaluation(setagayaQuestionnaire, { '1': 'suitable' }) // → { result: 'pass', failed: [], unanswered: [] }
 */
export function scoreEvaluation(criteria: ContractorCriteriaSet, answers: Readonly<Record<string, CriterionAnswer | undefined>>): EvaluationScore {
  const covered = criteria.items.some((item) => item.coversOthers && answers[item.code] === 'suitable');
  const failed: string[] = [];
  const unanswered: string[] = [];
  for (const item of criteria.items) {
    const answer = answers[item.code];
    if (answer === undefined) {
      if (!covered) unanswered.push(item.code);
    } else if (answer === 'unsuitable' && !item.coversOthers) failed.push(item.code);
  }
  const result: EvaluationResult = failed.length > 0 ? 'fail' : unanswered.length > 0 ? 'incomplete' : 'pass';
  return { version: criteria.version, result, failed, unanswered };
}

/** One item whose answer differs from last year's. */
export type AnswerChange = { code: string; previous: CriterionAnswer | null; current: CriterionAnswer | null };

/**
 * The items whose answer changed since last year's evaluation (J.9.4 t) 毎年 12 月の評価: what got
 * better or worse), in the order of the criteria set. Items missing on both sides are not listed.
 */
export function diffEvaluations(
  criteria: ContractorCriteriaSet,
  previous: Readonly<Record<string, CriterionAnswer | undefined>>,
  current: Readonly<Record<string, CriterionAnswer | undefined>>,
): AnswerChange[] {
  return criteria.items.flatMap((item) => {
    const before = previous[item.code] ?? null;
    const now = current[item.code] ?? null;
    return before === now ? [] : [{ code: item.code, previous: before, current: now }];
  });
}
