import { contractorPortalModule } from './contractorPortal/index.ts';
import { contractorsModule } from './contractors/index.ts';
import { correctiveModule } from './corrective/index.ts';
import { incidentsModule } from './incidents/index.ts';
import { inventoryModule } from './inventory/index.ts';
import { lawsModule } from './laws/index.ts';
import { noticesModule } from './notices/index.ts';
import { policyModule } from './policy/index.ts';
import { portalModule } from './portal/index.ts';
import { requestsModule } from './requests/index.ts';
import { riskModule } from './risk/index.ts';

/**
 * Every product module of the app, in the order their demo data is seeded. The only place that
 * names the modules: the composition roots (server, CLI, test set-up) hand this list to
 * `installModules`, and the platform iterates it. Adding a module is one folder and one line here.
 */
export const modules = [
  incidentsModule,
  correctiveModule,
  inventoryModule,
  riskModule,
  contractorsModule,
  requestsModule,
  noticesModule,
  portalModule,
  policyModule,
  contractorPortalModule,
  lawsModule,
] as const;
