/**
 * The vocabulary and the facts schema of the incident-duties engine (報告等の義務の判定, SPEC §5.1):
 * what can happen (事象), which duties exist, and the facts JSON callers supply. Re-exported by
 * `../incidentDuties.ts`, which is the path importers use.
 */
import { z } from 'zod';
import { dateRefusalMessage, readDate } from '../../domain/dateInput.ts';
import { readTypedNumber } from '../../domain/numberInput.ts';
import { organizationProfiles } from '../../domain/roles.ts';
import { incidentRuleSets } from '../data/incidentRules.ts';
import { addCalendarDays, HOLIDAY_DATA_RANGE, type IsoDate, isIsoDate } from '../deadlines.ts';
import { displayDateRange } from '../../domain/dateDisplay.ts';

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
export const leakEvents: readonly IncidentEventKind[] = ['leak', 'loss', 'destruction', 'damage', 'tampering'];
/** 番号法第9条・第19条に反する利用・提供 (My Number report rule 第2条第2号・第4号). */
export const myNumberUseEvents: readonly IncidentEventKind[] = ['purpose_violation', 'misuse'];

// ─── Facts schema ──────────────────────────────────────────────────────────────────────────

/** Longest statutory period any rule set uses, plus the longest run of 休日 (10 days, GW 2019). */
const longestSpanDays = Math.max(...incidentRuleSets.map((set) => set.days.finalImproperPurpose)) + 10;
/** Latest 知った日 whose deadlines still fall inside the bundled holiday data. */
export const latestSupportedKnownOn: IsoDate = addCalendarDays(HOLIDAY_DATA_RANGE.to, -longestSpanDays);

// Every message names the field by its Japanese label only, never its key (issue 10: 「知った日
// （knownOn）」「true または false」 were shown in the form). The CLI and the API add the path in front
// (describeIncidentFactsIssues) for whoever writes the JSON by hand.

/** The typed value, quoted in a refusal (never changed: issue 10 「入力したものを黙って変えない」). */
const typedValue = (input: unknown) => (typeof input === 'string' ? input : String(input));

const flag = (label: string) => z.boolean({ error: `${label}は「はい」か「いいえ」で指定してください` }).optional();

/**
 * Why a 人数 sent as text is refused: the web form passes on what it could not read (「数千人」),
 * and the message says why, as the field did; text that would read (「１，２００」) is still
 * refused — the form sends the number it read, and a number is never coerced from text here.
 */
const personCountTypeError = (label: string) => (issue: { input?: unknown }) => {
  const reading = typeof issue.input === 'string' ? readTypedNumber(issue.input, { label, unit: '人', approximate: true }) : null;
  if (reading && !reading.ok) return reading.message;
  return `${label}は数値（人数）で入力してください（入力値: ${typedValue(issue.input)}）`;
};

/** 人数: a whole number, 0 or more, or null (unknown) — a negative count is refused, never read as 0. */
const personCount = (label: string) =>
  z
    .number({ error: personCountTypeError(label) })
    .int({ error: (issue) => `${label}は整数で入力してください（入力値: ${typedValue(issue.input)}）` })
    .min(0, { error: (issue) => `${label}は0以上で入力してください（入力値: ${typedValue(issue.input)}）` })
    .nullable()
    .optional();

/**
 * A date of the facts: "YYYY-MM-DD", or as the app displays and people type it (2026/11/28,
 * 令和8年11月28日, R8.11.28 — domain/dateInput.ts), read exactly into "YYYY-MM-DD"; a day that
 * does not exist or an era year outside its era is refused, never moved to another day.
 */
const isoDate = (label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label}を入力してください` : `${label}は日付（例: 2026/11/28）で入力してください`),
    })
    .transform((text, ctx) => {
      const reading = readDate(text);
      if (reading.ok) return reading.iso;
      ctx.addIssue({ code: 'custom', message: dateRefusalMessage(label, reading), abort: true });
      return z.NEVER;
    })
    .refine((value) => value >= HOLIDAY_DATA_RANGE.from && value <= latestSupportedKnownOn, {
      error: `${label}は ${displayDateRange(HOLIDAY_DATA_RANGE.from, latestSupportedKnownOn)} の範囲で入力してください（祝日データで期限を計算できる範囲）`,
    });

/**
 * One of a fixed list: the message names the field only (the values are keys); the CLI lists the
 * accepted values from the issue itself (describeIncidentFactsIssues).
 */
const enumField = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? `${label}を選択してください` : `${label}の値が正しくありません`),
  });

/**
 * Zod schema of the facts JSON (SPEC §5.1 inputs, M4 record). Only `profile` and `knownOn` are
 * required; unknown keys are rejected so a misspelt flag can never silently drop a duty.
 * Error messages are Japanese and name the field.
 */
export const incidentFactsSchema = z
  .strictObject(
    {
      /** 組織の区分: 個人情報取扱事業者 / 行政機関等 / 指定管理者・受託者. */
      profile: enumField(organizationProfiles, '組織の区分'),
      /** プライバシーマーク付与事業者か. */
      privacyMark: flag('プライバシーマーク付与事業者'),
      /** 知った日 (for a company: the day any department learned of it). Day 1 of every period. */
      knownOn: isoDate('知った日'),
      events: z.array(enumField(incidentEventKinds, '事象'), { error: '事象は一覧で指定してください' }).optional(),
      /** 発生したおそれ（未確定）にとどまる. */
      possibleOnly: flag('発生したおそれのみ'),
      /** 第三者に閲覧されないうちに全てを回収した (通則編3-5-1-1). */
      recoveredBeforeViewed: flag('閲覧前に全て回収'),
      /** 自らの意図に基づく第三者提供 (通則編3-5-1-1). */
      intentionalProvision: flag('意図的な提供'),
      /** 合理的な理由による削除 (通則編3-5-1-2). */
      rationalDeletion: flag('合理的な理由による削除'),
      /** 同じ内容のデータが他に保管されている (通則編3-5-1-2, 3-5-1-3). */
      identicalCopyExists: flag('同一データの保管'),
      sensitive: flag('要配慮個人情報'),
      ordinanceSensitive: flag('条例要配慮個人情報'),
      financialDamageRisk: flag('財産的被害のおそれ'),
      improperPurpose: flag('不正の目的のおそれ'),
      /** 取得し又は取得しようとしている個人情報で、個人データとして取り扱う予定のもの (規則第7条第3号). */
      plannedPersonalData: flag('個人データとして取り扱う予定の個人情報'),
      myNumber: flag('特定個人情報'),
      myNumberSystem: flag('情報提供ネットワークシステム等で管理'),
      viewableByUnspecifiedMany: flag('不特定多数による閲覧'),
      pseudonymized: flag('仮名加工情報'),
      /** 高度な暗号化等の措置があり、復号鍵は漏えいしていない. */
      highLevelEncryption: flag('高度な暗号化等'),
      persons: personCount('本人の数'),
      /**
       * 本人の数 is a 概数 (typed 「約1,200人」): kept so it is shown as one and so the threshold
       * checks of 規則第7条第4号 and the like say when the count leaves them uncertain.
       */
      personsApproximate: flag('本人の数は概数'),
      /** 本人の数が不確定なときの見込みの最大数. */
      personsMayExceed: personCount('本人の数の見込み最大数'),
      entrustment: enumField(entrustmentKinds, '委託関係').optional(),
      /** contractor: 委託元へ通知した日. principal: 委託先から通知を受けた日. */
      principalNotifiedAt: isoDate('委託元への通知日').nullable().optional(),
      /** 自治体との委託契約（特記事項）の対象業務か. Defaults to true for designated_manager. */
      municipalContract: flag('自治体との委託契約'),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
        }
        if (issue.code === 'invalid_type') return '事実の形式が正しくありません（項目と値の組で指定してください）';
        return undefined;
      },
    },
  )
  .superRefine((facts, ctx) => {
    const notifiedAt = facts.principalNotifiedAt ?? null;
    if (notifiedAt === null || !isIsoDate(facts.knownOn)) return;
    if (facts.entrustment === 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['principalNotifiedAt'],
        message: '委託元への通知日は、委託関係が「受託したデータ（当社が委託先）」又は「委託したデータ（当社が委託元）」のときに入力してください',
      });
    } else if (facts.entrustment !== 'principal' && notifiedAt < facts.knownOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['principalNotifiedAt'],
        message: '委託元への通知日は知った日以降の日付で入力してください',
      });
    }
  });

/** Incident facts as callers supply them (SPEC §5.1 facts JSON). */
export type IncidentFacts = z.input<typeof incidentFactsSchema>;

/**
 * Japanese one-line descriptions of validation problems for whoever writes the facts JSON by hand
 * (the CLI): each line starts with the field path (e.g. `events[1]`) and, for a value outside a
 * fixed list, lists the accepted values — the keys the JSON uses, which the form never shows.
 */
export function describeIncidentFactsIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
    const accepted = issue.code === 'invalid_value' ? `（指定できる値: ${issue.values.map((v) => JSON.stringify(v)).join('・')}）` : '';
    return `${path === '' ? '（全体）' : path}: ${issue.message}${accepted}`;
  });
}

/** Incident facts after validation (defaults not yet applied). */
export type Facts = z.output<typeof incidentFactsSchema>;
