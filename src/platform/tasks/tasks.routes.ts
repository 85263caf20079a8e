import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { routes } from '../http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { listCalendar, updateCalendarItem } from './calendar.service.ts';
import { listMyDeadlines, overdueByDepartment } from './deadlines.service.ts';
import { tasksContract } from './tasks.contract.ts';
import { presentCalendar, presentCalendarItem, presentMyDeadlines, presentMyTasksPage, presentOverdueByDepartment, presentTask, presentTasksPage } from './tasks.presenters.ts';
import * as tasks from './tasks.service.ts';

/** タスク・PMS年間計画 (SPEC §3 Tasks & calendar). Thin: validate → authorize → one service call → present. */
export function tasksRoutes(app: App, deps: Deps): void {
  const today = () => todayInJapan(deps.now());

  routes(
    app,
    tasksContract,
    {
      myTasks: async (request) => {
        const day = today();
        return presentMyTasksPage(await inOrg(deps.database, scopeOf(request), (tx) => tasks.listMyTasks(tx, actorOf(request), request.query, day)), day);
      },

      myDeadlines: async (request) => {
        const day = today();
        return presentMyDeadlines(await inOrg(deps.database, scopeOf(request), (tx) => listMyDeadlines(tx, actorOf(request), day)));
      },

      overdueByDepartment: async (request) => {
        const day = today();
        return presentOverdueByDepartment(await inOrg(deps.database, scopeOf(request), (tx) => overdueByDepartment(tx, actorOf(request), day)));
      },

      get: async (request) => {
        const day = today();
        return presentTask(await inOrg(deps.database, scopeOf(request), (tx) => tasks.getTask(tx, actorOf(request), request.params.id)), day);
      },

      list: async (request) => {
        const day = today();
        return presentTasksPage(await inOrg(deps.database, scopeOf(request), (tx) => tasks.listTasks(tx, actorOf(request).organizationId, request.query, day)), day);
      },

      create: async (request) => {
        const day = today();
        return presentTask(await inOrg(deps.database, scopeOf(request), (tx) => tasks.createTask(tx, actorOf(request), request.body, day)), day);
      },

      update: async (request) => {
        const now = deps.now();
        return presentTask(await inOrg(deps.database, scopeOf(request), (tx) => tasks.updateTask(tx, actorOf(request), request.params.id, request.body, now)), todayInJapan(now));
      },

      calendar: async (request) =>
        presentCalendar(await inOrg(deps.database, scopeOf(request), (tx) => listCalendar(tx, actorOf(request).organizationId, today(), request.query.year))),

      updateCalendarItem: async (request) =>
        presentCalendarItem(
          await inOrg(deps.database, scopeOf(request), (tx) => updateCalendarItem(tx, actorOf(request).organizationId, request.params.id, request.body, today())),
        ),
    },
    { tags: ['tasks'] },
  );
}
