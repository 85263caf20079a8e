import { useQuery } from '@tanstack/react-query';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';

// Request and response types come from the 法令規範一覧 contract; what the caller may do is the
// server's `abilities` / `canManage`.

export type LawList = ResponseOf<typeof lawsContract.list>;
export type Law = LawList['items'][number];

export type LawReviewList = ResponseOf<typeof lawsContract.reviews>;
export type LawReview = ResponseOf<typeof lawsContract.review>;

export const lawKeys = {
  all: ['laws'] as const,
  list: (filters: object) => ['laws', 'list', filters] as const,
  reviews: ['laws', 'reviews'] as const,
  review: (id: string) => ['laws', 'reviews', id] as const,
};

export function useLawReviews() {
  return useQuery({ queryKey: lawKeys.reviews, queryFn: () => api.get<LawReviewList>(pathOf(lawsContract.reviews)) });
}

export function useLawReview(id: string) {
  return useQuery({ queryKey: lawKeys.review(id), queryFn: () => api.get<LawReview>(pathOf(lawsContract.review, { id })), enabled: !!id });
}

export function useLawList(filters: { q: string; status: '' | 'active' | 'repealed' }) {
  return useQuery({
    queryKey: lawKeys.list(filters),
    queryFn: () => api.get<LawList>(withQuery(pathOf(lawsContract.list), { q: filters.q || undefined, status: filters.status || undefined })),
  });
}

export { pathOf };
