import { useQuery } from '@tanstack/react-query';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';

// Request and response types come from the 法令規範一覧 contract; what the caller may do is the
// server's `abilities` / `canManage`.

export type LawList = ResponseOf<typeof lawsContract.list>;
export type Law = LawList['items'][number];
export type LawImportReport = ResponseOf<typeof lawsContract.import>;

export const lawKeys = { all: ['laws'] as const, list: (filters: object) => ['laws', 'list', filters] as const };

export function useLawList(filters: { q: string; status: '' | 'active' | 'repealed' }) {
  return useQuery({
    queryKey: lawKeys.list(filters),
    queryFn: () => api.get<LawList>(withQuery(pathOf(lawsContract.list), { q: filters.q || undefined, status: filters.status || undefined })),
  });
}

export { pathOf };
