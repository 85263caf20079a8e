import { defineModule } from '../../platform/modules/manifest.ts';
import { seedDemoIncidents } from './incidents.demo.ts';
import { escalateIncidentDeadlines } from './incidents.jobs.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { incidentClosureApprovalType } from './incidents.service.ts';
import * as tables from './incidents.tables.ts';

/** M4 緊急事態・事故等 (J.4.3.3, J.7.1; the APPI, My Number and public-body reporting duties). */
export const incidentsModule = defineModule({
  name: 'incidents',
  label: 'M4 緊急事態・事故等',
  permissions: {
    // 所属長 and the other duty holders see their department's incidents (scoped in the service).
    'incidents.read': {
      label: '事故等の閲覧',
      grantedTo: ['security_manager', 'top_management', 'audit_manager', 'public_audit_manager', 'department_head', 'protection_manager', 'handling_manager'],
    },
    'incidents.manage': { label: '事故等の対応・記録', grantedTo: [] },
  },
  tables,
  routes: incidentsRoutes,
  jobs: [
    // Duties due soon or overdue → urgent notifications, e-mailed at once (escalation).
    { name: 'incident-deadlines', schedule: '15 * * * *', run: async (deps) => void (await escalateIncidentDeadlines(deps)) },
  ],
  approvalTypes: [incidentClosureApprovalType],
  demo: (tx, { organizationId, today, now }) => seedDemoIncidents(tx, organizationId, today, now),
});
