import { clockAt } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { todayInJapan } from '../../domain/time.ts';
import { contractorInspectionsContract } from './contractor-inspections.contract.ts';
import { addInspection, listInspections, updateInspection } from './contractor-inspections.ts';
import { openCorrectiveFromFinding } from './open-corrective-from-finding.ts';

/**
 * 委託先の実地検査 (issue 13), registered from contractor-inspections.contract.ts. Thin: validate →
 * authorize (the contract's access; the business function adds the 委託先's department scope) → one
 * business function in the tenant transaction.
 */
export function contractorInspectionsRoutes(app: App, deps: Deps): void {
  routes(
    app,
    contractorInspectionsContract,
    {
      inspections: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listInspections(tx, actorOf(request), request.params.id, todayInJapan(deps.now()))),
      addInspection: async (request) => inOrg(deps.database, scopeOf(request), (tx) => addInspection(tx, actorOf(request), request.params.id, request.body, clockAt(deps.now()))),
      updateInspection: async (request) =>
        inOrg(deps.database, scopeOf(request), (tx) => updateInspection(tx, actorOf(request), request.params.id, request.body, clockAt(deps.now()))),
      openFindingCorrective: async (request) =>
        inOrg(deps.database, scopeOf(request), (tx) => openCorrectiveFromFinding(tx, actorOf(request), request.params.id, request.body, clockAt(deps.now()))),
    },
    { tags: ['contractors'] },
  );
}
