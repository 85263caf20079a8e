import type { App, Deps } from '../http/types.ts';

/** 通知: routes. */
export function notificationsRoutes(_app: App, _deps: Deps): void {}
