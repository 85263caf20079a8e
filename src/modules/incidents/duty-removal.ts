import type { DutyKind, IncidentDutiesResult, IncidentFacts } from '../../rules/incidentDuties.ts';
import { describeFacts } from './incidents.labels.ts';

/** The facts and evaluation of one revision of an incident. */
export type FactsRevision = { facts: IncidentFacts; evaluation: IncidentDutiesResult };

/** A removed duty as the reason needs it: its label and the clause it stood on. */
type RemovedDuty = { kind: DutyKind; label: string; basis: string };

/**
 * Which facts changed between two revisions, in Japanese: 「高度な暗号化等（復号鍵は漏えいしていない）」:
 * なし → 該当. Facts are named by their form labels (incidents.labels.ts factLabels), never by key.
 */
export function describeFactChanges(before: IncidentFacts, after: IncidentFacts): string[] {
  const was = new Map(describeFacts(before as Record<string, unknown>));
  const now = new Map(describeFacts(after as Record<string, unknown>));
  const labels = [...new Set([...was.keys(), ...now.keys()])];
  return labels.filter((label) => was.get(label) !== now.get(label)).map((label) => `「${label}」: ${was.get(label) ?? 'なし'} → ${now.get(label) ?? 'なし'}`);
}

/**
 * Why a duty is no longer required after a change of facts (「不要になりました」, issue #10): the
 * facts that changed, the clause the duty stood on, and what the engine now says of it — an
 * exclusion that removes it (e.g. 規則第7条第1号括弧書 高度な暗号化), the events no longer being a
 * 漏えい等 (通則編3-5-1), or a fact now missing. Japanese lines, for the notice body.
 */
export function describeDutyRemoval(duty: RemovedDuty, before: FactsRevision | null, after: FactsRevision): string[] {
  const lines: string[] = [];
  const changes = before ? describeFactChanges(before.facts, after.facts) : [];
  lines.push(`変更された事実: ${changes.length > 0 ? changes.join('、') : '（事実の内容は同じで、判定ルールの版による再判定）'}`);
  lines.push(`この義務の根拠だった規定: ${duty.basis}`);
  const exclusions = after.evaluation.exclusions.filter((e) => e.removes.includes(duty.kind));
  for (const exclusion of exclusions) lines.push(`理由: ${exclusion.reason}（${exclusion.basis}）`);
  if (exclusions.length === 0) {
    const missing = after.evaluation.missingFacts ?? [];
    if (missing.length > 0) {
      lines.push(`理由: 判定に必要な事実が不足しています（${missing.map((m) => m.label).join('・')}）。${missing.map((m) => m.reason).join('')}`);
    } else if (after.evaluation.notIncidentReasons.length > 0) {
      lines.push(`理由: ${after.evaluation.notIncidentReasons.join('')}`);
    } else {
      lines.push(`理由: 変更後の事実は、この義務の報告対象事態（${duty.basis}）に当たりません。`);
    }
  }
  return lines;
}
