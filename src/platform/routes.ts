import { approvalsRoutes } from './approvals/approvals.routes.ts';
import { attachmentsRoutes } from './attachments/attachments.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import type { App, Deps } from './http/types.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { installedModules } from './moduleKit/registry.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { tasksRoutes } from './tasks/tasks.routes.ts';

/** Every route of the app: the platform's own, then each installed module's (its manifest's `routes`). */
export function registerRoutes(app: App, deps: Deps): void {
  authRoutes(app, deps);
  orgRoutes(app, deps);
  approvalsRoutes(app, deps);
  tasksRoutes(app, deps);
  notificationsRoutes(app, deps);
  auditRoutes(app, deps);
  exportsRoutes(app, deps);
  attachmentsRoutes(app, deps);
  importsRoutes(app, deps);
  for (const m of installedModules()) m.routes(app, deps);
}
