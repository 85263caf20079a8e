/**
 * The facts JSON of the request-deadline engine (issue #14 「The deadline engine」) and its
 * schema. Dates are read strictly: `YYYY-MM-DD` only (the CLI contract), a day that does not exist
 * is refused, never moved. Unknown keys are refused so a misspelt flag never silently changes a
 * deadline. Every message is Japanese and names the field.
 */
import { z } from 'zod';
import { organizationProfiles } from '../../domain/roles.ts';
import { addCalendarDays, HOLIDAY_DATA_RANGE, type IsoDate, isIsoDate } from '../deadlines.ts';
import { currentRequestDeadlineRules, requestKindLabels, requestKinds } from './rules.ts';
import { displayDate, displayDateRange } from '../../domain/dateDisplay.ts';

/**
 * Latest date a request fact may carry: the longest period (60 days, 第84条) plus the longest run
 * of 休日 (GW, 年末年始) must still fall inside the bundled holiday data.
 */
export const latestSupportedRequestDate: IsoDate = addCalendarDays(HOLIDAY_DATA_RANGE.to, -(currentRequestDeadlineRules.public.specialDays + 15));

const isoDate = (field: string, label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label}（${field}）は必須です` : `${label}（${field}）は "YYYY-MM-DD" 形式の文字列で入力してください`),
    })
    .refine(isIsoDate, {
      error: (issue) => `${label}（${field}）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: ${JSON.stringify(issue.input)}）`,
      abort: true,
    })
    .refine((value) => value >= HOLIDAY_DATA_RANGE.from && value <= latestSupportedRequestDate, {
      error: `${label}（${field}）は ${displayDateRange(HOLIDAY_DATA_RANGE.from, latestSupportedRequestDate)} の範囲で入力してください（祝日データで期限を計算できる範囲）`,
    });

const flag = (field: string, label: string) => z.boolean({ error: `${label}（${field}）は true または false で入力してください` }).optional();

const days = (field: string, label: string, min: number, max: number) =>
  z
    .number({ error: `${label}（${field}）は日数（整数）で入力してください` })
    .int({ error: `${label}（${field}）は整数で入力してください` })
    .min(min, { error: `${label}（${field}）は${min}日以上で入力してください` })
    .max(max, { error: `${label}（${field}）は${max}日以下で入力してください` })
    .optional();

const enumField = <const T extends readonly [string, ...string[]]>(values: T, field: string, label: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label}（${field}）は必須です`
        : `${label}（${field}）は ${values.map((v) => `"${v}"`).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(issue.input)}）`,
  });

const correctionPeriodSchema = z.strictObject(
  {
    askedOn: isoDate('askedOn', '補正を求めた日'),
    completedOn: isoDate('completedOn', '補正が完了した日'),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `補正の期間に不明な項目があります: ${issue.keys.join(', ')}（askedOn と completedOn だけを入力してください）`;
      if (issue.code === 'invalid_type') return '補正の期間（correctionPeriods の各要素）は { "askedOn", "completedOn" } の JSON オブジェクトで入力してください';
      return undefined;
    },
  },
);

const publicOnly = (field: string, label: string) =>
  `${label}（${field}）は行政機関等（profile "public"）の場合だけ指定できます（個人情報取扱事業者の開示等は「遅滞なく」行うもので、法定の期間・延長はありません）`;

/**
 * Zod schema of the facts JSON. `profile`, `kind` and `receivedOn` are required; the law's 30 + 30
 * days are the defaults of `periodDays` / `extensionDays` (public), 14 days of `targetDays` (private).
 */
export const requestDeadlineFactsSchema = z
  .strictObject(
    {
      /** 組織の区分: 個人情報取扱事業者 / 行政機関等・地方公共団体 / 指定管理者・受託者. */
      profile: enumField(organizationProfiles, 'profile', '組織の区分'),
      kind: enumField(requestKinds, 'kind', '請求の種類'),
      /** 請求を受けた日（受付日）. Not counted: day 1 is the next day. */
      receivedOn: isoDate('receivedOn', '請求を受けた日'),
      correctionPeriods: z
        .array(correctionPeriodSchema, { error: '補正の期間（correctionPeriods）は配列で入力してください' })
        .max(50, { error: '補正の期間（correctionPeriods）は50件以内で入力してください' })
        .optional(),
      /** 期間の延長（法第83条第2項・第94条第2項・第102条第2項）を書面で通知した. */
      extended: flag('extended', '期間の延長'),
      /** 開示決定等の期限の特例（法第84条）を適用する. */
      specialProvision: flag('specialProvision', '期限の特例'),
      /** 遅滞なく の目標日数（組織の設定）. */
      targetDays: days('targetDays', '目標日数', 1, 60),
      /** 開示決定等の期間（施行条例で短縮されていればその日数）. At most the law's 30 (法第108条). */
      periodDays: days('periodDays', '決定の期間', 1, currentRequestDeadlineRules.public.periodDays),
      /** 延長できる日数（施行条例で短縮されていればその日数）. */
      extensionDays: days('extensionDays', '延長の日数', 0, currentRequestDeadlineRules.public.extensionDays),
      /** 期間を定める施行条例の名称・条項（例: 世田谷区個人情報保護法施行条例第7条）. */
      ordinance: z
        .string({ error: '施行条例（ordinance）は文字列で入力してください' })
        .trim()
        .min(1, { error: '施行条例（ordinance）を入力してください' })
        .max(200, { error: '施行条例（ordinance）は200文字以内で入力してください' })
        .optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
        if (issue.code === 'invalid_type') return '事実（facts）は JSON オブジェクトで入力してください';
        return undefined;
      },
    },
  )
  .superRefine((facts, ctx) => {
    const isPublic = facts.profile === 'public';
    // Only a kind with a 第5章 decision period (開示・訂正・利用停止) runs a statutory period that can be extended.
    const publicRequest = isPublic && currentRequestDeadlineRules.publicArticles[facts.kind] !== null;
    (facts.correctionPeriods ?? []).forEach((period, index) => {
      if (period.askedOn < facts.receivedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctionPeriods', index, 'askedOn'],
          message: `補正を求めた日（askedOn）は請求を受けた日（receivedOn: ${displayDate(facts.receivedOn)}）以降の日付で入力してください`,
        });
      }
      if (period.completedOn < period.askedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctionPeriods', index, 'completedOn'],
          message: `補正が完了した日（completedOn）は補正を求めた日（askedOn: ${displayDate(period.askedOn)}）以降の日付で入力してください`,
        });
      }
    });
    if (facts.extended && !publicRequest) {
      ctx.addIssue({
        code: 'custom',
        path: ['extended'],
        message: isPublic
          ? `期間の延長（extended）は、${requestKindLabels[facts.kind]}（法第5章に${facts.kind === 'purpose_notice' ? '' : '決定の期間の'}規定がありません）には指定できません`
          : publicOnly('extended', '期間の延長'),
      });
    }
    if (facts.specialProvision && !(isPublic && (facts.kind === 'disclosure' || facts.kind === 'provision_record_disclosure'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['specialProvision'],
        message: '期限の特例（specialProvision）は行政機関等（profile "public"）の開示請求（法第84条）の場合だけ指定できます',
      });
    }
    if (facts.extended && facts.specialProvision) {
      ctx.addIssue({
        code: 'custom',
        path: ['specialProvision'],
        message: '期間の延長（extended）と期限の特例（specialProvision）は同時に指定できません（法第84条は第83条に代わる特例です）',
      });
    }
    if (facts.extended && facts.extensionDays === 0) {
      ctx.addIssue({ code: 'custom', path: ['extended'], message: '延長の日数（extensionDays）が0日のため、期間の延長（extended）は指定できません' });
    }
    for (const [field, label] of [
      ['periodDays', '決定の期間'],
      ['extensionDays', '延長の日数'],
      ['ordinance', '施行条例'],
    ] as const) {
      if (facts[field] !== undefined && !isPublic) ctx.addIssue({ code: 'custom', path: [field], message: publicOnly(field, label) });
    }
    if (facts.targetDays !== undefined && publicRequest) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetDays'],
        message: '目標日数（targetDays）は行政機関等（profile "public"）の開示等の請求には指定できません（法定の期間は決定の期間（periodDays）で指定してください）',
      });
    }
  });

/** Request facts as callers supply them. */
export type RequestDeadlineFacts = z.input<typeof requestDeadlineFactsSchema>;
/** Request facts after validation. */
export type ValidRequestDeadlineFacts = z.output<typeof requestDeadlineFactsSchema>;

/** Japanese one-line descriptions of validation problems, each naming the field path. */
export function describeRequestDeadlineFactsIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
    return `${path === '' ? '（全体）' : path}: ${issue.message}`;
  });
}
