import type { contractorPortalContract } from '../../src/modules/contractorPortal/contractorPortal.contract.ts';
import type { contractorInspectionsContract } from '../../src/modules/contractors/contractor-inspections.contract.ts';
import type { contractorCriteriaContract } from '../../src/modules/contractors/contractor-criteria.contract.ts';
import type { specialClauseTemplatesContract } from '../../src/modules/contractors/special-clause-templates.contract.ts';
import type { contractorQuestionnaireContract } from '../../src/modules/contractorPortal/contractorPortal.questionnaire.contract.ts';
import type { contractorPortalReportsContract } from '../../src/modules/contractorPortal/contractorPortal.reports.contract.ts';
import type { contractorsContract } from '../../src/modules/contractors/contractors.contract.ts';
import type { requestsContract } from '../../src/modules/requests/requests.contract.ts';
import type { correctiveContract } from '../../src/modules/corrective/corrective.contract.ts';
import type { incidentsContract } from '../../src/modules/incidents/incidents.contract.ts';
import type { inventoryContract } from '../../src/modules/inventory/inventory.contract.ts';
import type { lawsContract } from '../../src/modules/laws/laws.contract.ts';
import type { noticesContract } from '../../src/modules/notices/notices.contract.ts';
import type { policyContract } from '../../src/modules/policy/policy.contract.ts';
import type { portalContract } from '../../src/modules/portal/portal.contract.ts';
import type { riskContract } from '../../src/modules/risk/risk.contract.ts';
import type { approvalsContract } from '../../src/platform/approvals/approvals.contract.ts';
import type { attachmentsContract } from '../../src/platform/attachments/attachments.contract.ts';
import type { auditContract } from '../../src/platform/audit/audit.contract.ts';
import type { authContract } from '../../src/platform/auth/auth.contract.ts';
import type { exportsContract } from '../../src/platform/exports/exports.contract.ts';
import type { importsContract } from '../../src/platform/imports/imports.contract.ts';
import type { ResponseOf, RouteContract } from '../../src/platform/http/contract.ts';
import type { notificationsContract } from '../../src/platform/notifications/notifications.contract.ts';
import type { orgContract } from '../../src/platform/org/org.contract.ts';
import type { tasksContract } from '../../src/platform/tasks/tasks.contract.ts';

// The test client's `request(method, url)` is typed by the contracts: the URL a test writes
// (`/api/incidents/${id}`) is matched against every route's path pattern at the type level and
// the body takes that route's response type. A URL that matches no route is a type error —
// a new contract is added to the union below.

type RoutesOf<C> = C[keyof C];

/** Every route of the app, as one union. */
export type AnyRoute =
  | RoutesOf<typeof contractorsContract>
  | RoutesOf<typeof contractorInspectionsContract>
  | RoutesOf<typeof contractorCriteriaContract>
  | RoutesOf<typeof specialClauseTemplatesContract>
  | RoutesOf<typeof contractorPortalContract>
  | RoutesOf<typeof contractorQuestionnaireContract>
  | RoutesOf<typeof contractorPortalReportsContract>
  | RoutesOf<typeof attachmentsContract>
  | RoutesOf<typeof requestsContract>
  | RoutesOf<typeof correctiveContract>
  | RoutesOf<typeof incidentsContract>
  | RoutesOf<typeof inventoryContract>
  | RoutesOf<typeof noticesContract>
  | RoutesOf<typeof policyContract>
  | RoutesOf<typeof portalContract>
  | RoutesOf<typeof lawsContract>
  | RoutesOf<typeof riskContract>
  | RoutesOf<typeof approvalsContract>
  | RoutesOf<typeof auditContract>
  | RoutesOf<typeof authContract>
  | RoutesOf<typeof exportsContract>
  | RoutesOf<typeof importsContract>
  | RoutesOf<typeof notificationsContract>
  | RoutesOf<typeof orgContract>
  | RoutesOf<typeof tasksContract>;

/** `/api/incidents/x?page=2` → `['', 'api', 'incidents', 'x']` (an interpolated `${id}` stays one `string` segment). */
type Segments<S extends string> = S extends `${infer Path}?${string}` ? Split<Path> : Split<S>;
type Split<S extends string> = S extends `${infer Head}/${infer Rest}` ? [Head, ...Split<Rest>] : [S];

/** Whether URL segments fit a path's segments, a `:name` segment taking any one segment. */
type Fits<Path extends string[], Url extends string[]> = Path extends [infer P extends string, ...infer PathRest extends string[]]
  ? Url extends [infer U extends string, ...infer UrlRest extends string[]]
    ? (P extends `:${string}` ? true : U extends P ? true : false) extends true
      ? Fits<PathRest, UrlRest>
      : false
    : false
  : Url extends []
    ? true
    : false;

type Reaching<Routes, M extends string, U extends string> = Routes extends RouteContract
  ? Routes['method'] extends Uppercase<M>
    ? Fits<Split<Routes['path']>, Segments<U>> extends true
      ? Routes
      : never
    : never
  : never;

type StaticRoute = AnyRoute extends infer R ? (R extends RouteContract ? (R['path'] extends `${string}:${string}` ? never : R) : never) : never;

/**
 * The route a method and URL reach, as the server's router picks it: a path without parameters
 * (`/api/incidents/dashboard`) before one with (`/api/incidents/:id`). A union of URLs reaches
 * each one's route.
 */
export type RouteAt<M extends string, U extends string> = U extends unknown
  ? [Reaching<StaticRoute, M, U>] extends [never]
    ? Reaching<AnyRoute, M, U>
    : Reaching<StaticRoute, M, U>
  : never;

/** The response body of the route a request reaches. */
export type ResponseAt<M extends string, U extends string> = ResponseOf<RouteAt<M, U>>;

/** A URL that reaches a route for the method — or, as a type error, the URL that does not. */
export type KnownUrl<M extends string, U extends string> = [RouteAt<M, U>] extends [never] ? { 'no route for this method and URL': U } : U;
