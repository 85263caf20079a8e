import { z } from 'zod';
import { defineContract, okResponse } from '../http/contract.ts';
import {
  approvalDetailResponse,
  approvalListResponse,
  chainResponse,
  delegationResponse,
  inboxItemResponse,
  recordStampsResponse,
  roleRequestResponse,
  stuckApprovalsResponse,
} from './approvals.responses.ts';
import {
  approvalIdParams,
  approvalListQuery,
  approveBody,
  chainBody,
  delegationBody,
  delegationIdParams,
  recordTypeParams,
  returnBody,
  roleRequestBody,
  roleRequestsQuery,
  stampsQuery,
  stuckQuery,
} from './approvals.schema.ts';

// 承認 (approvals engine, SPEC §3): inbox, approve / return / withdraw, stamps, chains,
// delegation, role requests. Pure (zod only): the SPA and the test client take their types here.

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const approvalsContract = defineContract({
  inbox: {
    method: 'GET',
    path: '/api/me/approvals',
    access: 'authenticated',
    summary: '自分が承認できる申請（承認待ち一覧）',
    response: items(inboxItemResponse),
  },
  // Issue 10 「/approvals」: the approvals page — what waits for me (also as 代理 or 代行者), what I
  // submitted, what I decided — filtered and paged. Everyone signed in sees their own part only.
  list: {
    method: 'GET',
    path: '/api/approvals',
    access: 'authenticated',
    summary: '承認の一覧（自分が承認する申請・自分の申請・自分が承認又は差し戻した申請。記録の種類・状態・申請日・所属で絞り込み）',
    query: approvalListQuery,
    response: approvalListResponse,
  },
  // Issue 10 「承認が行き止まらない」: for the home of the 個人情報保護管理者 and トップマネジメント, who
  // hold tasks.manage (the permission of chasing the PMS year's work; policies/permissions.ts).
  stuck: {
    method: 'GET',
    path: '/api/approvals/stuck',
    access: 'tasks.manage',
    summary: '滞留している承認（申請者のほかに承認できる人がいない段、または既定で7日を超えて待っている申請。SPEC §5.4）',
    query: stuckQuery,
    response: stuckApprovalsResponse,
  },
  detail: {
    method: 'GET',
    path: '/api/approvals/:id',
    access: 'authenticated',
    summary: '承認依頼の詳細（承認経路・承認印）',
    params: approvalIdParams,
    response: approvalDetailResponse,
  },
  approve: {
    method: 'POST',
    path: '/api/approvals/:id/approve',
    access: 'authenticated',
    summary: '承認（自分の申請は承認できません）',
    params: approvalIdParams,
    body: approveBody,
    response: approvalDetailResponse,
  },
  return: {
    method: 'POST',
    path: '/api/approvals/:id/return',
    access: 'authenticated',
    summary: '差戻し（理由のコメントが必要）',
    params: approvalIdParams,
    body: returnBody,
    response: approvalDetailResponse,
  },
  withdraw: {
    method: 'POST',
    path: '/api/approvals/:id/withdraw',
    access: 'authenticated',
    summary: '申請の取下げ（申請者本人）',
    params: approvalIdParams,
    response: approvalDetailResponse,
  },
  stamps: {
    method: 'GET',
    path: '/api/approval-stamps',
    access: 'authenticated',
    summary: '記録の承認印（記録画面・PDF用）',
    query: stampsQuery,
    response: recordStampsResponse,
  },
  chains: {
    method: 'GET',
    path: '/api/approval-chains',
    access: 'org.read',
    summary: '承認経路の一覧',
    response: items(chainResponse),
  },
  saveChain: {
    method: 'PUT',
    path: '/api/approval-chains/:recordType',
    access: 'approvals.configure',
    summary: '承認経路の変更',
    params: recordTypeParams,
    body: chainBody,
    response: chainResponse,
  },
  delegations: {
    method: 'GET',
    path: '/api/approval-delegations',
    access: 'authenticated',
    summary: '代理承認の設定一覧',
    response: items(delegationResponse),
  },
  createDelegation: {
    method: 'POST',
    path: '/api/approval-delegations',
    access: 'authenticated',
    summary: '代理承認の設定（期間付き）',
    body: delegationBody,
    response: delegationResponse,
    status: 201,
  },
  deleteDelegation: {
    method: 'DELETE',
    path: '/api/approval-delegations/:id',
    access: 'authenticated',
    summary: '代理承認の設定の削除',
    params: delegationIdParams,
    response: okResponse,
  },
  createRoleRequest: {
    method: 'POST',
    path: '/api/role-requests',
    access: 'authenticated',
    summary: '役割任命申請（所属長は自所属、個人情報保護管理者は全所属）',
    body: roleRequestBody,
    response: roleRequestResponse,
    status: 201,
  },
  roleRequests: {
    method: 'GET',
    path: '/api/role-requests',
    access: 'authenticated',
    summary: '役割任命申請の一覧',
    query: roleRequestsQuery,
    response: items(roleRequestResponse),
  },
});
