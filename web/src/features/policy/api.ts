import { useQuery } from '@tanstack/react-query';
import { policyContract } from '../../../../src/modules/policy/policy.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';

// 個人情報保護方針 (J.2.2): types from the policy contract; what the caller may do is the server's `abilities`.

export type PolicyList = ResponseOf<typeof policyContract.list>;
export type PolicyVersion = PolicyList['items'][number];
export type PolicySubmitted = ResponseOf<typeof policyContract.submit>;
export type PublicPolicy = ResponseOf<typeof policyContract.publicPolicy>;

export { pathOf };

export const policyKeys = { all: ['policies'] as const };

export function usePolicies() {
  return useQuery({ queryKey: policyKeys.all, queryFn: () => api.get<PolicyList>(pathOf(policyContract.list)) });
}

export type PolicyAcknowledgements = ResponseOf<typeof policyContract.acknowledgements>;
export type AcknowledgementFilter = { status?: 'confirmed' | 'pending'; departmentId?: string; q?: string };

/** `?status=…&departmentId=…&q=…` of the 周知状況 (the list and its xlsx export take the same filters). */
export function acknowledgementSearch(filter: AcknowledgementFilter): string {
  const search = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v ? [[k, v]] : []))).toString();
  return search ? `?${search}` : '';
}

/** 周知状況 of one version (J.2.2 3), for the 個人情報保護管理者 and トップマネジメント. */
export function useAcknowledgements(versionId: string | undefined, filter: AcknowledgementFilter) {
  return useQuery({
    queryKey: [...policyKeys.all, 'acknowledgements', versionId, filter] as const,
    queryFn: () => api.get<PolicyAcknowledgements>(`${pathOf(policyContract.acknowledgements, { id: versionId ?? '' })}${acknowledgementSearch(filter)}`),
    enabled: Boolean(versionId),
  });
}
