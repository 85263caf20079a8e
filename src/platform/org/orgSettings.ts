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
  // 日付の表記 of the PDFs: 和暦, as Japanese forms are usually printed (issue #10).
  dateStyle: 'wareki',
  // Issue 13: no fixed interval for 委託先 without 要配慮・特定個人情報 (特記事項 立入検査「必要があるときは」).
  contractorInspectionMonths: null,
  // Issue #14: the law's 30 + 30 days until the organization enters its 施行条例's; 遅滞なく → 14 days.
  requestPeriodDays: null,
  requestExtensionDays: null,
  requestOrdinance: null,
  requestTargetDays: 14,
};

export function resolveSettings(settings: OrganizationSettings | null | undefined): Required<OrganizationSettings> {
  return { ...defaultSettings, ...(settings ?? {}) };
}
