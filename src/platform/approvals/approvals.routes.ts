import type { App, Deps } from '../http/types.ts';

/** 承認 (approvals engine): routes. */
export function approvalsRoutes(_app: App, _deps: Deps): void {}
