import { addCalendarDays } from '../deadlines.ts';

// The 委託先 reminders on the home's 期限 card (issue 13). Pure.
// - 契約期間の満了: from 30 days before 契約終了日 (renew or end the 委託; J.9.4 5 keeps the contract).
// - プライバシーマーク / ISMS認証の有効期限: from 90 days before, with the 更新 reminder (the 委託先
//   selection criteria of J.9.4 s) count on a valid certification).

export const CONTRACT_EXPIRY_NOTICE_DAYS = 30;
export const CERTIFICATION_EXPIRY_NOTICE_DAYS = 90;

export type ReminderInput = {
  name: string;
  contractEndsOn: string | null;
  privacyMarkStatus: string;
  privacyMarkExpiresOn: string | null;
  ismsStatus: string;
  ismsExpiresOn: string | null;
};

export type ContractorReminder = { kind: 'contract_expiry' | 'privacy_mark_expiry' | 'isms_expiry'; title: string; detail: string; dueOn: string };

/** The reminders open on `today` (each from its notice day on, kept while overdue). */
export function contractorReminders(c: ReminderInput, today: string): ContractorReminder[] {
  const out: ContractorReminder[] = [];
  const within = (date: string | null, days: number): date is string => date !== null && today >= addCalendarDays(date, -days);
  if (within(c.contractEndsOn, CONTRACT_EXPIRY_NOTICE_DAYS)) {
    out.push({ kind: 'contract_expiry', title: `${c.name} 委託契約の満了`, detail: '契約の更新又は終了（返還・廃棄）を確認してください', dueOn: c.contractEndsOn });
  }
  if (c.privacyMarkStatus === 'certified' && within(c.privacyMarkExpiresOn, CERTIFICATION_EXPIRY_NOTICE_DAYS)) {
    out.push({ kind: 'privacy_mark_expiry', title: `${c.name} プライバシーマークの有効期限`, detail: '更新の状況を委託先に確認してください', dueOn: c.privacyMarkExpiresOn });
  }
  if (c.ismsStatus === 'certified' && within(c.ismsExpiresOn, CERTIFICATION_EXPIRY_NOTICE_DAYS)) {
    out.push({ kind: 'isms_expiry', title: `${c.name} ISMS認証の有効期限`, detail: '更新の状況を委託先に確認してください', dueOn: c.ismsExpiresOn });
  }
  return out;
}
