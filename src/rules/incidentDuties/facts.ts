/**
 * The vocabulary and the facts schema of the incident-duties engine (報告等の義務の判定, SPEC §5.1):
 * what can happen (事象), which duties exist, and the facts JSON callers supply. Re-exported by
 * `../incidentDuties.ts`, which is the path importers use.
 */
import { z } from 'zod';
import { dateRefusalMessage, readDate } from '../../domain/dateInput.ts';
import { organizationProfiles } from '../../domain/roles.ts';
import { incidentRuleSets } from '../data/incidentRules.ts';
import { addCalendarDays, HOLIDAY_DATA_RANGE, type IsoDate, isIsoDate } from '../deadlines.ts';

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

const flag = (field: string, label: string) => z.boolean({ error: `${label}（${field}）は true または false で入力してください` }).optional();

const personCount = (field: string, label: string) =>
  z
    .number({ error: `${label}（${field}）は数値（人数）又は null で入力してください` })
    .int({ error: `${label}（${field}）は整数で入力してください` })
    .min(0, { error: `${label}（${field}）は0以上で入力してください` })
    .nullable()
    .optional();

/**
 * A date of the facts: "YYYY-MM-DD", or as the app displays and people type it (2026/11/28,
 * 令和8年11月28日, R8.11.28 — domain/dateInput.ts), read exactly into "YYYY-MM-DD"; a day that
 * does not exist or an era year outside its era is refused, never moved to another day.
 */
const isoDate = (field: string, label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label}（${field}）は必須です` : `${label}（${field}）は "YYYY-MM-DD" 形式の文字列で入力してください`),
    })
    .transform((text, ctx) => {
      const reading = readDate(text);
      if (reading.ok) return reading.iso;
      ctx.addIssue({ code: 'custom', message: dateRefusalMessage(`${label}（${field}）`, reading), abort: true });
      return z.NEVER;
    })
    .refine((value) => value >= HOLIDAY_DATA_RANGE.from && value <= latestSupportedKnownOn, {
      error: `${label}（${field}）は ${HOLIDAY_DATA_RANGE.from}〜${latestSupportedKnownOn} の範囲で入力してください（祝日データで期限を計算できる範囲）`,
    });

const enumField = <const T extends readonly [string, ...string[]]>(values: T, field: string, label: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label}（${field}）は必須です`
        : `${label}（${field}）は ${values.map((v) => `"${v}"`).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(issue.input)}）`,
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
      profile: enumField(organizationProfiles, 'profile', '組織の区分'),
      /** プライバシーマーク付与事業者か. */
      privacyMark: flag('privacyMark', 'プライバシーマーク付与事業者'),
      /** 知った日 (for a company: the day any department learned of it). Day 1 of every period. */
      knownOn: isoDate('knownOn', '知った日'),
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
    if (notifiedAt === null || !isIsoDate(facts.knownOn)) return;
    if (facts.entrustment === 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['principalNotifiedAt'],
        message: '委託元への通知日（principalNotifiedAt）は、委託関係（entrustment）が "contractor" 又は "principal" のときに入力してください',
      });
    } else if (facts.entrustment !== 'principal' && notifiedAt < facts.knownOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['principalNotifiedAt'],
        message: '委託元への通知日（principalNotifiedAt）は知った日（knownOn）以降の日付で入力してください',
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

/** Incident facts after validation (defaults not yet applied). */
export type Facts = z.output<typeof incidentFactsSchema>;
