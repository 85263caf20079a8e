import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import type { ApprovalStep } from '../../rules/approvalChains.ts';
import { submitForApproval } from '../approvals/approvals.service.ts';
import { type ApprovalActor, type ApprovalRecordType, registeredApprovalRecordTypes } from '../approvals/registry.ts';
import type { Tx } from '../db/connection.ts';
import { conflict, HttpError, invalid, notFound } from '../http/errors.ts';
import { departments } from '../org/org.tables.ts';
import { type Actor, can } from '../policies/actor.ts';
import type { Permission } from '../policies/permissions.ts';
import { calendarReviewTaskIds, completeTasks } from '../tasks/moduleTasks.ts';
import { keepsDepartment, notKeeper } from './keepers.ts';
import { describeReviewSnapshot } from './reviews.snapshot.ts';
import { annualReviews, type ReviewItem, type ReviewSubject, type StoredReviewDiff } from './reviews.tables.ts';

// 毎年12月の見直し (SPEC M1 "Review every December with department-by-department confirmation",
// M2 "December review like the inventory"; J.3.1.1 留意事項, J.3.1.3). One review per subject,
// department and year: the department head confirms or changes each item, submits, the chain
// approves, and the review keeps its diff against last year. Each subject's module (the 台帳,
// the リスク分析) plugs in a provider — what the items are, how to snapshot and diff them, who
// keeps a department — and lists it in its manifest with reviewApprovalType(provider); the engine
// never imports a module.

export type ReviewRow = typeof annualReviews.$inferSelect;

/** What one subject (台帳 or リスク分析) contributes to the review machinery. */
export type ReviewProvider = {
  subject: ReviewSubject;
  /** Approval record type of the review. */
  recordType: string;
  /** 「個人情報管理台帳の見直し」 etc. */
  label: string;
  /** The chain a new organization starts with, when rules/data has none for the record type. */
  defaultSteps?: readonly ApprovalStep[];
  /** Calendar item whose per-department task the approval completes (pmsCalendar code). */
  calendarCode: string;
  /** The items the head goes through: the department's current entries (or analyses). */
  items(tx: Tx, organizationId: string, departmentId: string): Promise<{ subjectId: string; label: string }[]>;
  /**
   * Checks, at submission, what the item decisions alone cannot: e.g. a 変更 whose request is not
   * approved yet. May update decisions (e.g. an analysis re-approved during the review is 変更).
   */
  beforeSubmit(tx: Tx, review: ReviewRow): Promise<{ items: ReviewItem[]; problems: string[] }>;
  /** May the item be confirmed unchanged? Returns the refusal, or null. */
  confirmable(tx: Tx, organizationId: string, subjectId: string): Promise<string | null>;
  /** This year's state, taken at submission. */
  snapshot(tx: Tx, organizationId: string, departmentId: string): Promise<unknown>;
  /** Last year's state: the previous approved review's snapshot, or a reconstruction. */
  baseline(tx: Tx, organizationId: string, departmentId: string, year: number, previous: ReviewRow | null): Promise<{ data: unknown; label: string }>;
  diff(baseline: unknown, snapshot: unknown, baselineLabel: string): StoredReviewDiff;
  /**
   * Whether the actor keeps the department's records: starts, confirms and submits its review.
   * Default: the department's keepers and the 個人情報保護管理者 (keepers.ts `keepsDepartment`).
   */
  keeps?(actor: Actor, departmentId: string): boolean;
  /** Who may read the reviews and their approvals. Default: `<subject>.read`. */
  readPermission?: Permission;
  /** The SPA path of a review. Default: `/<subject>/reviews/<id>`. */
  link?(reviewId: string): string;
};

/** The actor as the approvals engine sees them. */
const approvalActorOf = (actor: Actor): ApprovalActor => ({ organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId });

/** Whether the actor keeps the department, as the subject's provider decides. */
function keeps(provider: ReviewProvider, actor: Actor, departmentId: string): boolean {
  return provider.keeps ? provider.keeps(actor, departmentId) : keepsDepartment(actor, departmentId);
}

/** Refuses an actor who does not keep the review's department (403 with the reason). */
function assertKeeps(provider: ReviewProvider, actor: Actor, departmentId: string): void {
  if (!keeps(provider, actor, departmentId)) throw notKeeper('この所属の見直し');
}

/** The SPA path of a review of the provider's subject. */
function linkOf(provider: ReviewProvider, id: string): string {
  return provider.link ? provider.link(id) : `/${provider.subject}/reviews/${id}`;
}

async function readReview(tx: Tx, organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ReviewRow | null> {
  const query = tx
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.organizationId, organizationId), eq(annualReviews.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

function providerOf(subject: ReviewSubject): ReviewProvider {
  const provider = registeredApprovalRecordTypes()
    .map((t) => (t as { reviewProvider?: ReviewProvider }).reviewProvider)
    .find((p) => p?.subject === subject);
  if (!provider) throw new Error(`no review provider for ${subject}`);
  return provider;
}

/**
 * The approval record type of a subject's review. The module lists it in its manifest; the
 * platform registers it at boot (installModules), which also makes the provider known here.
 */
export function reviewApprovalType(provider: ReviewProvider): ApprovalRecordType & { reviewProvider: ReviewProvider } {
  return {
    reviewProvider: provider,
    type: provider.recordType,
    label: provider.label,
    defaultSteps: provider.defaultSteps,
    // Whoever carries out the review (the department's 所属長, or the 個人情報保護管理者) has passed their own leading step by submitting it.
    submissionPassesAuthorSteps: true,
    async snapshot(tx, organizationId, recordId) {
      const row = await readReview(tx, organizationId, recordId);
      if (!row || row.subject !== provider.subject) return null;
      const [department] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, row.departmentId));
      return {
        title: `${provider.label}（${row.year}年・${department?.name ?? ''}）`,
        departmentId: row.departmentId,
        data: {
          year: row.year,
          departmentId: row.departmentId,
          items: row.items.map((i) => ({ subjectId: i.subjectId, decision: i.decision, note: i.note, requestId: i.requestId })),
          diff: row.diff ?? null,
        },
      };
    },
    async onApproved(tx, context) {
      const row = await readReview(tx, context.organizationId, context.recordId);
      if (!row) throw notFound('見直し');
      // The calendar's December task of the department is done: the approved review is its evidence.
      const taskIds = await calendarReviewTaskIds(tx, context.organizationId, provider.calendarCode, row.departmentId, row.year);
      await completeTasks(
        tx,
        context.organizationId,
        { taskIds },
        { url: linkOf(provider, row.id), note: `${provider.label}（${row.year}年）が承認されました`, now: context.now, accountId: context.actor.accountId },
      );
    },
    async onStatusChange(tx, context) {
      await tx
        .update(annualReviews)
        .set({ status: context.status, updatedAt: context.now, decidedAt: context.status === 'pending' ? null : context.now })
        .where(and(eq(annualReviews.organizationId, context.organizationId), eq(annualReviews.id, context.recordId)));
    },
    async canView(_tx, actor) {
      return can(actor, provider.readPermission ?? `${provider.subject}.read`);
    },
    link: (recordId) => linkOf(provider, recordId),
    describeSnapshot: describeReviewSnapshot,
  };
}

/** Reviews of a year (every department of the organization, with those not started yet). */
export async function listReviews(tx: Tx, organizationId: string, subject: ReviewSubject, year: number) {
  const depts = await tx.select().from(departments).where(eq(departments.organizationId, organizationId)).orderBy(asc(departments.sortOrder), asc(departments.name));
  const rows = await tx
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.organizationId, organizationId), eq(annualReviews.subject, subject), eq(annualReviews.year, year)));
  const byDept = new Map(rows.map((r) => [r.departmentId, r]));
  return depts.map((d) => ({ department: { id: d.id, name: d.name }, review: byDept.get(d.id) ?? null }));
}

/**
 * Opens the review of a department for a year, or returns the one already open (idempotent):
 * its items are the department's current entries (analyses), all 未確認.
 */
export async function startReview(tx: Tx, actor: Actor, subject: ReviewSubject, input: { departmentId: string; year: number }, clock: Clock): Promise<string> {
  const provider = providerOf(subject);
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, input.departmentId)));
  if (!department) throw invalid('departmentId', '所属が見つかりません');
  assertKeeps(provider, actor, input.departmentId);
  // The department's review of that year, if one is open already.
  const opened = async () =>
    (
      await tx
        .select({ id: annualReviews.id })
        .from(annualReviews)
        .where(
          and(
            eq(annualReviews.organizationId, actor.organizationId),
            eq(annualReviews.subject, subject),
            eq(annualReviews.departmentId, input.departmentId),
            eq(annualReviews.year, input.year),
          ),
        )
    )[0];
  const existing = await opened();
  if (existing) return existing.id;
  const items: ReviewItem[] = (await provider.items(tx, actor.organizationId, input.departmentId)).map((i) => ({
    subjectId: i.subjectId,
    label: i.label,
    decision: 'pending',
    note: null,
    requestId: null,
    decidedByPersonId: null,
    decidedByName: null,
    decidedAt: null,
  }));
  const [row] = await tx
    .insert(annualReviews)
    .values({
      organizationId: actor.organizationId,
      subject,
      departmentId: input.departmentId,
      year: input.year,
      status: 'draft',
      items,
      startedByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .onConflictDoNothing()
    .returning({ id: annualReviews.id });
  if (row) return row.id;
  // Someone opened it at the same moment: theirs is the review.
  const raced = await opened();
  if (!raced) throw conflict('見直しを開始できませんでした。もう一度お試しください');
  return raced.id;
}

/** Whether a review is still being carried out (not submitted, or returned). */
const open = (row: Pick<ReviewRow, 'status'>) => row.status === 'draft' || row.status === 'returned';

async function editableReview(tx: Tx, actor: Actor, provider: ReviewProvider, id: string): Promise<ReviewRow> {
  const row = await readReview(tx, actor.organizationId, id, { forUpdate: true });
  if (!row || row.subject !== provider.subject) throw notFound('見直し');
  assertKeeps(provider, actor, row.departmentId);
  if (!open(row)) throw conflict('この見直しは申請済みのため変更できません', 'review_state');
  return row;
}

/** 「変更なし」: the head confirms one item as it stands. */
export async function confirmReviewItem(tx: Tx, actor: Actor, subject: ReviewSubject, id: string, input: { subjectId: string; note: string | null }, clock: Clock): Promise<void> {
  const provider = providerOf(subject);
  const row = await editableReview(tx, actor, provider, id);
  const item = row.items.find((i) => i.subjectId === input.subjectId);
  if (!item) throw invalid('subjectId', 'この見直しの対象ではありません');
  if (item.decision === 'changed' && item.requestId) throw conflict('この項目には変更申請が出ています', 'review_item_changed');
  const refusal = await provider.confirmable(tx, actor.organizationId, input.subjectId);
  if (refusal) throw invalid('subjectId', refusal);
  const items = row.items.map((i) =>
    i.subjectId === input.subjectId
      ? { ...i, decision: 'confirmed' as const, note: input.note, decidedByPersonId: actor.personId, decidedByName: actor.personName, decidedAt: clock.now.toISOString() }
      : i,
  );
  await tx.update(annualReviews).set({ items, updatedAt: clock.now }).where(eq(annualReviews.id, row.id));
}

/**
 * 「変更」: the department head changes an item through the subject's own record — M1 files a
 * 個人情報取扱変更等申請書 from the review (J.3.1.1 d)) — and the item records that request.
 */
export async function markReviewItemChanged(
  tx: Tx,
  actor: Actor,
  subject: ReviewSubject,
  reviewId: string,
  change: { subjectId: string | null; requestId: string },
  now: Date,
): Promise<void> {
  const row = await readReview(tx, actor.organizationId, reviewId, { forUpdate: true });
  if (row?.subject !== subject) throw invalid('reviewId', '見直しが見つかりません');
  if (!open(row)) throw conflict('この見直しは既に申請済みです', 'review_state');
  const items = row.items.map((item) =>
    item.subjectId === change.subjectId
      ? { ...item, decision: 'changed' as const, requestId: change.requestId, decidedByPersonId: actor.personId, decidedByName: actor.personName, decidedAt: now.toISOString() }
      : item,
  );
  await tx.update(annualReviews).set({ items, updatedAt: now }).where(eq(annualReviews.id, row.id));
}

/**
 * Submits the review: every item decided and every change approved; snapshots this year's state,
 * computes the diff against last year, and sends the review through its chain.
 */
export async function submitReview(tx: Tx, actor: Actor, subject: ReviewSubject, id: string, clock: Clock): Promise<void> {
  const provider = providerOf(subject);
  const row = await editableReview(tx, actor, provider, id);
  // Items that appeared since the review opened (a new acquisition approved meanwhile) join as 未確認.
  const current = await provider.items(tx, actor.organizationId, row.departmentId);
  const known = new Set(row.items.map((i) => i.subjectId));
  const added: ReviewItem[] = current
    .filter((c) => !known.has(c.subjectId))
    .map((c) => ({ subjectId: c.subjectId, label: c.label, decision: 'pending', note: null, requestId: null, decidedByPersonId: null, decidedByName: null, decidedAt: null }));
  const checked = await provider.beforeSubmit(tx, { ...row, items: [...row.items, ...added] });
  const pending = checked.items.filter((i) => i.decision === 'pending');
  const problems = [
    ...checked.problems,
    ...(pending.length > 0 ? [`未確認の項目があります（${pending.map((i) => i.label).join('・')}）。各項目を「変更なし」で確認するか、変更してください`] : []),
  ];
  if (problems.length > 0) {
    // Nothing is written: the refusal lists everything still to do.
    throw new HttpError(422, problems.join(' / '), 'review_incomplete', [{ path: 'items', message: problems.join(' / ') }]);
  }
  const [previous] = await tx
    .select()
    .from(annualReviews)
    .where(
      and(
        eq(annualReviews.organizationId, actor.organizationId),
        eq(annualReviews.subject, subject),
        eq(annualReviews.departmentId, row.departmentId),
        eq(annualReviews.status, 'approved'),
        lt(annualReviews.year, row.year),
      ),
    )
    .orderBy(desc(annualReviews.year))
    .limit(1);
  const snapshot = await provider.snapshot(tx, actor.organizationId, row.departmentId);
  const baseline = await provider.baseline(tx, actor.organizationId, row.departmentId, row.year, previous ?? null);
  const diff = provider.diff(baseline.data, snapshot, baseline.label);
  await tx
    .update(annualReviews)
    .set({ items: checked.items, snapshot, baseline: baseline.data, diff, submittedAt: clock.now, updatedAt: clock.now })
    .where(eq(annualReviews.id, row.id));
  await submitForApproval(tx, approvalActorOf(actor), provider.recordType, row.id, clock);
}

/** What the caller may do with a review now (STYLE 4: the SPA shows its buttons from these). */
export type ReviewAbilities = {
  /** Confirm an item 「変更なし」 or change it: the department's keepers, while the review is open. */
  edit: boolean;
  /** Submit the review for approval: the same people, at the same time. */
  submit: boolean;
};

/** One review with its department name and the caller's abilities; anyone who may read the subject may see it. */
export async function getReview(tx: Tx, actor: Actor, subject: ReviewSubject, id: string) {
  const provider = providerOf(subject);
  const row = await readReview(tx, actor.organizationId, id);
  if (!row || row.subject !== subject) throw notFound('見直し');
  const [department] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, row.departmentId));
  const editable = keeps(provider, actor, row.departmentId) && open(row);
  const abilities: ReviewAbilities = { edit: editable, submit: editable };
  return { row, departmentName: department?.name ?? '', abilities };
}

export type ReviewDetail = Awaited<ReturnType<typeof getReview>>;
export type ReviewListRow = Awaited<ReturnType<typeof listReviews>>[number];
