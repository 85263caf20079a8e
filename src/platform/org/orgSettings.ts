import { z } from 'zod';
import type { OrganizationSettings } from './org.tables.ts';

/** Defaults of the organization settings (SPEC §9, J.9.2 c 13, Toshima 4-8-6 (5)). */
export const defaultSettings: Required<OrganizationSettings> = {
  // J.9.2 c) 13: 一定時間操作がない場合のセッションの自動終了 — 10 minutes by default.
  idleTimeoutMinutes: 10,
  requireTotpForAdmins: false,
  // Toshima 4-8-6 (5): 大量ダウンロード等の警告 — alert past 200 records in 60 minutes.
  bulkAccessThreshold: 200,
  bulkAccessWindowMinutes: 60,
  reminderDaysBefore: 7,
};

export function resolveSettings(settings: OrganizationSettings | null | undefined): Required<OrganizationSettings> {
  return { ...defaultSettings, ...(settings ?? {}) };
}

/** Validation of the settings form (same schema in the API and the web). */
export const organizationSettingsSchema = z.object({
  idleTimeoutMinutes: z
    .number({ error: '自動ログアウトまでの時間を数値で入力してください' })
    .int()
    .min(1, { error: '自動ログアウトは1分以上にしてください' })
    .max(60, { error: '自動ログアウトは60分以内にしてください' }),
  requireTotpForAdmins: z.boolean(),
  bulkAccessThreshold: z.number({ error: '大量アクセス警告の件数を数値で入力してください' }).int().min(1, { error: '大量アクセス警告の件数は1以上にしてください' }),
  bulkAccessWindowMinutes: z
    .number({ error: '集計時間を数値で入力してください' })
    .int()
    .min(1, { error: '集計時間は1分以上にしてください' })
    .max(1440, { error: '集計時間は1440分以内にしてください' }),
  reminderDaysBefore: z
    .number({ error: 'リマインド日数を数値で入力してください' })
    .int()
    .min(0, { error: 'リマインド日数は0以上にしてください' })
    .max(60, { error: 'リマインド日数は60日以内にしてください' }),
});
