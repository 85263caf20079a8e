import { correctiveRoutes } from './modules/corrective/corrective.routes.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { inventoryRoutes } from './modules/inventory/inventory.routes.ts';
import { riskRoutes } from './modules/risk/risk.routes.ts';
import { approvalsRoutes } from './platform/approvals/approvals.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { exportsRoutes } from './platform/exports/exports.routes.ts';
import type { App, Deps } from './platform/http/types.ts';
import { notificationsRoutes } from './platform/notifications/notifications.routes.ts';
import { orgRoutes } from './platform/org/org.routes.ts';
import { tasksRoutes } from './platform/tasks/tasks.routes.ts';

/**
 * Every route of the app, registered in one place. A module adds one line here:
 * `inventoryRoutes(app, deps);` from `src/modules/inventory/inventory.routes.ts`.
 */
export function registerRoutes(app: App, deps: Deps): void {
  authRoutes(app, deps);
  orgRoutes(app, deps);
  approvalsRoutes(app, deps);
  tasksRoutes(app, deps);
  notificationsRoutes(app, deps);
  auditRoutes(app, deps);
  exportsRoutes(app, deps);
  incidentsRoutes(app, deps);
  correctiveRoutes(app, deps);
  inventoryRoutes(app, deps);
  riskRoutes(app, deps);
}
