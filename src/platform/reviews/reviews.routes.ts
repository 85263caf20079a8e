import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import type { ContractRequest } from '../http/route.ts';
import { actorOf, type Deps, scopeOf } from '../http/types.ts';
import type { ReviewsContract } from './reviews.contract.ts';
import { presentReview, presentReviewList } from './reviews.presenters.ts';
import type { ReviewSubject } from './reviews.schema.ts';
import { confirmReviewItem, getReview, listReviews, startReview, submitReview } from './reviews.service.ts';

/**
 * The handlers of a subject's review routes (reviews.contract.ts), for the module to register
 * with its contract: `routes(app, contract, { …, ...reviewHandlers(deps, 'inventory') })`. Thin:
 * the department scope is checked in the service (the provider's keepers), every answer is the
 * review as it now stands.
 */
export function reviewHandlers(deps: Deps, subject: ReviewSubject) {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };
  return {
    reviews: async (request: ContractRequest<ReviewsContract['reviews']>) => {
      const year = request.query.year ?? Number(clock().today.slice(0, 4));
      return presentReviewList(year, await inOrg(deps.database, scopeOf(request), (tx) => listReviews(tx, actorOf(request).organizationId, subject, year)));
    },

    startReview: async (request: ContractRequest<ReviewsContract['startReview']>) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          const id = await startReview(tx, actorOf(request), subject, request.body, c);
          return getReview(tx, actorOf(request), subject, id);
        }),
      );
    },

    review: async (request: ContractRequest<ReviewsContract['review']>) =>
      presentReview(await inOrg(deps.database, scopeOf(request), (tx) => getReview(tx, actorOf(request), subject, request.params.id))),

    confirmReviewItem: async (request: ContractRequest<ReviewsContract['confirmReviewItem']>) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await confirmReviewItem(tx, actorOf(request), subject, request.params.id, request.body, c);
          return getReview(tx, actorOf(request), subject, request.params.id);
        }),
      );
    },

    submitReview: async (request: ContractRequest<ReviewsContract['submitReview']>) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await submitReview(tx, actorOf(request), subject, request.params.id, c);
          return getReview(tx, actorOf(request), subject, request.params.id);
        }),
      );
    },
  };
}
