import { approvalsFeature } from './approvals/index.tsx';
import { contractorPortalFeature } from './contractorPortal/index.tsx';
import { contractorsFeature } from './contractors/index.tsx';
import { correctiveFeature } from './corrective/index.tsx';
import type { WebFeature } from './feature.ts';
import { incidentsFeature } from './incidents/index.tsx';
import { inventoryFeature } from './inventory/index.tsx';
import { noticesFeature } from './notices/index.tsx';
import { lawsFeature } from './laws/index.tsx';
import { notificationsFeature } from './notifications/index.tsx';
import { policyFeature } from './policy/index.tsx';
import { portalFeature } from './portal/index.tsx';
import { requestsFeature } from './requests/index.tsx';
import { riskFeature } from './risk/index.tsx';
import { tasksFeature } from './tasks/index.tsx';

/**
 * The modules' screens, in side-menu order: the web's one list, beside the server's
 * `src/modules/index.ts`. The router and the layout iterate it; adding a module's screens is one
 * folder and one line here.
 */
export const features: readonly WebFeature[] = [
  tasksFeature,
  approvalsFeature,
  notificationsFeature,
  inventoryFeature,
  riskFeature,
  incidentsFeature,
  correctiveFeature,
  requestsFeature,
  contractorsFeature,
  noticesFeature,
  policyFeature,
  portalFeature,
  contractorPortalFeature,
  lawsFeature,
];
