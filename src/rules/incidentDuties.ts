/**
 * Incident reportability engine (報告等の義務の判定, SPEC §5.1, M4). Pure: facts in, duties out.
 * No I/O and no clock — every date is derived from `knownOn` (知った日) in the facts, so the same
 * facts and rules version always give the same answer (server, web preview and CLI alike).
 *
 * The law lives in versioned data (`./data/incidentRules.ts`); each legal source — 個人情報保護法
 * 第26条, 番号法第29条の4, 個人情報保護法第68条, PA01 J.4.4.2, 自治体との委託契約 — is a regime in
 * `./incidentDuties/regimes/` that decides which of its rules apply to which fact; this file walks
 * them. See docs/rules/incident-duties.md for the full rule list.
 */
import { getIncidentRuleSet, incidentRuleSetFor } from './data/incidentRules.ts';

export { incidentRulesVersionLabel } from './data/incidentRules.ts';
import { incidentContext, type TriggerHit } from './incidentDuties/context.ts';
import { type Facts, type IncidentFacts, incidentFactsSchema } from './incidentDuties/facts.ts';
import { missingIncidentFacts } from './incidentDuties/missingFacts.ts';
import { incidentRegimes, type RegimeKey } from './incidentDuties/regimes/index.ts';
import { createDutyCollector, type IncidentDutiesResult, type IncidentExclusion, type IncidentTrigger, unique } from './incidentDuties/result.ts';

export {
  describeIncidentFactsIssues,
  type DutyKind,
  dutyKinds,
  type Entrustment,
  entrustmentKinds,
  type IncidentEventKind,
  type IncidentFacts,
  incidentEventKinds,
  incidentFactsSchema,
  latestSupportedKnownOn,
} from './incidentDuties/facts.ts';
export { type MissingFact, type MissingFactField, missingFactLabels } from './incidentDuties/missingFacts.ts';
export type { Duty, DutyAuthority, DutyTiming, IncidentDutiesResult, IncidentExclusion, IncidentTrigger } from './incidentDuties/result.ts';

/**
 * Decides every duty (報告等の義務) that the facts give rise to, each with its deadline, basis
 * and reason, plus the exclusions and explanations the UI shows.
 *
 * @param facts incident facts (validated here with {@link incidentFactsSchema}).
 * @param rulesVersion rules to apply; by default the set in force on `facts.knownOn`. Pass the
 *   version stored with an incident to reproduce an earlier result exactly.
 * @throws ZodError when the facts are invalid; UnknownIncidentRulesVersionError for an unknown
 *   version.
 * @example
 * evaluateIncidentDuties({ profile: 'private', knownOn: '2026-01-05', events: ['leak'], sensitive: true })
 * // → ppc_preliminary (目安 2026-01-07〜09), ppc_final (due 2026-02-03), individual_notice, …
 */
export function evaluateIncidentDuties(facts: IncidentFacts, rulesVersion?: string): IncidentDutiesResult {
  const f: Facts = incidentFactsSchema.parse(facts);
  const rules = rulesVersion === undefined ? incidentRuleSetFor(f.knownOn) : getIncidentRuleSet(rulesVersion);
  const ctx = incidentContext(f, rules);

  const notes: string[] = [...ctx.notes];
  const exclusions: IncidentExclusion[] = [];
  const triggers: IncidentTrigger[] = [];
  const duties = createDutyCollector(rules);
  const earlier = new Map<RegimeKey, readonly TriggerHit[]>();
  let isIncident = false;

  for (const regime of incidentRegimes) {
    if (!regime.applies(ctx)) continue;
    isIncident ||= regime.isIncident(ctx);
    const matched = regime.triggers(ctx);
    for (const hit of matched.hits) triggers.push({ id: hit.id, label: rules.triggers[hit.id].label, basis: rules.triggers[hit.id].basis });
    const required = regime.duties(ctx, matched.hits, earlier);
    for (const { kind, ...part } of required.duties) duties.add(kind, part, regime.authority);
    exclusions.push(...matched.exclusions, ...required.exclusions);
    notes.push(...matched.notes, ...required.notes);
    earlier.set(regime.key, matched.hits);
  }

  return {
    rulesVersion: rules.id,
    isIncident,
    missingFacts: missingIncidentFacts(ctx),
    countedFrom: ctx.countedFrom,
    duties: duties.list(),
    triggers,
    exclusions,
    notIncidentReasons: [...ctx.notIncidentReasons],
    notes: unique(notes),
  };
}
