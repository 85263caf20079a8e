import type { App, Deps } from '../http/types.ts';

/** タスク・PMSカレンダー: routes. */
export function tasksRoutes(_app: App, _deps: Deps): void {}
