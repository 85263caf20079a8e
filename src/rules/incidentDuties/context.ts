/**
 * What every regime (法令・規格ごとの判定) reads: the validated facts with their defaults applied,
 * the rules version, the answer to "is it a 漏えい等 at all?" (通則編3-5-1), and the periods that
 * several regimes share (速報の目安, the 委託先 relief). Built once per evaluation by
 * {@link incidentContext}; regimes only read it.
 */
import { displayDate } from '../../domain/dateDisplay.ts';
import { type IncidentBasisId, type IncidentRuleSet, type IncidentTextId, type IncidentTriggerId, incidentRulesLabel } from '../data/incidentRules.ts';
import { type DateRange, type IsoDate, targetWindow } from '../deadlines.ts';
import { type Entrustment, type Facts, type IncidentEventKind, leakEvents, myNumberUseEvents } from './facts.ts';
import { unique } from './result.ts';

/** A 報告対象事態 the facts meet: `item` is the 号 (0 when the source has none), `detail` e.g. （1,200人）. */
export type TriggerHit = { id: IncidentTriggerId; item: number; detail: string };

/**
 * The 委託先 relief (法第26条第1項ただし書, 番号法第29条の4第1項ただし書): `none` when we are not a
 * private 委託先, `pending` until the 委託元 is notified, `relieved` when notified within the 目安,
 * `late` when notified after it.
 */
export type Relief = { status: 'none' | 'pending' | 'relieved' | 'late'; window: DateRange; notifiedAt: IsoDate | null };

/** The shared, read-only view of one evaluation. */
export type IncidentContext = {
  readonly facts: Facts;
  readonly rules: IncidentRuleSet;
  /** The events, without repeats. */
  readonly events: readonly IncidentEventKind[];
  /** Whether the work is done under a 自治体との委託契約 (default: true for designated_manager). */
  readonly municipal: boolean;
  readonly entrustment: Entrustment;
  readonly notifiedAt: IsoDate | null;
  /** 行政機関等 (profile `public`). */
  readonly isPublic: boolean;
  /** 「（発生したおそれを含む）」 when only a possibility, else ''. */
  readonly possible: string;
  /** Day 1 of every period (see {@link IncidentDutiesResult.countedFrom}). */
  readonly countedFrom: IsoDate;
  /** Whether any 漏えい等 (通則編3-5-1) remains after the definition exclusions. */
  readonly isLeak: boolean;
  /** 番号法第9条・第19条に反する利用・提供 of 特定個人情報. */
  readonly myNumberUse: boolean;
  /** Events that are a P-mark 事故等 / municipal 事故 (they include おそれ, see the rule flag). */
  readonly accidentEvents: readonly IncidentEventKind[];
  readonly relief: Relief;
  /** 速報「速やかに」の目安 (通則編3-5-3-3: 概ね3～5日以内). */
  readonly preliminaryWindow: DateRange;
  /** Notes that arise before any regime: rules version, the 委託元's day 1, an unknown count. */
  readonly notes: readonly string[];
  readonly notIncidentReasons: readonly string[];
  /** A sentence of the rules version with its `{name}` placeholders filled. */
  text(id: IncidentTextId, values?: Readonly<Record<string, string | number>>): string;
  basis(id: IncidentBasisId): string;
  /** Japanese names of the events, joined with 「・」. */
  eventNames(list: readonly IncidentEventKind[]): string;
  /** The （n人） detail when the count is over `threshold`, else null. */
  overThreshold(threshold: number): string | null;
  /**
   * The caution when 本人の数 is a 概数 close to `threshold` but not over it (nor is the 見込み最大数):
   * whether the real count exceeds it is not known. `basis` is the clause that sets the threshold.
   */
  uncertainCount(threshold: number, basis: string): string | null;
  /** The hits' labels, each in 「」. */
  quote(hits: readonly TriggerHit[]): string;
  /** The hits' 号, e.g. 第1号・第4号. */
  items(hits: readonly TriggerHit[]): string;
  /** Why the 委託元への報告 is (or is already) due, for the relief status. */
  reliefNoticeReason(): string;
  /** The 速報 timing sentence. */
  preliminaryReason(): string;
};

/** How close below a threshold a 概数 of 本人の数 leaves it uncertain (約900〜約1,000 for 1,000): a display choice, not a rule. */
export const NEAR_THRESHOLD_SHARE = 0.1;

/** Builds the shared view of one evaluation from validated facts and a rules version. */
export function incidentContext(f: Facts, rules: IncidentRuleSet): IncidentContext {
  const text = (id: IncidentTextId, values?: Readonly<Record<string, string | number>>) => fill(rules.text[id], values);
  const events = unique(f.events ?? []);
  const eventNames = (list: readonly IncidentEventKind[]) => list.map((event) => rules.eventLabels[event]).join('・');
  const municipal = f.municipalContract ?? f.profile === 'designated_manager';
  const entrustment: Entrustment = f.entrustment ?? (municipal ? 'contractor' : 'none');
  const notifiedAt = f.principalNotifiedAt ?? null;
  const isPublic = f.profile === 'public';
  const notes: string[] = [];

  if (f.knownOn < rules.effectiveFrom) {
    notes.push(text('noteBeforeEffective', { knownOn: f.knownOn, version: incidentRulesLabel(rules), effectiveFrom: rules.effectiveFrom }));
  }

  // A 委託元 has "known" at the latest when its 委託先 told it (通則編3-5-3-5).
  let countedFrom = f.knownOn;
  if (entrustment === 'principal' && notifiedAt !== null) {
    if (notifiedAt < countedFrom) countedFrom = notifiedAt;
    notes.push(text('principalNoticeStart', { notifiedAt }));
  }

  const { leakEventsKept, accidentEvents, notIncidentReasons } = classifyEvents(f, rules, { events, municipal, isPublic, text, eventNames });
  const isLeak = leakEventsKept.length > 0;
  const myNumberUse = f.myNumber === true && events.some((event) => myNumberUseEvents.includes(event));

  // The 委託先 relief (法第26条第1項ただし書, 番号法第29条の4第1項ただし書) needs the notice to the
  // 委託元 「速やかに」; we accept it within the 3–5 day 目安 and show our own duties otherwise.
  const reliefWindow = targetWindow(countedFrom, rules.days.principalNoticeTarget.from, rules.days.principalNoticeTarget.to);
  const relief: Relief = {
    status: entrustment !== 'contractor' || isPublic ? 'none' : notifiedAt === null ? 'pending' : notifiedAt <= reliefWindow.to ? 'relieved' : 'late',
    window: reliefWindow,
    notifiedAt,
  };
  const preliminaryWindow = targetWindow(countedFrom, rules.days.preliminaryTarget.from, rules.days.preliminaryTarget.to);

  return {
    facts: f,
    rules,
    events,
    municipal,
    entrustment,
    notifiedAt,
    isPublic,
    possible: f.possibleOnly ? text('possibleSuffix') : '',
    countedFrom,
    isLeak,
    myNumberUse,
    accidentEvents,
    relief,
    preliminaryWindow,
    notes,
    notIncidentReasons,
    text,
    basis: (id) => rules.basis[id],
    eventNames,
    overThreshold(threshold) {
      const persons = f.persons ?? null;
      const mayExceed = f.personsMayExceed ?? null;
      // A 概数 over the threshold is over it: the count is the best knowledge there is, and the
      // 報告対象事態 include 「発生したおそれがある事態」 (規則第7条柱書, 通則編3-5-3-1).
      if (persons !== null && persons > threshold) return text(f.personsApproximate ? 'overThresholdApproximate' : 'overThresholdCount', { threshold, count: persons });
      if (mayExceed !== null && mayExceed > threshold) return text('overThresholdMay', { threshold, count: mayExceed });
      return null;
    },
    uncertainCount(threshold, basis) {
      const persons = f.persons ?? null;
      if (!f.personsApproximate || persons === null || persons > threshold) return null;
      if ((f.personsMayExceed ?? 0) > threshold) return null;
      // Not a legal rule: a caution only, it adds and removes no duty. 「約1,000人」 may be a little
      // over or under; a 概数 within a tenth below the threshold is named as uncertain, and the
      // person is pointed to the 見込み最大数, which is how the rules take 「超えるおそれ」.
      if (persons < threshold * (1 - NEAR_THRESHOLD_SHARE)) return null;
      return text('noteApproximateNearThreshold', { threshold: threshold.toLocaleString('ja-JP'), count: persons.toLocaleString('ja-JP'), basis });
    },
    quote: (hits) => hits.map((hit) => `「${rules.triggers[hit.id].label}${hit.detail}」`).join(''),
    items: (hits) => hits.map((hit) => `第${hit.item}号`).join('・'),
    reliefNoticeReason() {
      if (relief.status === 'relieved') return text('contractorFulfilled', { notifiedAt: relief.notifiedAt ?? '' });
      if (relief.status === 'late') {
        return text('contractorFulfilled', { notifiedAt: relief.notifiedAt ?? '' }) + text('contractorLate', { notifiedAt: relief.notifiedAt ?? '', to: relief.window.to });
      }
      return text('contractorPending', { from: relief.window.from, to: relief.window.to });
    },
    preliminaryReason: () =>
      text('preliminaryTiming', {
        start: countedFrom,
        from: preliminaryWindow.from,
        to: preliminaryWindow.to,
        fromDay: rules.days.preliminaryTarget.from,
        toDay: rules.days.preliminaryTarget.to,
      }),
  };
}

type DefinitionExclusion = 'recovered' | 'intentional' | 'rational' | 'copy';

/**
 * Is it a 漏えい等 at all? (通則編3-5-1). Splits the events into the 漏えい等 that remain, the
 * P-mark / municipal 事故等, and the Japanese reasons why the rest are not 漏えい等.
 */
function classifyEvents(
  f: Facts,
  rules: IncidentRuleSet,
  shared: Pick<IncidentContext, 'events' | 'municipal' | 'isPublic' | 'text' | 'eventNames'>,
): { leakEventsKept: IncidentEventKind[]; accidentEvents: IncidentEventKind[]; notIncidentReasons: string[] } {
  const { events, municipal, isPublic, text, eventNames } = shared;
  const notIncidentReasons: string[] = [];
  const definitionExclusions = (event: IncidentEventKind): DefinitionExclusion[] => {
    const found: DefinitionExclusion[] = [];
    // 3-5-1-1: recovered before any third party saw it / provided on purpose → not 漏えい.
    if ((event === 'leak' || event === 'loss') && f.recoveredBeforeViewed) found.push('recovered');
    if (event === 'leak' && f.intentionalProvision) found.push('intentional');
    // 3-5-1-2: deleted for a sound reason → not 滅失.
    if (event === 'destruction' && f.rationalDeletion) found.push('rational');
    // 3-5-1-2 / 3-5-1-3: an identical copy is kept → not 滅失 or 毀損. A lost medium may still
    // have been seen by someone, so a copy does not clear 紛失 (漏えいのおそれ).
    if ((event === 'destruction' || event === 'damage' || event === 'tampering') && f.identicalCopyExists) {
      found.push('copy');
    }
    return found;
  };
  const excludedBy = new Map<DefinitionExclusion, IncidentEventKind[]>();
  const leakEventsKept: IncidentEventKind[] = [];
  const accidentEvents: IncidentEventKind[] = [];
  for (const event of events) {
    const found = leakEvents.includes(event) ? definitionExclusions(event) : [];
    for (const reason of found) excludedBy.set(reason, [...(excludedBy.get(reason) ?? []), event]);
    if (leakEvents.includes(event) && found.length === 0) leakEventsKept.push(event);
    // P-mark 事故等 and municipal 事故 include おそれ: a recovered leak still counts (rule flag).
    const contractFound = found.filter((reason) => !(reason === 'recovered' && rules.flags.recoveredLeakStillAccident));
    if (contractFound.length === 0) accidentEvents.push(event);
  }
  const templates: Record<DefinitionExclusion, IncidentTextId> = {
    recovered: 'excludedRecovered',
    intentional: 'excludedIntentional',
    rational: 'excludedRational',
    copy: 'excludedCopy',
  };
  for (const [reason, list] of excludedBy) {
    let sentence = text(templates[reason], { events: eventNames(list) });
    if (reason === 'recovered' && rules.flags.recoveredLeakStillAccident && (f.privacyMark || municipal || isPublic)) {
      sentence += text('excludedRecoveredStillAccident');
    }
    notIncidentReasons.push(sentence);
  }
  if (events.includes('loss') && f.identicalCopyExists && leakEventsKept.includes('loss')) {
    notIncidentReasons.push(text('lossCopyNotExcluded'));
  }
  const improperHandling = events.filter((event) => !leakEvents.includes(event));
  if (improperHandling.length > 0) {
    let sentence = text('improperHandlingNotLeak', {
      events: eventNames(improperHandling),
      law: isPublic ? '個人情報保護法第68条' : '個人情報保護法第26条',
    });
    if (f.myNumber && improperHandling.some((event) => myNumberUseEvents.includes(event))) {
      sentence += text('improperHandlingNotLeakMyNumber');
    }
    notIncidentReasons.push(sentence);
  }
  return { leakEventsKept, accidentEvents, notIncidentReasons };
}

/**
 * Fills `{name}` placeholders; a missing value is a programming error in the rule data. The
 * templates are sentences a person reads (理由・注記), so a date is written as the app shows it
 * (2026/12/06); the result's machine fields (due, targetRange) stay ISO.
 */
function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`ルールデータのテンプレートに値がありません: {${name}}`);
    return typeof value === 'string' ? displayDate(value) : String(value);
  });
}
