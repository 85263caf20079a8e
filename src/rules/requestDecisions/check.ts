import { type DecisionScope, decisionGrounds, type RequestProfile } from './grounds.ts';
import { type OverseasInfoItemNo, overseasInfoItemNos, type RequestKindCode, requestKindLabels } from './kinds.ts';

export interface DecisionFacts {
  kind: RequestKindCode;
  profile: RequestProfile;
  scope: DecisionScope;
  groundCodes: readonly string[];
  /** 外国にある第三者への提供に係る情報提供の求め: 提供しない理由の説明 (J.8.8.1 4), the decision's note. */
  note?: string | null;
  /** 外国にある第三者への提供に係る情報提供の求め: the items of J.8.8.1 3 l) 1)〜7) withheld by a 一部不提供. */
  withheldItems?: readonly OverseasInfoItemNo[];
}

export interface DecisionIssue {
  /** The form field the message is about (`scope` / `groundCodes`). */
  field: 'scope' | 'groundCodes' | 'note' | 'withheldItems';
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
  if (facts.kind === 'overseas_info') issues.push(...overseasInfoIssues(facts));
  else if ((facts.withheldItems ?? []).length > 0)
    issues.push({ field: 'withheldItems', message: '提供しない項目は外国にある第三者への提供に係る情報提供の求めのときだけ選べます' });
  return issues;
}

/**
 * J.8.8.1 3 l)・4: a 一部不提供 names the items of 1)〜7) it withholds (at least one, not all: withholding
 * all is 不提供), and a 一部不提供 or 不提供 explains its reason to the person (「その理由を説明する」).
 */
function overseasInfoIssues(facts: DecisionFacts): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const withheld = new Set(facts.withheldItems ?? []);
  if (facts.scope === 'partial' && (withheld.size === 0 || withheld.size === overseasInfoItemNos.length))
    issues.push({ field: 'withheldItems', message: '一部不提供の決定には、提供しない項目（J.8.8.1 3 l) 1)〜7)）を1つ以上、全部ではなく選んでください（全部なら不提供）' });
  if (facts.scope !== 'partial' && withheld.size > 0) issues.push({ field: 'withheldItems', message: '提供しない項目は一部不提供の決定のときだけ選んでください' });
  if (facts.scope !== 'full' && !facts.note?.trim())
    issues.push({ field: 'note', message: '情報の全部又は一部を提供しない決定には、本人に通知する理由の説明を記入してください（J.8.8.1 4）' });
  return issues;
}
