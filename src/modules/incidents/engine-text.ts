import { displayDate } from '../../domain/dateDisplay.ts';
import type { IncidentDutiesResult, MissingFact } from '../../rules/incidentDuties.ts';

// The sentences the duty engine composed (義務の理由, 除外の理由, 不足している事実, 注記) are stored as
// the engine wrote them. Evaluations saved before the engine wrote its dates as the screens do
// (2026/11/28, src/domain/dateDisplay.ts) hold them as 2026-11-28 until the incident is evaluated
// again. The stored text stays the record of what the engine said; it is written as the screens
// show dates here, when it is presented, so the screen, the PDF and the notices read alike.

/**
 * A whole YYYY-MM-DD token: not part of a longer number or date (2026-11-28-1, 12026-11-28), not
 * the date of an instant (2026-11-28T10:00). A sentence already written 2026/11/28 has none.
 */
const isoDateInText = /(?<![\d\-/])\d{4}-\d{2}-\d{2}(?![\d\-/T:])/g;

/**
 * An engine sentence with its YYYY-MM-DD dates written as the screens show them (2026/11/28).
 * Nothing else changes.
 * @example engineTextForDisplay('確報は2026-03-31までに') // '確報は2026/03/31までに'
 */
export function engineTextForDisplay(text: string): string {
  return text.replace(isoDateInText, (iso) => displayDate(iso));
}

/** The stored evaluation's sentences (not its machine fields: countedFrom stays ISO) as the screens show dates. */
export function evaluationTextsForDisplay(e: {
  missingFacts: readonly MissingFact[];
  exclusions: IncidentDutiesResult['exclusions'];
  notIncidentReasons: readonly string[];
  notes: readonly string[];
}) {
  return {
    missingFacts: e.missingFacts.map((m) => ({ ...m, reason: engineTextForDisplay(m.reason) })),
    exclusions: e.exclusions.map((x) => ({ ...x, reason: engineTextForDisplay(x.reason) })),
    notIncidentReasons: e.notIncidentReasons.map(engineTextForDisplay),
    notes: e.notes.map(engineTextForDisplay),
  };
}
