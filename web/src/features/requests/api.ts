import { useQuery } from '@tanstack/react-query';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../incidents/api.ts';

// M5 開示等の請求・苦情相談: request and response types come from the requests contract.

export type RequestPage = ResponseOf<typeof requestsContract.list>;
export type RequestListItem = RequestPage['items'][number];
export type RequestDetail = ResponseOf<typeof requestsContract.detail>;
export type CreateRequestBody = BodyOf<typeof requestsContract.create>;

export { pathOf };

export const requestKeys = {
  all: ['requests'] as const,
  list: (filters: object) => ['requests', 'list', filters] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
};

export type RequestFilters = { kind?: string; status?: string; overdue?: string; page: number; pageSize: number };

export function useRequestList(filters: RequestFilters) {
  return useQuery({ queryKey: requestKeys.list(filters), queryFn: () => api.get<RequestPage>(withQuery(pathOf(requestsContract.list), filters)) });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestKeys.detail(id), queryFn: () => api.get<RequestDetail>(pathOf(requestsContract.detail, { id })) });
}
