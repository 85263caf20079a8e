import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { routes } from '../http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { can } from '../policies/actor.ts';
import { listChains, saveChain } from './approval-chains.ts';
import { createDelegation, deleteDelegation, listDelegations } from './approvalDelegations.service.ts';
import { approvalsContract } from './approvals.contract.ts';
import { listApprovals } from './list-approvals.ts';
import {
  presentApprovalDetail,
  presentApprovalList,
  presentChain,
  presentChains,
  presentDelegation,
  presentDelegations,
  presentInbox,
  presentRecordStamps,
  presentRoleRequest,
  presentRoleRequests,
  presentStuckApprovals,
} from './approvals.presenters.ts';
import { getApprovalDetail, listMyApprovals, listStuckApprovals, stampsForRecord } from './approvals.queries.ts';
import { approveStep, returnRequest } from './decide-request.ts';
import { createRoleRequest, listRoleRequests } from './roleRequests.service.ts';
import { withdrawRequest } from './withdraw-request.ts';

/** 承認 (approvals engine, SPEC §3): inbox, approve / return, stamps, chains, delegation, role requests. */
export function approvalsRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  routes(
    app,
    approvalsContract,
    {
      stuck: async (request) => {
        const c = clock();
        const { olderThanDays } = request.query;
        return presentStuckApprovals(await inOrg(deps.database, scopeOf(request), (tx) => listStuckApprovals(tx, actorOf(request), c.now, c.today, olderThanDays)), olderThanDays);
      },

      list: async (request) => presentApprovalList(await inOrg(deps.database, scopeOf(request), (tx) => listApprovals(tx, actorOf(request), request.query, clock().today))),

      inbox: async (request) => presentInbox(await inOrg(deps.database, scopeOf(request), (tx) => listMyApprovals(tx, actorOf(request), clock().today))),

      detail: async (request) =>
        presentApprovalDetail(await inOrg(deps.database, scopeOf(request), (tx) => getApprovalDetail(tx, actorOf(request), request.params.id, clock().today))),

      // A decision answers with the request as it now stands, so the screen needs no second read.
      approve: async (request) => {
        const c = clock();
        return presentApprovalDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await approveStep(tx, actorOf(request), request.params.id, request.body.comment, c);
            return getApprovalDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      return: async (request) => {
        const c = clock();
        return presentApprovalDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await returnRequest(tx, actorOf(request), request.params.id, request.body.comment, c);
            return getApprovalDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      withdraw: async (request) => {
        const c = clock();
        return presentApprovalDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await withdrawRequest(tx, actorOf(request), request.params.id, c);
            return getApprovalDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      stamps: async (request) =>
        presentRecordStamps(await inOrg(deps.database, scopeOf(request), (tx) => stampsForRecord(tx, actorOf(request), request.query.recordType, request.query.recordId))),

      chains: async (request) => presentChains(await inOrg(deps.database, scopeOf(request), (tx) => listChains(tx, actorOf(request).organizationId, clock().today))),

      saveChain: async (request) =>
        presentChain(
          await inOrg(deps.database, scopeOf(request), (tx) =>
            saveChain(
              tx,
              actorOf(request).organizationId,
              request.params.recordType,
              request.body.steps.map((s) => ({ ...s, label: s.label ?? undefined })),
              clock().today,
            ),
          ),
        ),

      delegations: async (request) => presentDelegations(await inOrg(deps.database, scopeOf(request), (tx) => listDelegations(tx, actorOf(request), clock().today))),

      createDelegation: async (request) =>
        presentDelegation(await inOrg(deps.database, scopeOf(request), (tx) => createDelegation(tx, actorOf(request), request.body, clock().today))),

      deleteDelegation: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => deleteDelegation(tx, actorOf(request), request.params.id));
        return { ok: true as const };
      },

      createRoleRequest: async (request) => {
        const actor = actorOf(request);
        const created = await inOrg(deps.database, scopeOf(request), (tx) => createRoleRequest(tx, actor, request.body, clock(), { isRoleManager: can(actor, 'roles.manage') }));
        return presentRoleRequest({
          request: created.roleRequest,
          personName: created.personName,
          departmentName: created.departmentName,
          requestedByName: actor.personName,
          approvalRequestId: created.approvalRequestId,
        });
      },

      roleRequests: async (request) => presentRoleRequests(await inOrg(deps.database, scopeOf(request), (tx) => listRoleRequests(tx, actorOf(request), request.query))),
    },
    { tags: ['approvals'] },
  );
}
