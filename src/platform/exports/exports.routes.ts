import type { App, Deps } from '../http/types.ts';

/** 出力 (xlsx/PDF) と取込: routes. */
export function exportsRoutes(_app: App, _deps: Deps): void {}
