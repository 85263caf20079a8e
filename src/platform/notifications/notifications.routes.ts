import { inOrg } from '../db/tenancy.ts';
import { routes } from '../http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { notificationsContract } from './notifications.contract.ts';
import { presentNotificationPage, presentReadAll } from './notifications.presenters.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.ts';

/** 通知 (SPEC §3): the signed-in account's own notifications. */
export function notificationsRoutes(app: App, deps: Deps): void {
  routes(
    app,
    notificationsContract,
    {
      list: async (request) => presentNotificationPage(await inOrg(deps.database, scopeOf(request), (tx) => listNotifications(tx, actorOf(request), request.query))),

      markRead: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => markNotificationRead(tx, actorOf(request), request.params.id, deps.now()));
        return { ok: true as const };
      },

      markAllRead: async (request) => presentReadAll(await inOrg(deps.database, scopeOf(request), (tx) => markAllNotificationsRead(tx, actorOf(request), deps.now()))),
    },
    { tags: ['notifications'] },
  );
}
