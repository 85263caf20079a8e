import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf, QueryOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { tasksContract } from '../../../../src/platform/tasks/tasks.contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';

// タスク・PMS年間計画: request and response types come from the tasks contract, so the screens
// and the API cannot drift apart.

export type Task = ResponseOf<typeof tasksContract.get>;
export type TaskPage = ResponseOf<typeof tasksContract.list>;
export type MyTaskPage = ResponseOf<typeof tasksContract.myTasks>;
export type CalendarItem = ResponseOf<typeof tasksContract.calendar>['items'][number];
export type MyDeadlines = ResponseOf<typeof tasksContract.myDeadlines>;
export type Deadline = MyDeadlines['items'][number];
export type OverdueByDepartment = ResponseOf<typeof tasksContract.overdueByDepartment>['items'][number];
export type TaskUpdate = BodyOf<typeof tasksContract.update>;
export type TaskListQuery = QueryOf<typeof tasksContract.list>;
export type MyTaskQuery = QueryOf<typeof tasksContract.myTasks>;

/** Keys under `me` and `tasks`, so a change to a task refreshes the home and every list at once. */
export const taskKeys = {
  list: (query: object) => ['tasks', 'list', query] as const,
  mine: (query: object) => ['me', 'tasks', query] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  calendar: (year: number) => ['calendar', year] as const,
  deadlines: ['me', 'deadlines'] as const,
  overdueByDepartment: ['tasks', 'overdue-by-department'] as const,
};

type Query = Record<string, string | number | undefined>;

/** タスク一覧 (tasks.manage): the organization's tasks with filters. */
export function useTaskList(query: Query, enabled = true) {
  return useQuery({ queryKey: taskKeys.list(query), queryFn: () => api.get<TaskPage>(withQuery(pathOf(tasksContract.list), query)), enabled });
}

/** 自分のタスク. */
export function useMyTaskList(query: Query, enabled = true) {
  return useQuery({ queryKey: taskKeys.mine(query), queryFn: () => api.get<MyTaskPage>(withQuery(pathOf(tasksContract.myTasks), query)), enabled });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: taskKeys.detail(id ?? ''), queryFn: () => api.get<Task>(pathOf(tasksContract.get, { id: id ?? '' })), enabled: !!id, retry: false });
}

/** The PMS年間計画 with every occurrence in `year` (only the items of installed modules). */
export function useCalendar(year: number) {
  return useQuery({ queryKey: taskKeys.calendar(year), queryFn: () => api.get<ResponseOf<typeof tasksContract.calendar>>(withQuery(pathOf(tasksContract.calendar), { year })) });
}

/** 自分の期限: legal deadlines and my overdue / due-soon tasks. */
export function useMyDeadlines() {
  return useQuery({ queryKey: taskKeys.deadlines, queryFn: () => api.get<MyDeadlines>(pathOf(tasksContract.myDeadlines)), refetchInterval: 5 * 60_000 });
}

/** 所属ごとの期限超過 (tasks.manage). */
export function useOverdueByDepartment(enabled: boolean) {
  return useQuery({
    queryKey: taskKeys.overdueByDepartment,
    queryFn: async () => (await api.get<ResponseOf<typeof tasksContract.overdueByDepartment>>(pathOf(tasksContract.overdueByDepartment))).items,
    enabled,
  });
}

/** Changes a task's status or evidence; refreshes the home, the lists and the calendar. */
export function useUpdateTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskUpdate) => api.patch<Task>(pathOf(tasksContract.update, { id }), body),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(id), task);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
