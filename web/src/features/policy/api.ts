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
