import { useQuery } from '@tanstack/react-query';
import type { presentApprovalDetail, presentChain, presentDelegation } from '../../../../src/platform/approvals/approvals.presenters.ts';
import { api } from '../../api/client.ts';
import type { ItemList } from '../../api/types.ts';

// Response shapes are the presenters' return types (the presenters already turn dates into
// strings), so the screens and the API cannot drift apart.

export type ApprovalDetail = ReturnType<typeof presentApprovalDetail>;
export type ApprovalStepState = ApprovalDetail['steps'][number]['state'];
export type ApprovalStatus = ApprovalDetail['request']['status'];
export type ApprovalChain = ReturnType<typeof presentChain>;
export type ApprovalDelegation = ReturnType<typeof presentDelegation>;

export const approvalKeys = {
  detail: (id: string) => ['approvals', id] as const,
  chains: ['approval-chains'] as const,
  delegations: ['approval-delegations'] as const,
};

export function useApproval(id: string) {
  return useQuery({ queryKey: approvalKeys.detail(id), queryFn: () => api.get<ApprovalDetail>(`/api/approvals/${encodeURIComponent(id)}`) });
}

export function useApprovalChains(enabled = true) {
  return useQuery({ queryKey: approvalKeys.chains, queryFn: async () => (await api.get<ItemList<ApprovalChain>>('/api/approval-chains')).items, enabled });
}

export function useApprovalDelegations() {
  return useQuery({ queryKey: approvalKeys.delegations, queryFn: async () => (await api.get<ItemList<ApprovalDelegation>>('/api/approval-delegations')).items });
}
