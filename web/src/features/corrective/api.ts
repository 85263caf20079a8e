import { useQuery } from '@tanstack/react-query';
import { correctiveContract } from '../../../../src/modules/corrective/corrective.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../incidents/api.ts';

// Request and response types come from the corrective-action contract (the schemas the server
// encodes its responses with). What the caller may do is the server's `abilities`.

export type CorrectivePage = ResponseOf<typeof correctiveContract.list>;
export type CorrectiveListItem = CorrectivePage['items'][number];
export type CorrectiveDetail = ResponseOf<typeof correctiveContract.detail>;
export type CorrectiveAbilities = CorrectiveDetail['abilities'];
export type CorrectiveRecord = ResponseOf<typeof correctiveContract.create>;
export type CreateCorrectiveBody = BodyOf<typeof correctiveContract.create>;
export type UpdateCorrectiveBody = BodyOf<typeof correctiveContract.update>;

/** Fills a contract route's `:id` (shared with the incident screens). */
export { pathOf };

export const correctiveKeys = {
  all: ['corrective-actions'] as const,
  list: (filters: object) => ['corrective-actions', 'list', filters] as const,
  detail: (id: string) => ['corrective-actions', 'detail', id] as const,
};

export function useCorrectiveList(filters: { status?: string; sourceType?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: correctiveKeys.list(filters), queryFn: () => api.get<CorrectivePage>(withQuery(pathOf(correctiveContract.list), filters)) });
}

export function useCorrective(id: string) {
  return useQuery({ queryKey: correctiveKeys.detail(id), queryFn: () => api.get<CorrectiveDetail>(pathOf(correctiveContract.detail, { id })) });
}
