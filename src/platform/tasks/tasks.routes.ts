import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { listCalendar, updateCalendarItem } from './calendar.service.ts';
import { presentCalendarItem, presentTask } from './tasks.presenters.ts';
import { calendarIdParams, calendarItemBody, calendarQuery, myTasksQuery, taskCreateBody, taskIdParams, tasksQuery, taskUpdateBody } from './tasks.schema.ts';
import * as tasks from './tasks.service.ts';

/** タスク・PMS年間計画 (SPEC §3 Tasks & calendar). Thin: validate → authorize → one service call → present. */
export function tasksRoutes(app: App, deps: Deps): void {
  const today = () => todayInJapan(deps.now());

  app.get(
    '/api/me/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: '自分のタスク（未完了・期限切れ・完了）',
        querystring: myTasksQuery,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const day = today();
      const r = await inOrg(deps.database, scopeOf(request), (tx) => tasks.listMyTasks(tx, actorOf(request), request.query, day));
      return { ...r, items: r.items.map((row) => presentTask(row, day)) };
    },
  );

  app.get(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'タスク一覧（状態・期限切れ・所属で絞り込み）',
        querystring: tasksQuery,
      },
      config: { access: 'tasks.manage' },
    },
    async (request) => {
      const day = today();
      const r = await inOrg(deps.database, scopeOf(request), (tx) => tasks.listTasks(tx, actorOf(request).organizationId, request.query, day));
      return { ...r, items: r.items.map((row) => presentTask(row, day)) };
    },
  );

  app.post(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'タスクの作成',
        body: taskCreateBody,
      },
      config: { access: 'tasks.manage' },
    },
    async (request, reply) => {
      const day = today();
      const row = await inOrg(deps.database, scopeOf(request), (tx) => tasks.createTask(tx, actorOf(request), request.body, day));
      return reply.status(201).send(presentTask(row, day));
    },
  );

  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'タスクの状態・証跡の更新（完了には証跡が必要）',
        params: taskIdParams,
        body: taskUpdateBody,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const now = deps.now();
      const row = await inOrg(deps.database, scopeOf(request), (tx) => tasks.updateTask(tx, actorOf(request), request.params.id, request.body, now));
      return presentTask(row, todayInJapan(now));
    },
  );

  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['tasks'],
        summary: 'PMS年間計画（次回期限つき）',
        querystring: calendarQuery,
      },
      config: { access: 'org.read' },
    },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => listCalendar(tx, actorOf(request).organizationId, today(), request.query.year))).map(presentCalendarItem),
    }),
  );

  app.put(
    '/api/calendar/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'PMS年間計画の項目の変更',
        params: calendarIdParams,
        body: calendarItemBody,
      },
      config: { access: 'calendar.manage' },
    },
    async (request) =>
      presentCalendarItem(await inOrg(deps.database, scopeOf(request), (tx) => updateCalendarItem(tx, actorOf(request).organizationId, request.params.id, request.body, today()))),
  );
}
