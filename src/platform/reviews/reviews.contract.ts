import type { z } from 'zod';
import { defineContract, type RouteContract } from '../http/contract.ts';
import { reviewListResponse, reviewResponse } from './reviews.responses.ts';
import { reviewConfirmBody, reviewIdParams, reviewStartBody, reviewsQuery } from './reviews.schema.ts';

// The routes of a subject's yearly review (毎年12月の見直し), declared once: a module spreads this
// fragment into its own contract with its paths, permissions, summaries and the schema of its
// diff, and registers the platform's handlers (reviews.routes.ts) for it. Pure (zod only).

type RouteAccess = RouteContract['access'];

/** The Japanese summaries of a subject's review routes (OpenAPI). */
export type ReviewSummaries = { list: string; start: string; get: string; confirm: string; submit: string };

/**
 * The review routes of one subject under `path` (e.g. `/api/inventory/reviews`): the year's list,
 * start, one review, 「変更なし」, submit.
 *
 * @example
 *   export const inventoryContract = defineContract({
 *     …,
 *     ...reviewsContract({ path: '/api/inventory/reviews', read: 'inventory.read', manage: 'inventory.request', diff, summaries }),
 *   });
 */
export function reviewsContract<const P extends string, const Read extends RouteAccess, const Manage extends RouteAccess, D extends z.ZodType>(options: {
  path: P;
  /** Who reads the reviews (`<m>.read`). */
  read: Read;
  /** Who carries them out (the department's keepers hold it; the service checks the department). */
  manage: Manage;
  /** The subject's stored diff (`reviewDiffBaseResponse.extend({ <subject>: … })`). */
  diff: D;
  summaries: ReviewSummaries;
}) {
  const review = reviewResponse(options.diff);
  const one = `${options.path}/:id` as `${P}/:id`;
  return defineContract({
    reviews: { method: 'GET', path: options.path, access: options.read, summary: options.summaries.list, query: reviewsQuery, response: reviewListResponse },
    startReview: { method: 'POST', path: options.path, access: options.manage, summary: options.summaries.start, body: reviewStartBody, response: review, status: 201 },
    review: { method: 'GET', path: one, access: options.read, summary: options.summaries.get, params: reviewIdParams, response: review },
    confirmReviewItem: {
      method: 'POST',
      path: `${one}/confirm` as `${P}/:id/confirm`,
      access: options.manage,
      summary: options.summaries.confirm,
      params: reviewIdParams,
      body: reviewConfirmBody,
      response: review,
    },
    submitReview: {
      method: 'POST',
      path: `${one}/submit` as `${P}/:id/submit`,
      access: options.manage,
      summary: options.summaries.submit,
      params: reviewIdParams,
      response: review,
    },
  });
}

/** The review routes' contract, whatever the subject (what the platform's handlers are typed against). */
export type ReviewsContract = ReturnType<typeof reviewsContract<string, RouteAccess, RouteAccess, z.ZodType>>;
