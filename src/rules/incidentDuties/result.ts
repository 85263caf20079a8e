/**
 * The result types of the incident-duties engine (報告等の義務, SPEC §5.1) and the collector that
 * merges the duty parts several legal sources contribute into one duty per kind. Re-exported by
 * `../incidentDuties.ts`.
 */
import type { IncidentExclusionId, IncidentRuleSet, IncidentTriggerId } from '../data/incidentRules.ts';
import type { DateRange, IsoDate } from '../deadlines.ts';
import { type DutyKind, dutyKinds } from './facts.ts';
import type { MissingFact } from './missingFacts.ts';

// ─── Result types ──────────────────────────────────────────────────────────────────────────

/**
 * How the deadline is expressed: `by_date` (a fixed 期限 in `due`), `promptly` (速やかに /
 * 遅滞なく; `due` is null and `targetRange`, when set, is the 目安), `immediately` (直ちに; `due`
 * is the 知った日 itself).
 */
export type DutyTiming = 'by_date' | 'promptly' | 'immediately';

/**
 * What sets a duty: a statute (個人情報保護法・番号法), the standard the organization is certified
 * against (JIS Q 15001 / プライバシーマーク PA01), a contract (自治体との委託契約の特記事項), or only a
 * guideline's advice (通則編3-5-2 「公表が望ましい」, the 行政機関等の指針 4-8-11(7)). A duty several
 * sources require takes the strongest, in this order. The home counts only `law` as 法令上の報告等.
 */
export const dutyAuthorities = ['law', 'standard', 'contract', 'guidance'] as const;
export type DutyAuthority = (typeof dutyAuthorities)[number];

/** One duty (報告等の義務) with its deadline and the reason it applies. */
export type Duty = {
  kind: DutyKind;
  /** Japanese label, e.g. 個人情報保護委員会への確報. */
  label: string;
  /** Fixed deadline `YYYY-MM-DD`, or null for 速やかに. For 直ちに, the 知った日. */
  due: IsoDate | null;
  /**
   * 目安 window for 速やかに (day 1 = 知った日). For `public_body_report` it is the 速報 window
   * while `due` is the 確報 deadline.
   */
  targetRange: DateRange | null;
  timing: DutyTiming;
  /** To whom (Japanese). */
  recipient: string;
  /** Law and clause (Japanese). Several sources are joined with 「／」. */
  basis: string;
  /** The strongest source requiring it (a statute, the standard, a contract, a guideline). */
  authority: DutyAuthority;
  /** Which facts triggered the duty and what to do (Japanese). */
  reason: string;
  /** The situations (報告対象事態) behind this duty. */
  triggers: IncidentTriggerId[];
  /** When the duty is already met by a recorded fact (委託元への通知日), else null. */
  fulfilledAt: IsoDate | null;
};

/** A situation (報告対象事態 / 事故等) that the facts meet. */
export type IncidentTrigger = { id: IncidentTriggerId; label: string; basis: string };

/**
 * A duty that would apply but was removed, and why (高度な暗号化, 仮名加工情報, 委託元への通知).
 * `removes` lists the kinds removed *from that legal source*; the same kind may still be
 * present because another source requires it (e.g. 本人通知 under J.4.4.2).
 */
export type IncidentExclusion = {
  id: IncidentExclusionId;
  label: string;
  basis: string;
  reason: string;
  removes: DutyKind[];
};

/** Output of {@link evaluateIncidentDuties}. */
export type IncidentDutiesResult = {
  /** Rules version applied, e.g. `appi-2024-04`; store it with the incident. */
  rulesVersion: string;
  /** Whether any applicable regime treats the facts as an incident (漏えい等 / 事故等 / 事故). */
  isIncident: boolean;
  /**
   * Facts not yet given that the answer depends on (事象, 本人の数). While this is not empty, an
   * empty `duties` or `isIncident: false` means "not decided yet", never "no duty" (issue #10).
   */
  missingFacts: MissingFact[];
  /** Day 1 used for every period (knownOn, or an earlier 委託先からの通知日 for a 委託元). */
  countedFrom: IsoDate;
  duties: Duty[];
  triggers: IncidentTrigger[];
  exclusions: IncidentExclusion[];
  /** Why (some of) the events are not 漏えい等 / 事故等 (通則編3-5-1), in Japanese. */
  notIncidentReasons: string[];
  /** Further Japanese advice (法第35条第5項, unknown counts, internal escalation…). */
  notes: string[];
};

// ─── Merging duty parts ────────────────────────────────────────────────────────────────────

/** One legal source's contribution to a duty; parts of the same kind are merged by the collector. */
export type DutyPart = {
  basis: string;
  reason: string;
  timing: DutyTiming;
  due: IsoDate | null;
  targetRange: DateRange | null;
  triggers: readonly IncidentTriggerId[];
  fulfilledAt?: IsoDate | null;
  /** When the part is weaker than its regime (a guideline's advice within a statute's regime). */
  authority?: DutyAuthority;
};

/** A duty part together with its kind, as a regime returns it. */
export type DutyContribution = { kind: DutyKind } & DutyPart;

const timingRank: Record<DutyTiming, number> = { immediately: 0, promptly: 1, by_date: 2 };

/** Collects duty parts from several legal sources and merges them into one duty per kind. */
export function createDutyCollector(rules: IncidentRuleSet) {
  const parts = new Map<DutyKind, (DutyPart & { authority: DutyAuthority })[]>();
  return {
    add(kind: DutyKind, part: DutyPart, authority: DutyAuthority): void {
      const list = parts.get(kind) ?? [];
      list.push({ ...part, authority: part.authority ?? authority });
      parts.set(kind, list);
    },
    list(): Duty[] {
      const duties: Duty[] = [];
      for (const kind of dutyKinds) {
        const list = parts.get(kind) ?? [];
        const [first, ...rest] = list;
        if (first === undefined) continue;
        // The most urgent part decides the deadline (直ちに beats 速やかに beats a date).
        let lead = first;
        for (const part of rest) if (timingRank[part.timing] < timingRank[lead.timing]) lead = part;
        const earliestDue = list
          .filter((part) => part.timing === lead.timing)
          .flatMap((part) => (part.due === null ? [] : [part.due]))
          .sort()[0];
        duties.push({
          kind,
          label: rules.duties[kind].label,
          due: earliestDue ?? lead.due,
          targetRange: lead.targetRange,
          timing: lead.timing,
          recipient: rules.duties[kind].recipient,
          basis: unique(list.map((part) => part.basis)).join('／'),
          authority: dutyAuthorities.find((a) => list.some((part) => part.authority === a)) ?? 'contract',
          reason: unique(list.map((part) => part.reason)).join(''),
          triggers: unique(list.flatMap((part) => part.triggers)),
          fulfilledAt: list.map((part) => part.fulfilledAt ?? null).find((value) => value !== null) ?? null,
        });
      }
      return duties;
    },
  };
}

/** The distinct values, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
