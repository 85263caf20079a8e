/**
 * Incident reportability engine (報告等の義務の判定, SPEC §5.1, M4). Pure: facts in, duties out.
 * No I/O and no clock — every date is derived from `knownAt` (知った日) in the facts, so the same
 * facts and rules version always give the same answer (server, web preview and CLI alike).
 *
 * The law lives in versioned data (`./data/incidentRules.ts`); this file only decides which
 * rule applies to which fact. See docs/rules/incident-duties.md for the full rule list.
 */
import { z } from 'zod';
import { organizationProfiles } from '../domain/roles.ts';
import {
  getIncidentRuleSet,
  type IncidentBasisId,
  type IncidentExclusionId,
  type IncidentRuleSet,
  type IncidentTextId,
  type IncidentTriggerId,
  incidentRuleSetFor,
  incidentRuleSets,
} from './data/incidentRules.ts';
import { addCalendarDays, addStatutoryDays, type DateRange, HOLIDAY_DATA_RANGE, type IsoDate, isIsoDate, nthDay, targetWindow } from './deadlines.ts';

// ─── Vocabulary ────────────────────────────────────────────────────────────────────────────

/**
 * What happened (事象). The first five are APPI 漏えい等 (通則編3-5-1: 漏えい・滅失・毀損; 紛失 is
 * 漏えい（のおそれ）or 滅失, 改ざん is 毀損 per 3-5-1-3). The rest are 事故等 only for the Privacy
 * Mark (PA01 J.4.4.2 e) ④〜⑧) and for municipal contracts.
 */
export const incidentEventKinds = [
  'leak',
  'loss',
  'destruction',
  'damage',
  'tampering',
  'inaccuracy',
  'improper_acquisition',
  'purpose_violation',
  'misuse',
  'request_refusal',
] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];

/** Kinds of duty (報告等の義務) the engine can return, in display order. */
export const dutyKinds = [
  'ppc_preliminary',
  'ppc_final',
  'mynumber_preliminary',
  'mynumber_final',
  'public_body_report',
  'jipdec_preliminary',
  'jipdec_final',
  'principal_report',
  'individual_notice',
  'publication_consideration',
] as const;
export type DutyKind = (typeof dutyKinds)[number];

/** Whose data it is: our own, data entrusted to us (we are the 委託先), or data we entrusted. */
export const entrustmentKinds = ['none', 'contractor', 'principal'] as const;
export type Entrustment = (typeof entrustmentKinds)[number];

/** APPI 漏えい等 events (通則編3-5-1). */
const leakEvents: readonly IncidentEventKind[] = ['leak', 'loss', 'destruction', 'damage', 'tampering'];
/** 番号法第9条・第19条に反する利用・提供 (My Number report rule 第2条第2号・第4号). */
const myNumberUseEvents: readonly IncidentEventKind[] = ['purpose_violation', 'misuse'];

// ─── Facts schema ──────────────────────────────────────────────────────────────────────────

/** Longest statutory period any rule set uses, plus the longest run of 休日 (10 days, GW 2019). */
const longestSpanDays = Math.max(...incidentRuleSets.map((set) => set.days.finalImproperPurpose)) + 10;
/** Latest 知った日 whose deadlines still fall inside the bundled holiday data. */
export const latestSupportedKnownAt: IsoDate = addCalendarDays(HOLIDAY_DATA_RANGE.to, -longestSpanDays);

const flag = (field: string, label: string) => z.boolean({ error: `${label}（${field}）は true または false で入力してください` }).optional();

const personCount = (field: string, label: string) =>
  z
    .number({ error: `${label}（${field}）は数値（人数）又は null で入力してください` })
    .int({ error: `${label}（${field}）は整数で入力してください` })
    .min(0, { error: `${label}（${field}）は0以上で入力してください` })
    .nullable()
    .optional();

const isoDate = (field: string, label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label}（${field}）は必須です` : `${label}（${field}）は "YYYY-MM-DD" 形式の文字列で入力してください`),
    })
    .refine(isIsoDate, { error: `${label}（${field}）は実在する日付を "YYYY-MM-DD" 形式で入力してください`, abort: true })
    .refine((value) => value >= HOLIDAY_DATA_RANGE.from && value <= latestSupportedKnownAt, {
      error: `${label}（${field}）は ${HOLIDAY_DATA_RANGE.from}〜${latestSupportedKnownAt} の範囲で入力してください（祝日データで期限を計算できる範囲）`,
    });

const enumField = <const T extends readonly [string, ...string[]]>(values: T, field: string, label: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label}（${field}）は必須です`
        : `${label}（${field}）は ${values.map((v) => `"${v}"`).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(issue.input)}）`,
  });

/**
 * Zod schema of the facts JSON (SPEC §5.1 inputs, M4 record). Only `profile` and `knownAt` are
 * required; unknown keys are rejected so a misspelt flag can never silently drop a duty.
 * Error messages are Japanese and name the field.
 */
export const incidentFactsSchema = z
  .strictObject(
    {
      /** 組織の区分: 個人情報取扱事業者 / 行政機関等 / 指定管理者・受託者. */
      profile: enumField(organizationProfiles, 'profile', '組織の区分'),
      /** プライバシーマーク付与事業者か. */
      privacyMark: flag('privacyMark', 'プライバシーマーク付与事業者'),
      /** 知った日 (for a company: the day any department learned of it). Day 1 of every period. */
      knownAt: isoDate('knownAt', '知った日'),
      events: z.array(enumField(incidentEventKinds, 'events', '事象'), { error: '事象（events）は配列で入力してください' }).optional(),
      /** 発生したおそれ（未確定）にとどまる. */
      possibleOnly: flag('possibleOnly', '発生したおそれのみ'),
      /** 第三者に閲覧されないうちに全てを回収した (通則編3-5-1-1). */
      recoveredBeforeViewed: flag('recoveredBeforeViewed', '閲覧前に全て回収'),
      /** 自らの意図に基づく第三者提供 (通則編3-5-1-1). */
      intentionalProvision: flag('intentionalProvision', '意図的な提供'),
      /** 合理的な理由による削除 (通則編3-5-1-2). */
      rationalDeletion: flag('rationalDeletion', '合理的な理由による削除'),
      /** 同じ内容のデータが他に保管されている (通則編3-5-1-2, 3-5-1-3). */
      identicalCopyExists: flag('identicalCopyExists', '同一データの保管'),
      sensitive: flag('sensitive', '要配慮個人情報'),
      ordinanceSensitive: flag('ordinanceSensitive', '条例要配慮個人情報'),
      financialDamageRisk: flag('financialDamageRisk', '財産的被害のおそれ'),
      improperPurpose: flag('improperPurpose', '不正の目的のおそれ'),
      /** 取得し又は取得しようとしている個人情報で、個人データとして取り扱う予定のもの (規則第7条第3号). */
      plannedPersonalData: flag('plannedPersonalData', '個人データとして取り扱う予定の個人情報'),
      myNumber: flag('myNumber', '特定個人情報'),
      myNumberSystem: flag('myNumberSystem', '情報提供ネットワークシステム等で管理'),
      viewableByUnspecifiedMany: flag('viewableByUnspecifiedMany', '不特定多数による閲覧'),
      pseudonymized: flag('pseudonymized', '仮名加工情報'),
      /** 高度な暗号化等の措置があり、復号鍵は漏えいしていない. */
      highLevelEncryption: flag('highLevelEncryption', '高度な暗号化等'),
      persons: personCount('persons', '本人の数'),
      /** 本人の数が不確定なときの見込みの最大数. */
      personsMayExceed: personCount('personsMayExceed', '本人の数の見込み最大数'),
      entrustment: enumField(entrustmentKinds, 'entrustment', '委託関係').optional(),
      /** contractor: 委託元へ通知した日. principal: 委託先から通知を受けた日. */
      principalNotifiedAt: isoDate('principalNotifiedAt', '委託元への通知日').nullable().optional(),
      /** 自治体との委託契約（特記事項）の対象業務か. Defaults to true for designated_manager. */
      municipalContract: flag('municipalContract', '自治体との委託契約'),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
        }
        if (issue.code === 'invalid_type') return '事実（facts）は JSON オブジェクトで入力してください';
        return undefined;
      },
    },
  )
  .superRefine((facts, ctx) => {
    const notifiedAt = facts.principalNotifiedAt ?? null;
    if (notifiedAt === null || !isIsoDate(facts.knownAt)) return;
    if (facts.entrustment === 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['principalNotifiedAt'],
        message: '委託元への通知日（principalNotifiedAt）は、委託関係（entrustment）が "contractor" 又は "principal" のときに入力してください',
      });
    } else if (facts.entrustment !== 'principal' && notifiedAt < facts.knownAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['principalNotifiedAt'],
        message: '委託元への通知日（principalNotifiedAt）は知った日（knownAt）以降の日付で入力してください',
      });
    }
  });

/** Incident facts as callers supply them (SPEC §5.1 facts JSON). */
export type IncidentFacts = z.input<typeof incidentFactsSchema>;

/**
 * Japanese one-line descriptions of validation problems, each naming the field path
 * (e.g. `events[1]`), for the CLI, the API and form summaries.
 */
export function describeIncidentFactsIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
    return `${path === '' ? '（全体）' : path}: ${issue.message}`;
  });
}

// ─── Result types ──────────────────────────────────────────────────────────────────────────

/**
 * How the deadline is expressed: `by_date` (a fixed 期限 in `due`), `promptly` (速やかに /
 * 遅滞なく; `due` is null and `targetRange`, when set, is the 目安), `immediately` (直ちに; `due`
 * is the 知った日 itself).
 */
export type DutyTiming = 'by_date' | 'promptly' | 'immediately';

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
  /** Day 1 used for every period (knownAt, or an earlier 委託先からの通知日 for a 委託元). */
  countedFrom: IsoDate;
  duties: Duty[];
  triggers: IncidentTrigger[];
  exclusions: IncidentExclusion[];
  /** Why (some of) the events are not 漏えい等 / 事故等 (通則編3-5-1), in Japanese. */
  notIncidentReasons: string[];
  /** Further Japanese advice (法第35条第5項, unknown counts, internal escalation…). */
  notes: string[];
};

// ─── Engine ────────────────────────────────────────────────────────────────────────────────

type Facts = z.output<typeof incidentFactsSchema>;

type DutyPart = {
  basis: string;
  reason: string;
  timing: DutyTiming;
  due: IsoDate | null;
  targetRange: DateRange | null;
  triggers: readonly IncidentTriggerId[];
  fulfilledAt?: IsoDate | null;
};

type TriggerHit = { id: IncidentTriggerId; item: number; detail: string };

const timingRank: Record<DutyTiming, number> = { immediately: 0, promptly: 1, by_date: 2 };

/** Collects duty parts from several legal sources and merges them into one duty per kind. */
function createDutyCollector(rules: IncidentRuleSet) {
  const parts = new Map<DutyKind, DutyPart[]>();
  return {
    add(kind: DutyKind, part: DutyPart): void {
      const list = parts.get(kind) ?? [];
      list.push(part);
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
          reason: unique(list.map((part) => part.reason)).join(''),
          triggers: unique(list.flatMap((part) => part.triggers)),
          fulfilledAt: list.map((part) => part.fulfilledAt ?? null).find((value) => value !== null) ?? null,
        });
      }
      return duties;
    },
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Fills `{name}` placeholders; a missing value is a programming error in the rule data. */
function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`ルールデータのテンプレートに値がありません: {${name}}`);
    return String(value);
  });
}

type Relief = { status: 'none' | 'pending' | 'relieved' | 'late'; window: DateRange; notifiedAt: IsoDate | null };

/**
 * Decides every duty (報告等の義務) that the facts give rise to, each with its deadline, basis
 * and reason, plus the exclusions and explanations the UI shows.
 *
 * @param facts incident facts (validated here with {@link incidentFactsSchema}).
 * @param rulesVersion rules to apply; by default the set in force on `facts.knownAt`. Pass the
 *   version stored with an incident to reproduce an earlier result exactly.
 * @throws ZodError when the facts are invalid; UnknownIncidentRulesVersionError for an unknown
 *   version.
 * @example
 * evaluateIncidentDuties({ profile: 'private', knownAt: '2026-01-05', events: ['leak'], sensitive: true })
 * // → ppc_preliminary (目安 2026-01-07〜09), ppc_final (due 2026-02-03), individual_notice, …
 */
export function evaluateIncidentDuties(facts: IncidentFacts, rulesVersion?: string): IncidentDutiesResult {
  const f: Facts = incidentFactsSchema.parse(facts);
  const rules = rulesVersion === undefined ? incidentRuleSetFor(f.knownAt) : getIncidentRuleSet(rulesVersion);
  const text = (id: IncidentTextId, values?: Readonly<Record<string, string | number>>) => fill(rules.text[id], values);
  const basis = (id: IncidentBasisId) => rules.basis[id];

  const events = unique(f.events ?? []);
  const eventNames = (list: readonly IncidentEventKind[]) => list.map((event) => rules.eventLabels[event]).join('・');
  const municipal = f.municipalContract ?? f.profile === 'designated_manager';
  const entrustment: Entrustment = f.entrustment ?? (municipal ? 'contractor' : 'none');
  const notifiedAt = f.principalNotifiedAt ?? null;
  const isPublic = f.profile === 'public';
  const possible = f.possibleOnly ? text('possibleSuffix') : '';

  const notes: string[] = [];
  const notIncidentReasons: string[] = [];
  const exclusions: IncidentExclusion[] = [];
  const triggers: IncidentTrigger[] = [];
  const duties = createDutyCollector(rules);

  if (f.knownAt < rules.effectiveFrom) {
    notes.push(text('noteBeforeEffective', { knownAt: f.knownAt, version: rules.id, effectiveFrom: rules.effectiveFrom }));
  }

  // A 委託元 has "known" at the latest when its 委託先 told it (通則編3-5-3-5).
  let countedFrom = f.knownAt;
  if (entrustment === 'principal' && notifiedAt !== null) {
    if (notifiedAt < countedFrom) countedFrom = notifiedAt;
    notes.push(text('principalNoticeStart', { notifiedAt }));
  }

  // ── 1. Is it a 漏えい等 at all? (通則編3-5-1) ────────────────────────────────────────────
  type DefinitionExclusion = 'recovered' | 'intentional' | 'rational' | 'copy';
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
  if (events.length === 0) notIncidentReasons.push(text('noEvents'));

  const isLeak = leakEventsKept.length > 0;
  const myNumberUse = f.myNumber === true && events.some((event) => myNumberUseEvents.includes(event));
  if (isLeak && f.persons == null && f.personsMayExceed == null) notes.push(text('notePersonsUnknown'));

  const overThreshold = (threshold: number): string | null => {
    const persons = f.persons ?? null;
    const mayExceed = f.personsMayExceed ?? null;
    if (persons !== null && persons > threshold) return text('overThresholdCount', { threshold, count: persons });
    if (mayExceed !== null && mayExceed > threshold) return text('overThresholdMay', { threshold, count: mayExceed });
    return null;
  };
  const quote = (hits: readonly TriggerHit[]) => hits.map((hit) => `「${rules.triggers[hit.id].label}${hit.detail}」`).join('');
  const items = (hits: readonly TriggerHit[]) => hits.map((hit) => `第${hit.item}号`).join('・');
  const record = (hits: readonly TriggerHit[]) => {
    for (const hit of hits) triggers.push({ id: hit.id, label: rules.triggers[hit.id].label, basis: rules.triggers[hit.id].basis });
  };
  const ids = (hits: readonly TriggerHit[]) => hits.map((hit) => hit.id);

  // The 委託先 relief (法第26条第1項ただし書, 番号法第29条の4第1項ただし書) needs the notice to the
  // 委託元 「速やかに」; we accept it within the 3–5 day 目安 and show our own duties otherwise.
  const reliefWindow = targetWindow(countedFrom, rules.days.principalNoticeTarget.from, rules.days.principalNoticeTarget.to);
  const relief: Relief = {
    status: entrustment !== 'contractor' || isPublic ? 'none' : notifiedAt === null ? 'pending' : notifiedAt <= reliefWindow.to ? 'relieved' : 'late',
    window: reliefWindow,
    notifiedAt,
  };
  const reliefNoticeReason = (): string => {
    if (relief.status === 'relieved') return text('contractorFulfilled', { notifiedAt: relief.notifiedAt ?? '' });
    if (relief.status === 'late') {
      return text('contractorFulfilled', { notifiedAt: relief.notifiedAt ?? '' }) + text('contractorLate', { notifiedAt: relief.notifiedAt ?? '', to: relief.window.to });
    }
    return text('contractorPending', { from: relief.window.from, to: relief.window.to });
  };
  const preliminaryWindow = targetWindow(countedFrom, rules.days.preliminaryTarget.from, rules.days.preliminaryTarget.to);
  const preliminaryReason = () =>
    text('preliminaryTiming', {
      start: countedFrom,
      from: preliminaryWindow.from,
      to: preliminaryWindow.to,
      fromDay: rules.days.preliminaryTarget.from,
      toDay: rules.days.preliminaryTarget.to,
    });

  // ── 2. Private sector: 法第26条, 規則第7条 (private and designated_manager) ────────────────
  let appiHits: TriggerHit[] = [];
  if (!isPublic && isLeak) {
    const hits: TriggerHit[] = [];
    if (f.sensitive) hits.push({ id: 'appi_r7_1_sensitive', item: 1, detail: '' });
    if (f.financialDamageRisk) hits.push({ id: 'appi_r7_2_financial', item: 2, detail: '' });
    // 第3号 covers, since 2024-04-01, personal information being obtained as personal data.
    if (f.improperPurpose) hits.push({ id: 'appi_r7_3_improper_purpose', item: 3, detail: '' });
    const over = overThreshold(rules.thresholds.privatePersons);
    if (over !== null) hits.push({ id: 'appi_r7_4_over_threshold', item: 4, detail: over });

    if (f.plannedPersonalData && !rules.flags.improperPurposeCoversPlannedPersonalData) notes.push(text('notePlannedNotCovered'));
    else if (f.plannedPersonalData && !f.improperPurpose) notes.push(text('notePlannedWithoutImproperPurpose'));

    const removed: DutyKind[] = ['ppc_preliminary', 'ppc_final', 'individual_notice'];
    const wouldBe = hits.length > 0 ? `（該当し得た事態：${quote(hits)}）` : '';
    if (hits.length > 0 && f.highLevelEncryption) {
      // 規則第7条第1号括弧書 applies to the whole article (「以下この条…において同じ」).
      exclusions.push({
        id: 'appi_encryption',
        ...rules.exclusions.appi_encryption,
        reason: `高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられ、復号鍵も漏えいしていないため、報告対象事態から除かれます${wouldBe}。鍵の漏えい等が判明した場合は再評価してください。`,
        removes: removed,
      });
    }
    if (hits.length > 0 && f.pseudonymized) {
      exclusions.push({
        id: 'appi_pseudonymized',
        ...rules.exclusions.appi_pseudonymized,
        reason: `仮名加工情報である個人データには法第26条（漏えい等の報告・本人通知）が適用されません${wouldBe}。`,
        removes: removed,
      });
    }
    if (hits.length > 0 && !f.highLevelEncryption && !f.pseudonymized) appiHits = hits;
  }

  if (appiHits.length > 0) {
    record(appiHits);
    const situation = text('appiSituation', { triggers: quote(appiHits), possible, items: items(appiHits) });
    const improper = appiHits.some((hit) => hit.id === 'appi_r7_3_improper_purpose');
    const days = improper ? rules.days.finalImproperPurpose : rules.days.final;
    const due = addStatutoryDays(countedFrom, days);
    const triggerIds = ids(appiHits);
    if (relief.status !== 'none') {
      duties.add('principal_report', {
        basis: basis('appiContractorNotice'),
        reason: reliefNoticeReason(),
        timing: 'promptly',
        due: null,
        targetRange: relief.window,
        triggers: triggerIds,
        fulfilledAt: relief.notifiedAt,
      });
    }
    if (relief.status === 'relieved') {
      exclusions.push({
        id: 'appi_contractor_relief',
        ...rules.exclusions.appi_contractor_relief,
        reason: text('contractorRelieved', {
          notifiedAt: relief.notifiedAt ?? '',
          to: relief.window.to,
          what: '個人情報保護委員会への報告及び本人への通知',
        }),
        removes: ['ppc_preliminary', 'ppc_final', 'individual_notice'],
      });
    } else {
      duties.add('ppc_preliminary', {
        basis: basis('appiPreliminary'),
        reason: situation + preliminaryReason(),
        timing: 'promptly',
        due: null,
        targetRange: preliminaryWindow,
        triggers: triggerIds,
      });
      duties.add('ppc_final', {
        basis: basis('appiFinal'),
        reason: situation + text('finalTiming', { start: countedFrom, days, due }) + (improper ? text('finalSixtyAppi') : ''),
        timing: 'by_date',
        due,
        targetRange: null,
        triggers: triggerIds,
      });
      duties.add('individual_notice', {
        basis: basis('appiNotice'),
        reason: text('noticeAppi'),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers: triggerIds,
      });
    }
    duties.add('publication_consideration', {
      basis: basis('appiPublication'),
      reason: text('publicationAppi') + (entrustment === 'contractor' ? text('publicationEntrusted') : ''),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: triggerIds,
    });
    // 法第35条第5項: the 本人 may demand 利用停止等 once a 第26条第1項本文 situation has occurred.
    notes.push(text('noteStopUse'));
  } else if (!isPublic && isLeak && entrustment === 'contractor' && !f.privacyMark && !municipal) {
    notes.push(text('noteContractorNonReportable'));
  }

  // ── 3. My Number: 番号法第29条の4, 特定個人情報漏えい等報告規則 第2条 ───────────────────────
  let myNumberHits: TriggerHit[] = [];
  if (f.myNumber && (isLeak || myNumberUse)) {
    const hits: TriggerHit[] = [];
    if (f.myNumberSystem && isLeak) hits.push({ id: 'mynumber_r2_1_system', item: 1, detail: '' });
    if (f.improperPurpose) hits.push({ id: 'mynumber_r2_2_improper_purpose', item: 2, detail: '' });
    if (f.viewableByUnspecifiedMany && isLeak) hits.push({ id: 'mynumber_r2_3_unspecified_many', item: 3, detail: '' });
    const over = overThreshold(rules.thresholds.myNumberPersons);
    if (over !== null) hits.push({ id: 'mynumber_r2_4_over_threshold', item: 4, detail: over });

    if (hits.length > 0 && f.highLevelEncryption) {
      // Encryption protects the data from being read; it does not undo a use or provision
      // against 番号法第9条・第19条, so only the 漏えい等 part is excluded when both occurred.
      const kept = myNumberUse ? hits.filter((hit) => hit.id === 'mynumber_r2_2_improper_purpose' || hit.id === 'mynumber_r2_4_over_threshold') : [];
      exclusions.push({
        id: 'mynumber_encryption',
        ...rules.exclusions.mynumber_encryption,
        reason: `高度な暗号化等の措置が講じられ、復号鍵も漏えいしていないため、特定個人情報の漏えい等は報告対象事態から除かれます（該当し得た事態：${quote(hits)}）。${
          kept.length > 0 ? '番号法に反する利用・提供は暗号化では除外されないため、その分は引き続き判定します。' : ''
        }`,
        removes: kept.length > 0 ? [] : ['mynumber_preliminary', 'mynumber_final', 'individual_notice'],
      });
      myNumberHits = kept;
    } else {
      myNumberHits = hits;
    }
  }

  if (myNumberHits.length > 0) {
    record(myNumberHits);
    const situation = text('mynumberSituation', { triggers: quote(myNumberHits), possible, items: items(myNumberHits) });
    const improper = myNumberHits.some((hit) => hit.id === 'mynumber_r2_2_improper_purpose');
    const days = improper ? rules.days.finalImproperPurpose : rules.days.final;
    const due = addStatutoryDays(countedFrom, days);
    const triggerIds = ids(myNumberHits);
    if (relief.status !== 'none') {
      duties.add('principal_report', {
        basis: basis('mynumberContractorNotice'),
        reason: reliefNoticeReason(),
        timing: 'promptly',
        due: null,
        targetRange: relief.window,
        triggers: triggerIds,
        fulfilledAt: relief.notifiedAt,
      });
    }
    if (relief.status === 'relieved') {
      exclusions.push({
        id: 'mynumber_contractor_relief',
        ...rules.exclusions.mynumber_contractor_relief,
        reason: text('contractorRelieved', {
          notifiedAt: relief.notifiedAt ?? '',
          to: relief.window.to,
          what: '特定個人情報の漏えい等の報告及び本人への通知',
        }),
        removes: ['mynumber_preliminary', 'mynumber_final', 'individual_notice'],
      });
    } else {
      duties.add('mynumber_preliminary', {
        basis: basis('mynumberPreliminary'),
        reason: situation + preliminaryReason(),
        timing: 'promptly',
        due: null,
        targetRange: preliminaryWindow,
        triggers: triggerIds,
      });
      duties.add('mynumber_final', {
        basis: basis('mynumberFinal'),
        reason: situation + text('finalTiming', { start: countedFrom, days, due }) + (improper ? text('finalSixtyMyNumber') : ''),
        timing: 'by_date',
        due,
        targetRange: null,
        triggers: triggerIds,
      });
      duties.add('individual_notice', {
        basis: basis('mynumberNotice'),
        reason: text('noticeMyNumber'),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers: triggerIds,
      });
    }
    duties.add('publication_consideration', {
      basis: basis('appiPublication'),
      reason: text('publicationAppi') + (entrustment === 'contractor' ? text('publicationEntrusted') : ''),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: triggerIds,
    });
    if (appiHits.length > 0) notes.push(text('noteAppiAndMyNumber'));
  }

  // ── 4. Public sector: 法第68条, 規則第43条 ─────────────────────────────────────────────
  let publicHits: TriggerHit[] = [];
  if (isPublic && isLeak) {
    const hits: TriggerHit[] = [];
    if (f.sensitive) hits.push({ id: 'public_r43_1_sensitive', item: 1, detail: '' });
    if (f.financialDamageRisk) hits.push({ id: 'public_r43_2_financial', item: 2, detail: '' });
    if (f.improperPurpose) hits.push({ id: 'public_r43_3_improper_purpose', item: 3, detail: '' });
    const over = overThreshold(rules.thresholds.publicPersons);
    if (over !== null) hits.push({ id: 'public_r43_4_over_threshold', item: 4, detail: over });
    // 第5号 applies to 地方公共団体の機関・地方独立行政法人 only; the flag itself says so.
    if (f.ordinanceSensitive) hits.push({ id: 'public_r43_5_ordinance_sensitive', item: 5, detail: '' });
    if (hits.length > 0 && f.highLevelEncryption) {
      exclusions.push({
        id: 'public_encryption',
        ...rules.exclusions.public_encryption,
        reason: `高度な暗号化等の措置が講じられ、復号鍵も漏えいしていないため、報告対象事態から除かれます（該当し得た事態：${quote(hits)}）。`,
        removes: ['public_body_report', 'individual_notice'],
      });
    } else {
      publicHits = hits;
    }
    if (hits.length > 0 && f.pseudonymized) notes.push(text('notePublicPseudonymized'));
  }

  if (publicHits.length > 0) {
    record(publicHits);
    const situation = text('publicSituation', { triggers: quote(publicHits), possible, items: items(publicHits) });
    const improper = publicHits.some((hit) => hit.id === 'public_r43_3_improper_purpose');
    const days = improper ? rules.days.finalImproperPurpose : rules.days.final;
    const due = addStatutoryDays(countedFrom, days);
    // One duty carries both steps: targetRange = 速報の目安, due = 確報の期限 (documented).
    duties.add('public_body_report', {
      basis: basis('publicReport'),
      reason:
        situation +
        text('publicBodyTiming', { from: preliminaryWindow.from, to: preliminaryWindow.to, start: countedFrom, days, due }) +
        (improper ? text('finalSixtyPublic') : ''),
      timing: 'by_date',
      due,
      targetRange: preliminaryWindow,
      triggers: ids(publicHits),
    });
    duties.add('individual_notice', {
      basis: basis('publicNotice'),
      reason: text('noticePublic'),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: ids(publicHits),
    });
  }
  if (isPublic && accidentEvents.length > 0) {
    // 4-8-11(7): consider publication even when no 法第68条 report is due.
    duties.add('publication_consideration', {
      basis: basis('publicPublication'),
      reason: text('publicationPublic'),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: ids(publicHits),
    });
    notes.push(text('notePublicEscalation'));
  }

  const lawHits = [...appiHits, ...myNumberHits, ...publicHits];

  // ── 5. Privacy Mark: PA01 J.4.4.2 ──────────────────────────────────────────────────────
  if (f.privacyMark && accidentEvents.length > 0) {
    const hit: TriggerHit = { id: 'pmark_accident', item: 0, detail: '' };
    record([hit]);
    // 確報: every 事故等, even one person; 60 days for 本項3) or 5) (不正の目的).
    const days = f.improperPurpose ? rules.days.jipdecFinalImproperPurpose : rules.days.jipdecFinal;
    const due = rules.flags.jipdecFinalMovesToWorkingDay ? addStatutoryDays(countedFrom, days) : nthDay(countedFrom, days);
    duties.add('jipdec_final', {
      basis: basis('pmarkFinal'),
      reason: text('pmarkFinal', { events: eventNames(accidentEvents), possible, start: countedFrom, days, due }) + (f.improperPurpose ? text('pmarkFinalSixty') : ''),
      timing: 'by_date',
      due,
      targetRange: null,
      triggers: ['pmark_accident'],
    });
    // 速報: the PPC-type situations 本項1)～8), whether or not the 委託先 relief removed our own
    // PPC report (the relief changes who reports, not the type of situation).
    if (lawHits.length > 0) {
      const window = targetWindow(countedFrom, rules.days.jipdecPreliminaryTarget.from, rules.days.jipdecPreliminaryTarget.to);
      duties.add('jipdec_preliminary', {
        basis: basis('pmarkPreliminary'),
        reason: text('pmarkPreliminary', { triggers: quote(lawHits), from: window.from, to: window.to }) + (relief.status === 'relieved' ? text('pmarkPreliminaryRelieved') : ''),
        timing: 'promptly',
        due: null,
        targetRange: window,
        triggers: ['pmark_accident', ...ids(lawHits)],
      });
    }
    duties.add('individual_notice', {
      basis: basis('pmarkNotice'),
      reason: text('noticePmark') + (entrustment === 'contractor' ? text('noticeEntrusted') : ''),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: ['pmark_accident'],
    });
    duties.add('publication_consideration', {
      basis: basis('pmarkPublication'),
      reason: text('publicationPmark') + (entrustment === 'contractor' ? text('publicationEntrusted') : ''),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: ['pmark_accident'],
    });
    if (entrustment === 'contractor') {
      duties.add('principal_report', {
        basis: basis('pmarkStakeholder'),
        reason: text('pmarkStakeholder', { start: countedFrom }),
        timing: 'immediately',
        due: countedFrom,
        targetRange: null,
        triggers: ['pmark_accident'],
        fulfilledAt: notifiedAt,
      });
    }
  }

  // ── 6. Municipal contract: 豊島区特記事項 第16条第2項 (第15条), 岡崎市規程 第20条 ────────────
  if (municipal && !isPublic && accidentEvents.length > 0) {
    const hit: TriggerHit = { id: 'municipal_accident', item: 0, detail: '' };
    record([hit]);
    duties.add('principal_report', {
      basis: basis('municipalReport'),
      reason: text('municipalReport', { possible, start: countedFrom }),
      timing: 'immediately',
      due: countedFrom,
      targetRange: null,
      triggers: ['municipal_accident'],
      fulfilledAt: entrustment === 'contractor' ? notifiedAt : null,
    });
    // 特記事項 注②: 本人通知 stays a duty of both parties, even when the PPC report is relieved.
    if (appiHits.length > 0 || myNumberHits.length > 0) {
      duties.add('individual_notice', {
        basis: basis('municipalNotice'),
        reason: text('noticeMunicipal'),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers: ['municipal_accident', ...ids([...appiHits, ...myNumberHits])],
      });
    }
    duties.add('publication_consideration', {
      basis: basis('municipalPublication'),
      reason: text('publicationMunicipal'),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: ['municipal_accident'],
    });
    if (f.ordinanceSensitive && isLeak) notes.push(text('noteOrdinanceSensitiveNotPublic'));
  }

  const isIncident = isLeak || myNumberUse || (accidentEvents.length > 0 && (f.privacyMark === true || (municipal && !isPublic) || isPublic));

  return {
    rulesVersion: rules.id,
    isIncident,
    countedFrom,
    duties: duties.list(),
    triggers,
    exclusions,
    notIncidentReasons,
    notes: unique(notes),
  };
}
