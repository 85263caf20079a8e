import { type DecisionScope, decisionGrounds, type RequestProfile } from './grounds.ts';
import { type RequestKindCode, requestKindLabels } from './kinds.ts';

export interface DecisionFacts {
  kind: RequestKindCode;
  profile: RequestProfile;
  scope: DecisionScope;
  groundCodes: readonly string[];
}

export interface DecisionIssue {
  /** The form field the message is about (`scope` / `groundCodes`). */
  field: 'scope' | 'groundCodes';
  message: string;
}

/**
 * Checks a 決定 against the statutory grounds (J.10.4 3, J.10.5 3, J.10.6 3, J.10.7 3: 応じない場合は
 * 理由を説明する; 法第82条: 決定は書面で理由を示す). Returns Japanese field issues; empty = valid.
 * - a complaint has no decision;
 * - 一部・拒否 needs at least one ground, every ground from the kind's list for the profile;
 * - 全部 cites no ground (nothing is refused).
 */
export function checkDecision(facts: DecisionFacts): DecisionIssue[] {
  const kindLabel = requestKindLabels[facts.kind];
  if (facts.kind === 'complaint') return [{ field: 'scope', message: '苦情・相談には決定を記録できません。原因・対応を記録して完了してください' }];
  const allowed = decisionGrounds(facts.kind, facts.profile);
  const issues: DecisionIssue[] = [];
  const unknown = facts.groundCodes.filter((code) => !allowed.some((g) => g.code === code));
  if (unknown.length > 0) issues.push({ field: 'groundCodes', message: `決定の理由（根拠条項）に、${kindLabel}の請求には選べない項目があります（${unknown.join('、')}）` });
  if (facts.scope === 'full' && facts.groundCodes.length > 0) issues.push({ field: 'groundCodes', message: '全部に応じる決定には、決定の理由（根拠条項）を選ばないでください' });
  if (facts.scope !== 'full' && facts.groundCodes.length === 0)
    issues.push({ field: 'groundCodes', message: `${kindLabel}の請求に全部は応じない決定には、決定の理由（根拠条項）を1つ以上選んでください` });
  return issues;
}
