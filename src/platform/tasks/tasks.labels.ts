// タスクの状態 (SPEC §3 Tasks): the values and their Japanese names. Pure: the tables, the
// schemas, the contract and the SPA share them.

/** What is stored. 「対応中」 is an open task someone has started (tasks.started_at). */
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: '未完了',
  done: '完了',
  cancelled: '取消',
};

/**
 * What a person sees (SPEC §3: each task has a status): 未着手・対応中・完了・期限超過 (and 取消).
 * 期限超過 wins over 未着手/対応中: an open task due before today (Japan) is overdue whoever started it.
 */
export const taskProgresses = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type TaskProgress = (typeof taskProgresses)[number];

export const taskProgressLabels: Record<TaskProgress, string> = {
  not_started: '未着手',
  in_progress: '対応中',
  done: '完了',
  overdue: '期限超過',
  cancelled: '取消',
};

/** The progress of a task on `today` (YYYY-MM-DD, Japan). */
export function taskProgressOf(task: { status: TaskStatus; dueOn: string; started: boolean }, today: string): TaskProgress {
  if (task.status === 'done') return 'done';
  if (task.status === 'cancelled') return 'cancelled';
  if (task.dueOn < today) return 'overdue';
  return task.started ? 'in_progress' : 'not_started';
}

/**
 * 期限間近 — one definition for the home, the task list and the calendar: due from today up to
 * and including the 7th calendar day after today, counted in Japan's calendar days
 * (src/domain/time.ts todayInJapan; no holiday shift — a deadline is a date). 期限超過 is before
 * today. (The e-mail reminders start at the organization's own `reminderDaysBefore`.)
 */
export const DUE_SOON_DAYS = 7;
