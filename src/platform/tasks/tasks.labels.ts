// タスクの状態 (SPEC §3 Tasks): the values and their Japanese names. Pure: the tables, the
// schemas, the contract and the SPA share them.

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: '未完了',
  done: '完了',
  cancelled: '取消',
};
