import type { z } from 'zod';
import { recordStatusLabels, reviewNotStartedLabel } from './reviews.labels.ts';
import type { reviewBaseResponse, reviewListResponse, reviewListRowResponse } from './reviews.responses.ts';
import type { ReviewDetail, ReviewListRow } from './reviews.service.ts';
import type { StoredReviewDiff } from './reviews.tables.ts';

// Presenters of the yearly review (STYLE: Outline — the only path from a row to JSON). Each
// returns its response schema's output type (reviews.responses.ts).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A review as its screen shows it; the diff stays as the subject stored it (its schema is the subject's). */
export type PresentedReview = z.output<typeof reviewBaseResponse> & { diff: StoredReviewDiff | null };

export function presentReview(d: ReviewDetail): PresentedReview {
  const r = d.row;
  return {
    id: r.id,
    subject: r.subject,
    departmentId: r.departmentId,
    departmentName: d.departmentName,
    year: r.year,
    status: r.status,
    statusLabel: recordStatusLabels[r.status],
    items: r.items.map((i) => ({
      subjectId: i.subjectId,
      label: i.label,
      decision: i.decision,
      note: i.note,
      requestId: i.requestId,
      decidedByPersonId: i.decidedByPersonId,
      decidedByName: i.decidedByName,
      decidedAt: i.decidedAt,
    })),
    abilities: d.abilities,
    diff: r.diff ?? null,
    submittedAt: iso(r.submittedAt),
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentReviewListRow(r: ReviewListRow): z.output<typeof reviewListRowResponse> {
  return {
    departmentId: r.department.id,
    departmentName: r.department.name,
    reviewId: r.review?.id ?? null,
    status: r.review?.status ?? null,
    statusLabel: r.review ? recordStatusLabels[r.review.status] : reviewNotStartedLabel,
    itemCount: r.review?.items.length ?? 0,
    decidedCount: r.review?.items.filter((i) => i.decision !== 'pending').length ?? 0,
    submittedAt: iso(r.review?.submittedAt),
    decidedAt: iso(r.review?.decidedAt),
  };
}

/** The reviews of a year (GET …/reviews). */
export function presentReviewList(year: number, rows: readonly ReviewListRow[]): z.output<typeof reviewListResponse> {
  return { year, items: rows.map(presentReviewListRow) };
}
