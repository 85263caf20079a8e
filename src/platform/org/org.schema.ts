import { z } from 'zod';
import {
  dateField,
  emailField,
  enumField,
  idField,
  numberTypeError,
  optionalDate,
  optionalEmail,
  optionalId,
  optionalText,
  pageQuery,
  requiredText,
} from '../validation/fields.ts';
import type { NumberFieldOptions } from '../../domain/numberInput.ts';
import { passwordSchema } from '../auth/password.ts';
import { employmentTypes, organizationProfiles, pmsRoles } from '../../domain/roles.ts';

/** 組織情報 (SPEC §2): profile and Privacy-Mark number/validity. */
export const organizationBody = z
  .object({
    name: requiredText('組織名', 200),
    address: optionalText('所在地', 400),
    representative: optionalText('代表者', 100),
    profile: enumField('組織区分', organizationProfiles),
    privacyMarkNumber: optionalText('プライバシーマーク登録番号', 40),
    privacyMarkValidFrom: optionalDate('プライバシーマーク有効期間（開始）'),
    privacyMarkValidTo: optionalDate('プライバシーマーク有効期間（終了）'),
  })
  .refine((v) => !v.privacyMarkValidFrom || !v.privacyMarkValidTo || v.privacyMarkValidFrom <= v.privacyMarkValidTo, {
    error: 'プライバシーマーク有効期間（終了）は開始日以降にしてください',
    path: ['privacyMarkValidTo'],
  });

export const departmentBody = z.object({
  name: requiredText('所属名', 100),
  code: optionalText('所属コード', 40),
  parentId: optionalId('上位所属'),
  sortOrder: z
    .number({ error: numberTypeError({ label: '表示順' }) })
    .int({ error: '表示順は整数で入力してください' })
    .min(0, { error: '表示順は0以上で入力してください' })
    .default(0),
  /** 所属長: recorded as a department_head role assignment from today. */
  headPersonId: optionalId('所属長'),
});

/** 従業者の備考's length limit (the form's counter, the import's column). */
export const PERSON_NOTE_MAX = 2000;

export const personBody = z
  .object({
    name: requiredText('氏名', 100),
    nameKana: optionalText('氏名（カナ）', 100),
    employeeNumber: optionalText('従業者番号', 40),
    employmentType: enumField('雇用区分', employmentTypes),
    departmentId: optionalId('所属'),
    joinedOn: optionalDate('入社日'),
    leftOn: optionalDate('退職日'),
    email: optionalEmail('メールアドレス'),
    phone: optionalText('電話番号', 40).refine((v) => !v || /^[0-9+\-() ]{6,40}$/.test(v), { error: '電話番号は数字とハイフンで入力してください' }),
    /** 備考 (issue #12): free text, also what the roster import's 備考 column fills. */
    note: optionalText('備考', PERSON_NOTE_MAX),
  })
  .refine((v) => !v.joinedOn || !v.leftOn || v.joinedOn <= v.leftOn, { error: '退職日は入社日以降にしてください', path: ['leftOn'] });

export const peopleQuery = pageQuery.extend({
  q: z.string({ error: '検索語は文字列で指定してください' }).trim().max(100, { error: '検索語は100文字以内で指定してください' }).optional(),
  departmentId: optionalId('所属'),
  employmentType: enumField('雇用区分', employmentTypes).optional(),
  status: z.enum(['active', 'left', 'all'], { error: '在籍状況の値が正しくありません' }).default('active'),
});

export const roleAssignmentBody = z
  .object({
    personId: idField('担当者'),
    role: enumField('役割', pmsRoles),
    departmentId: optionalId('対象の所属'),
    startsOn: dateField('開始日'),
    endsOn: optionalDate('終了日'),
    note: optionalText('備考', 400),
  })
  .refine((v) => !v.endsOn || v.startsOn <= v.endsOn, { error: '終了日は開始日以降にしてください', path: ['endsOn'] });

export const accountCreateBody = z.object({
  personId: idField('従業者'),
  loginId: emailField('ログインID（メールアドレス）').transform((v) => v.toLowerCase()),
  password: passwordSchema,
});

export const accountUpdateBody = z.object({
  disabled: z.boolean({ error: '無効化の指定が正しくありません' }).optional(),
  unlock: z.boolean({ error: 'ロック解除の指定が正しくありません' }).optional(),
  resetTotp: z.boolean({ error: '二要素認証リセットの指定が正しくありません' }).optional(),
  newPassword: passwordSchema.optional(),
});

export const idParams = z.object({ id: idField('ID') });

/** 日付の表記 of the organization's PDFs: 和暦 (令和8年3月5日) or 西暦 (2026年3月5日), one style per document (issue #10). */
export const dateStyles = ['wareki', 'seireki'] as const;
export type DateStyle = (typeof dateStyles)[number];

/** セキュリティ設定 (SPEC §9, J.9.2 c 13, Toshima 4-8-6 (5)): the settings form (same schema in the API and the web); defaults in orgSettings.ts. */
/**
 * The number settings' Japanese names, units and ranges: the web's NumberInput reads what is typed
 * (「１５分」 → 15) with these, and the schema refuses anything but a number with the same words.
 */
export const settingsNumberFields = {
  idleTimeoutMinutes: { label: '自動ログアウトまでの時間', unit: '分', min: 1, max: 60 },
  bulkAccessThreshold: { label: '大量アクセス警告の件数', unit: '件', min: 1 },
  bulkAccessWindowMinutes: { label: '集計時間', unit: '分', min: 1, max: 1440 },
  reminderDaysBefore: { label: 'リマインド日数', unit: '日', min: 0, max: 60 },
  contractorInspectionMonths: { label: '委託先の実地検査の間隔', unit: 'か月', min: 1, max: 120 },
  requestPeriodDays: { label: '決定の期間', unit: '日', min: 1, max: 30 },
  requestExtensionDays: { label: '延長の日数', unit: '日', min: 0, max: 30 },
  requestTargetDays: { label: '回答の目標日数', unit: '日', min: 1, max: 60 },
} as const satisfies Record<string, NumberFieldOptions>;

const refused = (name: keyof typeof settingsNumberFields) => ({ error: numberTypeError(settingsNumberFields[name]) });

/** セキュリティ設定 (SPEC §9, J.9.2 c 13, Toshima 4-8-6 (5)): the settings form (same schema in the API and the web); defaults in orgSettings.ts. */
export const organizationSettingsSchema = z.object({
  idleTimeoutMinutes: z
    .number(refused('idleTimeoutMinutes'))
    .int()
    .min(1, { error: '自動ログアウトは1分以上にしてください' })
    .max(60, { error: '自動ログアウトは60分以内にしてください' }),
  requireTotpForAdmins: z.boolean(),
  bulkAccessThreshold: z.number(refused('bulkAccessThreshold')).int().min(1, { error: '大量アクセス警告の件数は1以上にしてください' }),
  bulkAccessWindowMinutes: z
    .number(refused('bulkAccessWindowMinutes'))
    .int()
    .min(1, { error: '集計時間は1分以上にしてください' })
    .max(1440, { error: '集計時間は1440分以内にしてください' }),
  reminderDaysBefore: z
    .number(refused('reminderDaysBefore'))
    .int()
    .min(0, { error: 'リマインド日数は0以上にしてください' })
    .max(60, { error: 'リマインド日数は60日以内にしてください' }),
  /** 日付の表記 (PDF). Optional in the request: omitted, the stored choice stays. */
  dateStyle: z.enum(dateStyles, { error: '日付の表記は「和暦」か「西暦」を選んでください' }).optional(),
  /** 委託先の実地検査の間隔（月）, null: 必要に応じて. Optional in the request: omitted, the stored choice stays. */
  contractorInspectionMonths: z
    .number(refused('contractorInspectionMonths'))
    .int({ error: '委託先の実地検査の間隔は整数（月）で入力してください' })
    .min(1, { error: '委託先の実地検査の間隔は1か月以上にしてください' })
    .max(120, { error: '委託先の実地検査の間隔は120か月以内にしてください' })
    .nullable()
    .optional(),
  /** 開示等の請求: the 施行条例's 決定の期間 (1–30 days; null: the law's 30). Optional in the request. */
  requestPeriodDays: z
    .number(refused('requestPeriodDays'))
    .int({ error: '決定の期間は整数（日）で入力してください' })
    .min(1, { error: '決定の期間は1日以上にしてください' })
    .max(30, { error: '決定の期間は法律の30日以内です（法第83条第1項。条例で短くできます）' })
    .nullable()
    .optional(),
  requestExtensionDays: z
    .number(refused('requestExtensionDays'))
    .int({ error: '延長の日数は整数（日）で入力してください' })
    .min(0, { error: '延長の日数は0日以上にしてください' })
    .max(30, { error: '延長の日数は法律の30日以内です（法第83条第2項）' })
    .nullable()
    .optional(),
  /** Its name, cited on the deadline (blank: none). */
  requestOrdinance: optionalText('施行条例の名称', 100).optional(),
  requestTargetDays: z
    .number(refused('requestTargetDays'))
    .int({ error: '回答の目標日数は整数（日）で入力してください' })
    .min(1, { error: '回答の目標日数は1日以上にしてください' })
    .max(60, { error: '回答の目標日数は60日以内にしてください' })
    .optional(),
});
