import { todayInJapan } from '../../domain/time.ts';
import { z } from 'zod';

import { inOrg } from '../db/tenancy.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import { can } from '../policies/actor.ts';
import { createDelegation, deleteDelegation, listDelegations } from './approvalDelegations.service.ts';
import { presentApprovalDetail, presentChain, presentDelegation, presentInboxItem, presentRecordApprovals, presentRoleRequest } from './approvals.presenters.ts';
import {
  approvalIdParams,
  approveBody,
  chainBody,
  delegationBody,
  delegationIdParams,
  recordTypeParams,
  returnBody,
  roleRequestBody,
  roleRequestsQuery,
  stampsQuery,
} from './approvals.schema.ts';
import * as approvals from './approvals.service.ts';
import { createRoleRequest, listRoleRequests } from './roleRequests.service.ts';

const ok = z.object({ ok: z.literal(true) });

/** 承認 (approvals engine, SPEC §3): inbox, approve / return, stamps, chains, delegation, role requests. */
export function approvalsRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  app.get(
    '/api/me/approvals',
    {
      schema: {
        tags: ['approvals'],
        summary: '自分が承認できる申請（承認待ち一覧）',
      },
      config: { access: 'authenticated' },
    },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => approvals.listMyApprovals(tx, actorOf(request), clock().today))).map(presentInboxItem),
    }),
  );

  app.get(
    '/api/approvals/:id',
    {
      schema: {
        tags: ['approvals'],
        summary: '承認依頼の詳細（承認経路・承認印）',
        params: approvalIdParams,
      },
      config: { access: 'authenticated' },
    },
    async (request) =>
      presentApprovalDetail(await inOrg(deps.database, scopeOf(request), (tx) => approvals.getApprovalDetail(tx, actorOf(request), request.params.id, clock().today))),
  );

  app.post(
    '/api/approvals/:id/approve',
    {
      schema: {
        tags: ['approvals'],
        summary: '承認（自分の申請は承認できません）',
        params: approvalIdParams,
        body: approveBody,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const c = clock();
      return presentApprovalDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await approvals.decideRequest(tx, actorOf(request), request.params.id, 'approve', request.body.comment, c);
          return approvals.getApprovalDetail(tx, actorOf(request), request.params.id, c.today);
        }),
      );
    },
  );

  app.post(
    '/api/approvals/:id/return',
    {
      schema: {
        tags: ['approvals'],
        summary: '差戻し（理由のコメントが必要）',
        params: approvalIdParams,
        body: returnBody,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const c = clock();
      return presentApprovalDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await approvals.decideRequest(tx, actorOf(request), request.params.id, 'return', request.body.comment, c);
          return approvals.getApprovalDetail(tx, actorOf(request), request.params.id, c.today);
        }),
      );
    },
  );

  app.post(
    '/api/approvals/:id/withdraw',
    {
      schema: {
        tags: ['approvals'],
        summary: '申請の取下げ（申請者本人）',
        params: approvalIdParams,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const c = clock();
      return presentApprovalDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await approvals.withdrawRequest(tx, actorOf(request), request.params.id, c);
          return approvals.getApprovalDetail(tx, actorOf(request), request.params.id, c.today);
        }),
      );
    },
  );

  app.get(
    '/api/approval-stamps',
    {
      schema: {
        tags: ['approvals'],
        summary: '記録の承認印（記録画面・PDF用）',
        querystring: stampsQuery,
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const r = await inOrg(deps.database, scopeOf(request), (tx) => approvals.stampsForRecord(tx, actorOf(request), request.query.recordType, request.query.recordId));
      return { recordType: r.recordType, recordTypeLabel: r.recordTypeLabel, ...presentRecordApprovals(r) };
    },
  );

  app.get(
    '/api/approval-chains',
    {
      schema: { tags: ['approvals'], summary: '承認経路の一覧' },
      config: { access: 'org.read' },
    },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => approvals.listChains(tx, actorOf(request).organizationId))).map(presentChain),
    }),
  );

  app.put(
    '/api/approval-chains/:recordType',
    {
      schema: {
        tags: ['approvals'],
        summary: '承認経路の変更',
        params: recordTypeParams,
        body: chainBody,
      },
      config: { access: 'approvals.configure' },
    },
    async (request) =>
      presentChain(
        await inOrg(deps.database, scopeOf(request), (tx) =>
          approvals.saveChain(
            tx,
            actorOf(request).organizationId,
            request.params.recordType,
            request.body.steps.map((s) => ({
              ...s,
              label: s.label ?? undefined,
            })),
          ),
        ),
      ),
  );

  app.get(
    '/api/approval-delegations',
    {
      schema: { tags: ['approvals'], summary: '代理承認の設定一覧' },
      config: { access: 'authenticated' },
    },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => listDelegations(tx, actorOf(request), clock().today))).map(presentDelegation),
    }),
  );

  app.post(
    '/api/approval-delegations',
    {
      schema: {
        tags: ['approvals'],
        summary: '代理承認の設定（期間付き）',
        body: delegationBody,
      },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => createDelegation(tx, actorOf(request), request.body, clock().today));
      return reply.status(201).send(presentDelegation(row));
    },
  );

  app.delete(
    '/api/approval-delegations/:id',
    {
      schema: {
        tags: ['approvals'],
        summary: '代理承認の設定の削除',
        params: delegationIdParams,
        response: { 200: ok },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => deleteDelegation(tx, actorOf(request), request.params.id));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/role-requests',
    {
      schema: {
        tags: ['approvals'],
        summary: '役割任命申請（所属長は自所属、個人情報保護管理者は全所属）',
        body: roleRequestBody,
      },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await inOrg(deps.database, scopeOf(request), (tx) =>
        createRoleRequest(tx, actor, request.body, clock(), {
          isRoleManager: can(actor, 'roles.manage'),
        }),
      );
      return reply.status(201).send(
        presentRoleRequest({
          request: created.roleRequest,
          personName: created.personName,
          departmentName: created.departmentName,
          requestedByName: actor.personName,
          approvalRequestId: created.approvalRequestId,
        }),
      );
    },
  );

  app.get(
    '/api/role-requests',
    {
      schema: {
        tags: ['approvals'],
        summary: '役割任命申請の一覧',
        querystring: roleRequestsQuery,
      },
      config: { access: 'authenticated' },
    },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => listRoleRequests(tx, actorOf(request), request.query))).map(presentRoleRequest),
    }),
  );
}
