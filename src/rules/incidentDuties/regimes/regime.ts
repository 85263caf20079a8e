/**
 * The shape every regime (法令・規格ごとの判定) shares. {@link evaluateIncidentDuties} walks the
 * regimes in order and, for each one that applies, asks which 報告対象事態 the facts meet (after the
 * regime's own exclusions, e.g. 高度な暗号化) and then which duties follow from them.
 */
import type { IncidentTriggerId } from '../../data/incidentRules.ts';
import type { IncidentContext, TriggerHit } from '../context.ts';
import type { DutyAuthority, DutyContribution, IncidentExclusion } from '../result.ts';

/** The regimes the engine knows, in evaluation order (see `./index.ts`). */
export type RegimeKey = 'appi' | 'my_number' | 'public_body' | 'privacy_mark' | 'municipal_contract';

/** What a regime adds besides duties: exclusions (除外・免除) and notes, in the order they arose. */
export type RegimeFindings = { exclusions: IncidentExclusion[]; notes: string[] };

/** The 報告対象事態 (matched clauses) a regime keeps after its own exclusions. */
export type TriggerAssessment = RegimeFindings & { hits: TriggerHit[] };

/** The duty parts a regime requires; parts of one kind from several regimes are merged later. */
export type DutyAssessment = RegimeFindings & { duties: DutyContribution[] };

/** The hits kept by the regimes evaluated before this one (a regime that did not apply is absent). */
export type EarlierHits = ReadonlyMap<RegimeKey, readonly TriggerHit[]>;

/** One legal source of 報告等の義務: a statute, a certification scheme or a contract. */
export type Regime = {
  readonly key: RegimeKey;
  /** What kind of source it is: a statute, the certified standard, or a contract. */
  readonly authority: DutyAuthority;
  /** Japanese name of the source, e.g. 番号法（特定個人情報）. */
  readonly label: string;
  /** Whether the regime governs this organization and data at all (profile, P-mark, 特定個人情報…). */
  applies(ctx: IncidentContext): boolean;
  /** Whether the regime treats the facts as an incident (漏えい等 / 事故等 / 事故). */
  isIncident(ctx: IncidentContext): boolean;
  /** The 報告対象事態 the facts meet, after the regime's exclusions (which it reports). */
  triggers(ctx: IncidentContext): TriggerAssessment;
  /**
   * The duties that follow. Called whenever the regime applies, also with no hits: some duties
   * and notes (e.g. 4-8-11(7) 公表の検討) do not need a 報告対象事態.
   */
  duties(ctx: IncidentContext, hits: readonly TriggerHit[], earlier: EarlierHits): DutyAssessment;
};

/** Triggers only, with no exclusion or note (`[]` when the regime finds no 報告対象事態). */
export function matched(hits: TriggerHit[] = []): TriggerAssessment {
  return { hits, exclusions: [], notes: [] };
}

/** Notes only, with no duty or exclusion (`[]` when the regime requires nothing). */
export function noDuties(notes: string[] = []): DutyAssessment {
  return { duties: [], exclusions: [], notes };
}

/** The ids of the hits, in order. */
export function triggerIds(hits: readonly TriggerHit[]): IncidentTriggerId[] {
  return hits.map((hit) => hit.id);
}
