import { z } from 'zod';
import { recordStatuses, reviewDecisions, reviewSubjects } from './reviews.schema.ts';

// Response shapes of the yearly review (毎年12月の見直し), the same for every subject; a subject
// adds the schema of its own diff against last year (reviewResponse). Pure (zod only): the
// subjects' contracts and the web import it.

/** One item of a review: an entry (or an analysis) and how the department head decided it. */
export const reviewItemResponse = z.object({
  subjectId: z.uuid(),
  label: z.string(),
  decision: z.enum(reviewDecisions),
  note: z.string().nullable(),
  /** The 個人情報取扱変更等申請書 filed for it during the review (M1). */
  requestId: z.uuid().nullable(),
  decidedByPersonId: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});

/** What the caller may do with the review now (reviews.service.ts `ReviewAbilities`). */
export const reviewAbilitiesResponse = z.object({ edit: z.boolean(), submit: z.boolean() });

/** The part of a review's diff every subject has: the subject and what it was compared with. */
export const reviewDiffBaseResponse = z.object({ subject: z.enum(reviewSubjects), baselineLabel: z.string() });

/** A review without its diff (presentReview adds the stored diff as it is). */
export const reviewBaseResponse = z.object({
  id: z.uuid(),
  subject: z.enum(reviewSubjects),
  departmentId: z.uuid(),
  departmentName: z.string(),
  year: z.number().int(),
  status: z.enum(recordStatuses),
  statusLabel: z.string(),
  items: z.array(reviewItemResponse),
  abilities: reviewAbilitiesResponse,
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

/**
 * A review with its diff against last year, taken at submission (null before). `diff` is the
 * subject's schema of its stored diff, e.g. `reviewDiffBaseResponse.extend({ inventory: … })`.
 */
export function reviewResponse<D extends z.ZodType>(diff: D) {
  return reviewBaseResponse.extend({ diff: diff.nullable() });
}

/** One department in the year's list: its review, or 未開始. */
export const reviewListRowResponse = z.object({
  departmentId: z.uuid(),
  departmentName: z.string(),
  reviewId: z.uuid().nullable(),
  status: z.enum(recordStatuses).nullable(),
  statusLabel: z.string(),
  itemCount: z.number().int(),
  decidedCount: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});

/** The reviews of a year, one row per department. */
export const reviewListResponse = z.object({ year: z.number().int(), items: z.array(reviewListRowResponse) });
