import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { completeTasks } from '../../platform/tasks/moduleTasks.ts';
import { calendarItems, tasks } from '../../platform/tasks/tasks.tables.ts';
import type { lawReviewListResponse, lawReviewResponse } from './laws.responses.ts';
import type { saveLawReviewBody } from './laws.schema.ts';
import { lawReviewItems, lawReviews, laws } from './laws.tables.ts';

// 法令規範一覧の見直し (J.1.3 c): 「法令等は、個人情報保護管理者が、毎年12月及び必要に応じて随時、…告示、
// 改訂等を確認し、必要に応じて改訂する」. One record per year lists every entry in force when it
// opened; the 個人情報保護管理者 marks each 確認済み / 改訂あり (what changed) / 廃止, and completing it
// stamps the entries and closes the December task of the PMS calendar (legal_register_review).

type ReviewView = z.output<typeof lawReviewResponse>;

async function findReview(tx: Tx, organizationId: string, id: string, forUpdate = false) {
  const query = tx
    .select()
    .from(lawReviews)
    .where(and(eq(lawReviews.organizationId, organizationId), eq(lawReviews.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('見直し');
  return row;
}

/** The 見直し with each entry's outcome, by 名称. */
export async function getLawReview(tx: Tx, actor: Actor, id: string): Promise<ReviewView> {
  const review = await findReview(tx, actor.organizationId, id);
  const items = await tx
    .select({ lawId: lawReviewItems.lawId, name: laws.name, number: laws.number, outcome: lawReviewItems.outcome, note: lawReviewItems.note })
    .from(lawReviewItems)
    .innerJoin(laws, eq(laws.id, lawReviewItems.lawId))
    .where(and(eq(lawReviewItems.organizationId, actor.organizationId), eq(lawReviewItems.reviewId, id)))
    .orderBy(asc(laws.name));
  const [completer] = review.completedByPersonId ? await tx.select({ name: people.name }).from(people).where(eq(people.id, review.completedByPersonId)) : [];
  const manage = can(actor, 'laws.manage') && review.status === 'open';
  return {
    id: review.id,
    year: review.year,
    status: review.status,
    completedOn: review.completedOn,
    completedBy: completer?.name ?? null,
    note: review.note,
    items,
    abilities: { edit: manage, complete: manage && items.every((i) => i.outcome !== null) },
  };
}

/** The 見直し records, newest year first. */
export async function listLawReviews(tx: Tx, actor: Actor): Promise<z.output<typeof lawReviewListResponse>> {
  const rows = await tx
    .select({
      id: lawReviews.id,
      year: lawReviews.year,
      status: lawReviews.status,
      completedOn: lawReviews.completedOn,
      unchecked: sql<number>`(select count(*)::int from ${lawReviewItems} where ${lawReviewItems.reviewId} = ${lawReviews.id} and ${lawReviewItems.outcome} is null)`,
    })
    .from(lawReviews)
    .where(eq(lawReviews.organizationId, actor.organizationId))
    .orderBy(desc(lawReviews.year));
  return { items: rows, canStart: can(actor, 'laws.manage') };
}

/** 見直しの開始: lists every entry in force (有効) now; one 見直し per year (409 for a second). */
export async function startLawReview(tx: Tx, actor: Actor, year: number, now: Date): Promise<string> {
  const [existing] = await tx
    .select({ id: lawReviews.id })
    .from(lawReviews)
    .where(and(eq(lawReviews.organizationId, actor.organizationId), eq(lawReviews.year, year)));
  if (existing) throw conflict(`${year}年の見直しはすでにあります`, 'law_review_exists');
  const [review] = await tx.insert(lawReviews).values({ organizationId: actor.organizationId, year, createdAt: now, updatedAt: now }).returning({ id: lawReviews.id });
  if (!review) throw new Error('law review insert returned nothing');
  const inForce = await tx
    .select({ id: laws.id })
    .from(laws)
    .where(and(eq(laws.organizationId, actor.organizationId), eq(laws.status, 'active')));
  if (inForce.length > 0) {
    await tx.insert(lawReviewItems).values(inForce.map((l) => ({ organizationId: actor.organizationId, reviewId: review.id, lawId: l.id, createdAt: now, updatedAt: now })));
  }
  return review.id;
}

/** 見直しの記録: the outcomes given (entries not named keep theirs); a completed 見直し is not changed (409). */
export async function saveLawReview(tx: Tx, actor: Actor, id: string, input: z.output<typeof saveLawReviewBody>, now: Date): Promise<void> {
  const review = await findReview(tx, actor.organizationId, id, true);
  if (review.status !== 'open') throw conflict('完了した見直しは変更できません', 'law_review_completed');
  const listed = await tx
    .select({ lawId: lawReviewItems.lawId })
    .from(lawReviewItems)
    .where(and(eq(lawReviewItems.organizationId, actor.organizationId), eq(lawReviewItems.reviewId, id)));
  const known = new Set(listed.map((l) => l.lawId));
  const unknown = input.items.findIndex((i) => !known.has(i.lawId));
  if (unknown >= 0)
    throw new HttpError(400, 'この見直しに含まれない法令規範が指定されています', 'validation', [
      { path: `items.${unknown}.lawId`, message: 'この見直しに含まれない法令規範が指定されています' },
    ]);
  for (const item of input.items) {
    await tx
      .update(lawReviewItems)
      .set({ outcome: item.outcome, note: item.note, updatedAt: now })
      .where(and(eq(lawReviewItems.reviewId, id), eq(lawReviewItems.lawId, item.lawId)));
  }
  await tx.update(lawReviews).set({ note: input.note, updatedAt: now }).where(eq(lawReviews.id, id));
}

/**
 * 見直しの完了: every entry needs an outcome (409 naming how many are left). Stamps every listed
 * entry's 最終見直し日, marks those found 廃止 as 廃止 (the 個人情報保護管理者's own decision in the
 * review, so their approval stands), and completes the year's December calendar task with this
 * review as its evidence. 改訂あり entries are changed on the register itself (which asks for a new
 * approval, J.1.3 a).
 */
export async function completeLawReview(tx: Tx, actor: Actor, id: string, options: { today: string; now: Date }): Promise<void> {
  const review = await findReview(tx, actor.organizationId, id, true);
  if (review.status !== 'open') throw conflict('この見直しはすでに完了しています', 'law_review_completed');
  const items = await tx
    .select()
    .from(lawReviewItems)
    .where(and(eq(lawReviewItems.organizationId, actor.organizationId), eq(lawReviewItems.reviewId, id)));
  const unchecked = items.filter((i) => i.outcome === null).length;
  if (unchecked > 0)
    throw conflict(`結果のない法令規範が${unchecked}件あります。すべての法令規範に 確認済み・改訂あり・廃止 のいずれかを記録してください`, 'law_review_incomplete');
  const lawIds = items.map((i) => i.lawId);
  if (lawIds.length > 0) {
    await tx
      .update(laws)
      .set({ lastReviewedOn: options.today, updatedAt: options.now })
      .where(and(eq(laws.organizationId, actor.organizationId), inArray(laws.id, lawIds)));
    const repealed = items.filter((i) => i.outcome === 'repealed').map((i) => i.lawId);
    if (repealed.length > 0)
      await tx
        .update(laws)
        .set({ status: 'repealed' })
        .where(and(eq(laws.organizationId, actor.organizationId), inArray(laws.id, repealed)));
  }
  await tx.update(lawReviews).set({ status: 'completed', completedOn: options.today, completedByPersonId: actor.personId, updatedAt: options.now }).where(eq(lawReviews.id, id));
  // J.1.3 c) 毎年12月: the calendar's 法令規範一覧の見直し task due in the review's year.
  const open = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(calendarItems, eq(calendarItems.id, tasks.calendarItemId))
    .where(
      and(
        eq(tasks.organizationId, actor.organizationId),
        eq(calendarItems.code, 'legal_register_review'),
        isNull(tasks.departmentId),
        eq(tasks.status, 'open'),
        sql`extract(year from ${tasks.dueOn}) = ${review.year}`,
      ),
    );
  await completeTasks(
    tx,
    actor.organizationId,
    { taskIds: open.map((t) => t.id) },
    { url: `/laws/reviews/${id}`, note: `${review.year}年の法令規範一覧の見直し（${items.length}件）`, now: options.now, accountId: actor.accountId },
  );
}
