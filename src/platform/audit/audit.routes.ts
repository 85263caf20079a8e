import type { App, Deps } from '../http/types.ts';

/** 監査証跡ビューア: routes. */
export function auditRoutes(_app: App, _deps: Deps): void {}
