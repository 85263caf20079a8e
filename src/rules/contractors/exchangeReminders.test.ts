import { describe, expect, it } from 'vitest';
import { exchangeReminderStep } from './exchangeReminders.ts';

// 依頼の期限前リマインダーと期限超過 (J.9.4 委託先の監督; 豊島区 特記事項 第11条 遵守状況の報告), day by day.

describe('依頼のリマインダー（提出期限 2026-12-20）', () => {
  const due = '2026-12-20';
  it('期限の8日前は何もしない、7日前に委託先へ知らせる、6日前は何もしない', () => {
    expect(exchangeReminderStep('requested', due, '2026-12-12')).toBeNull();
    expect(exchangeReminderStep('requested', due, '2026-12-13')).toEqual({ kind: 'due_soon', daysLeft: 7 });
    expect(exchangeReminderStep('requested', due, '2026-12-14')).toBeNull();
  });
  it('前日に委託先へ知らせる、期限の当日はまだ期限内', () => {
    expect(exchangeReminderStep('requested', due, '2026-12-19')).toEqual({ kind: 'due_soon', daysLeft: 1 });
    expect(exchangeReminderStep('requested', due, '2026-12-20')).toBeNull();
  });
  it('期限の翌日から期限超過（委託元へエスカレーション）。月と年をまたいでも日数を数える', () => {
    expect(exchangeReminderStep('requested', due, '2026-12-21')).toEqual({ kind: 'overdue', daysOver: 1 });
    expect(exchangeReminderStep('returned', due, '2027-01-02')).toEqual({ kind: 'overdue', daysOver: 13 });
    expect(exchangeReminderStep('requested', '2026-11-30', '2026-12-01')).toEqual({ kind: 'overdue', daysOver: 1 });
  });
  it('回答済み・確認済みの依頼には何もしない（差戻しは再び委託先を待つ）', () => {
    expect(exchangeReminderStep('answered', due, '2026-12-25')).toBeNull();
    expect(exchangeReminderStep('accepted', due, '2026-12-19')).toBeNull();
    expect(exchangeReminderStep('returned', due, '2026-12-19')).toEqual({ kind: 'due_soon', daysLeft: 1 });
  });
});
