import { describe, expect, it } from 'vitest';
import { deadlineState } from './deadlines.service.ts';
import { DUE_SOON_DAYS, taskProgressOf } from './tasks.labels.ts';

// One definition of 期限間近・期限超過 (tasks.labels.ts DUE_SOON_DAYS) and of a task's status
// (未着手・対応中・完了・期限超過), in Japan's calendar days (the dates are already Japan's).
describe('期限間近 = 今日から7日後まで、期限超過 = 今日より前', () => {
  it('境界: 前日は期限超過、当日と7日後は期限間近、8日後は期限前、日付なし（速やかに）は別', () => {
    expect(DUE_SOON_DAYS).toBe(7);
    expect(deadlineState('2026-03-01', '2026-03-02')).toBe('overdue');
    expect(deadlineState('2026-03-02', '2026-03-02')).toBe('due_soon');
    expect(deadlineState('2026-03-09', '2026-03-02')).toBe('due_soon');
    expect(deadlineState('2026-03-10', '2026-03-02')).toBe('later');
    expect(deadlineState(null, '2026-03-02')).toBe('undated');
  });
  it('月・年をまたいでも暦日で数える（2026-12-28 → 2027-01-04 は7日後）', () => {
    expect(deadlineState('2027-01-04', '2026-12-28')).toBe('due_soon');
    expect(deadlineState('2027-01-05', '2026-12-28')).toBe('later');
  });
});

describe('タスクの状態: 未着手・対応中・完了・期限超過（取消）', () => {
  const today = '2026-12-02';
  it('未完了は着手の有無で未着手・対応中、期限が今日より前なら着手していても期限超過', () => {
    expect(taskProgressOf({ status: 'open', dueOn: '2026-12-31', started: false }, today)).toBe('not_started');
    expect(taskProgressOf({ status: 'open', dueOn: '2026-12-02', started: true }, today)).toBe('in_progress');
    expect(taskProgressOf({ status: 'open', dueOn: '2026-12-01', started: true }, today)).toBe('overdue');
  });
  it('完了・取消は期限に関係なくそのまま', () => {
    expect(taskProgressOf({ status: 'done', dueOn: '2026-11-01', started: true }, today)).toBe('done');
    expect(taskProgressOf({ status: 'cancelled', dueOn: '2026-11-01', started: false }, today)).toBe('cancelled');
  });
});
