import { useQuery } from '@tanstack/react-query';
import { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import type { BodyOf, ResponseOf, RouteContract } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';

// Request and response types come from the approvals contract (the schemas the server encodes
// its responses with), so the screens and the API cannot drift apart.

export type ApprovalDetail = ResponseOf<typeof approvalsContract.detail>;
/** What the signed-in person may do with the request, decided by the server. */
export type ApprovalAbilities = ApprovalDetail['request']['abilities'];
export type ApprovalStepState = ApprovalDetail['steps'][number]['state'];
export type ApprovalStatus = ApprovalDetail['request']['status'];
export type ApprovalStamp = ApprovalDetail['stamps'][number];
export type ApprovalChain = ResponseOf<typeof approvalsContract.chains>['items'][number];
export type ApprovalDelegation = ResponseOf<typeof approvalsContract.delegations>['items'][number];
export type ApproveBody = BodyOf<typeof approvalsContract.approve>;
export type ReturnBody = BodyOf<typeof approvalsContract.return>;
export type ChainBody = BodyOf<typeof approvalsContract.saveChain>;
export type DelegationBody = BodyOf<typeof approvalsContract.createDelegation>;
/** Who approves the current step and why (null once decided). */
export type CurrentApprovers = ApprovalDetail['request']['currentApprovers'];
/** 滞留している承認 (GET /api/approvals/stuck): for the home of the PMS manager and top management. */
export type StuckApprovals = ResponseOf<typeof approvalsContract.stuck>;
export type StuckApproval = StuckApprovals['items'][number];
/** 承認の一覧 (GET /api/approvals): one page of my waiting, submitted or decided requests. */
export type ApprovalList = ResponseOf<typeof approvalsContract.list>;
export type ApprovalListItem = ApprovalList['items'][number];
/** The list's filters, as the contract's query reads them (dates as typed; the server reads them like every date field). */
export type ApprovalListFilters = {
  view: 'waiting' | 'submitted' | 'decided';
  recordType?: string;
  status?: ApprovalStatus;
  submittedFrom?: string;
  submittedTo?: string;
  departmentId?: string;
  page: number;
  pageSize: number;
};

/** 承認・差戻し・取下げ: the routes that decide a request, each answering with its new detail. */
export type Decision = 'approve' | 'return' | 'withdraw';

export const approvalKeys = {
  detail: (id: string) => ['approvals', id] as const,
  chains: ['approval-chains'] as const,
  delegations: ['approval-delegations'] as const,
  stuck: (olderThanDays?: number) => ['approvals', 'stuck', olderThanDays ?? null] as const,
  list: (filters: ApprovalListFilters) => ['approvals', 'list', filters] as const,
};

/** A contract route's path with its `:name` segments filled in. */
function pathOf(route: RouteContract, params: Record<string, string> = {}): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function useApproval(id: string) {
  return useQuery({ queryKey: approvalKeys.detail(id), queryFn: () => api.get<ApprovalDetail>(pathOf(approvalsContract.detail, { id })) });
}

export function useApprovalChains(enabled = true) {
  return useQuery({
    queryKey: approvalKeys.chains,
    queryFn: async () => (await api.get<ResponseOf<typeof approvalsContract.chains>>(pathOf(approvalsContract.chains))).items,
    enabled,
  });
}

/**
 * 滞留している承認: pending requests nobody but the submitter can approve, or waiting more than
 * `olderThanDays` days (server default 7). Only for those holding tasks.manage (個人情報保護管理者,
 * トップマネジメント): pass `enabled` from `useAbility('tasks.manage')`.
 */
export function useStuckApprovals(options: { olderThanDays?: number; enabled?: boolean } = {}) {
  const query = options.olderThanDays === undefined ? '' : `?olderThanDays=${options.olderThanDays}`;
  return useQuery({
    queryKey: approvalKeys.stuck(options.olderThanDays),
    queryFn: () => api.get<StuckApprovals>(`${pathOf(approvalsContract.stuck)}${query}`),
    enabled: options.enabled ?? true,
  });
}

/** 承認の一覧: the filters that are set, as the query string of GET /api/approvals. */
export function useApprovalList(filters: ApprovalListFilters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return useQuery({
    queryKey: approvalKeys.list(filters),
    queryFn: () => api.get<ApprovalList>(`${pathOf(approvalsContract.list)}?${params.toString()}`),
    placeholderData: (previous) => previous,
  });
}

export function useApprovalDelegations() {
  return useQuery({
    queryKey: approvalKeys.delegations,
    queryFn: async () => (await api.get<ResponseOf<typeof approvalsContract.delegations>>(pathOf(approvalsContract.delegations))).items,
  });
}

/** 承認 / 差戻し (with its comment) or 取下げ; resolves to the request as it now stands. */
export function decideApproval(id: string, kind: 'approve', body: ApproveBody): Promise<ApprovalDetail>;
export function decideApproval(id: string, kind: 'return', body: ReturnBody): Promise<ApprovalDetail>;
export function decideApproval(id: string, kind: 'withdraw'): Promise<ApprovalDetail>;
export function decideApproval(id: string, kind: Decision, body?: ApproveBody | ReturnBody): Promise<ApprovalDetail> {
  return api.post<ResponseOf<(typeof approvalsContract)[typeof kind]>>(pathOf(approvalsContract[kind], { id }), body);
}

export function saveApprovalChain(recordType: string, body: ChainBody) {
  return api.put<ResponseOf<typeof approvalsContract.saveChain>>(pathOf(approvalsContract.saveChain, { recordType }), body);
}

export function createApprovalDelegation(body: DelegationBody) {
  return api.post<ResponseOf<typeof approvalsContract.createDelegation>>(pathOf(approvalsContract.createDelegation), body);
}

export function deleteApprovalDelegation(id: string) {
  return api.delete<ResponseOf<typeof approvalsContract.deleteDelegation>>(pathOf(approvalsContract.deleteDelegation, { id }));
}
