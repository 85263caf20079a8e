import { and, count, desc, eq, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { defaultApprovalChains } from '../../rules/data/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { departments, people } from '../org/org.tables.ts';
import type { Actor } from '../policies/actor.ts';
import { approvalLink } from './approval-notifications.ts';
import { listMyApprovals } from './approvals.queries.ts';
import type { approvalListQuery } from './approvals.schema.ts';
import { approvalActions, approvalRequests } from './approvals.tables.ts';
import { holdersForRequests, personNames, routingOf } from './approvers.ts';
import { type ApprovalRequestRow, findApprovalRecordType, registeredApprovalRecordTypes } from './registry.ts';

// 承認の一覧 (issue 10 「/approvals」: the inbox with filters and history). Three views of the
// caller's own part in approvals — what waits for them (in their own right, as 代理 or as 代行者:
// listMyApprovals decides exactly as the approve route does), what they submitted, and what they
// approved or returned — each filtered by record type, status, submitted period and department,
// and paged. Only the caller's organization's requests (the scoped transaction and an explicit
// organization filter), and only requests the caller takes part in, so no record type's
// visibility rule (canView) is widened.

export type ApprovalListQuery = z.output<typeof approvalListQuery>;

/** My latest 承認・差戻し on a request. */
export type MyDecision = { action: 'approve' | 'return'; step: number; comment: string | null; onBehalfOfName: string | null; at: Date };

/** One row of the list (presentApprovalListItem). */
export type ApprovalListRow = {
  request: ApprovalRequestRow;
  recordTypeLabel: string;
  submittedByName: string;
  departmentName: string | null;
  currentApproversNote: string | null;
  onBehalfOf: { personId: string; name: string } | null;
  myDecision: MyDecision | null;
  link: string;
};

export type ApprovalList = { rows: ApprovalListRow[]; total: number; page: number; pageSize: number; recordTypes: { type: string; label: string }[] };

const labelOf = (recordType: string) => findApprovalRecordType(recordType)?.label ?? defaultApprovalChains[recordType]?.label ?? '承認依頼';

/** The start of a Japanese calendar day (申請日 is read in Japan time, like every date of the app). */
const startOfDayInJapan = (date: string) => new Date(`${date}T00:00:00+09:00`);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The filters every view shares, as SQL on approval_requests. */
function filters(organizationId: string, q: ApprovalListQuery): SQL[] {
  const where: SQL[] = [eq(approvalRequests.organizationId, organizationId)];
  if (q.recordType) where.push(eq(approvalRequests.recordType, q.recordType));
  if (q.status) where.push(eq(approvalRequests.status, q.status));
  if (q.departmentId) where.push(eq(approvalRequests.departmentId, q.departmentId));
  if (q.submittedFrom) where.push(gte(approvalRequests.submittedAt, startOfDayInJapan(q.submittedFrom)));
  if (q.submittedTo) where.push(lt(approvalRequests.submittedAt, startOfDayInJapan(nextDay(q.submittedTo))));
  return where;
}

/** The same filters on a request already read (the waiting view, which listMyApprovals decides). */
function matches(request: ApprovalRequestRow, q: ApprovalListQuery): boolean {
  if (q.recordType && request.recordType !== q.recordType) return false;
  if (q.status && request.status !== q.status) return false;
  if (q.departmentId && request.departmentId !== q.departmentId) return false;
  if (q.submittedFrom && request.submittedAt < startOfDayInJapan(q.submittedFrom)) return false;
  if (q.submittedTo && request.submittedAt >= startOfDayInJapan(nextDay(q.submittedTo))) return false;
  return true;
}

/** Who approves each pending request's current step and why (the page's requests only). */
async function notesFor(tx: Tx, organizationId: string, requests: readonly ApprovalRequestRow[], today: string): Promise<Map<string, string>> {
  const pending = requests.filter((r) => r.status === 'pending');
  const notes = new Map<string, string>();
  if (pending.length === 0) return notes;
  const holders = await holdersForRequests(tx, organizationId, pending, today);
  for (const request of pending) notes.set(request.id, (await routingOf(tx, request, today, holders)).resolution.note);
  return notes;
}

/** My latest 承認・差戻し on each request (stamps I made, in my own right or as 代理). */
async function myDecisions(tx: Tx, organizationId: string, personId: string, requestIds: readonly string[]): Promise<Map<string, MyDecision>> {
  const result = new Map<string, MyDecision>();
  if (requestIds.length === 0) return result;
  const rows = await tx
    .select()
    .from(approvalActions)
    .where(and(eq(approvalActions.organizationId, organizationId), eq(approvalActions.actorPersonId, personId), inArray(approvalActions.requestId, [...requestIds])))
    .orderBy(desc(approvalActions.createdAt));
  const names = await personNames(
    tx,
    organizationId,
    rows.map((r) => r.onBehalfOfPersonId),
  );
  for (const row of rows) {
    if (result.has(row.requestId)) continue;
    result.set(row.requestId, {
      action: row.action,
      step: row.step,
      comment: row.comment,
      onBehalfOfName: row.onBehalfOfPersonId ? (names.get(row.onBehalfOfPersonId) ?? null) : null,
      at: row.createdAt,
    });
  }
  return result;
}

/** The requests I approved or returned, excluding my own submissions (a submission's passed steps are not decisions). */
const decidedByMe = (personId: string) =>
  and(
    ne(approvalRequests.submittedByPersonId, personId),
    sql`exists (select 1 from ${approvalActions} where ${approvalActions.requestId} = ${approvalRequests.id} and ${approvalActions.actorPersonId} = ${personId})`,
  );

/**
 * 承認の一覧: the caller's waiting, submitted or decided requests with the filters, newest first
 * (waiting: oldest first, as the inbox), one page.
 */
export async function listApprovals(tx: Tx, actor: Actor, q: ApprovalListQuery, today: string): Promise<ApprovalList> {
  const recordTypes = registeredApprovalRecordTypes().map((t) => ({ type: t.type, label: t.label }));
  const offset = (q.page - 1) * q.pageSize;
  if (q.view === 'waiting') {
    const waiting = (await listMyApprovals(tx, actor, today)).filter((i) => matches(i.request, q));
    const page = waiting.slice(offset, offset + q.pageSize);
    const departmentIds = [...new Set(page.map((i) => i.request.departmentId).filter((d): d is string => d !== null))];
    const departmentNames = new Map(
      departmentIds.length === 0
        ? []
        : (
            await tx
              .select({ id: departments.id, name: departments.name })
              .from(departments)
              .where(and(eq(departments.organizationId, actor.organizationId), inArray(departments.id, departmentIds)))
          ).map((d) => [d.id, d.name]),
    );
    const notes = await notesFor(
      tx,
      actor.organizationId,
      page.map((i) => i.request),
      today,
    );
    return {
      rows: page.map((i) => ({
        request: i.request,
        recordTypeLabel: i.recordTypeLabel,
        submittedByName: i.submittedByName,
        departmentName: i.request.departmentId ? (departmentNames.get(i.request.departmentId) ?? null) : null,
        currentApproversNote: notes.get(i.request.id) ?? null,
        onBehalfOf: i.onBehalfOf,
        myDecision: null,
        link: i.link,
      })),
      total: waiting.length,
      page: q.page,
      pageSize: q.pageSize,
      recordTypes,
    };
  }
  const mine = q.view === 'submitted' ? eq(approvalRequests.submittedByPersonId, actor.personId) : decidedByMe(actor.personId);
  const where = and(...filters(actor.organizationId, q), mine);
  const [total] = await tx.select({ n: count() }).from(approvalRequests).where(where);
  const rows = await tx
    .select({ request: approvalRequests, submittedByName: people.name, departmentName: departments.name })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.submittedByPersonId))
    .leftJoin(departments, eq(departments.id, approvalRequests.departmentId))
    .where(where)
    .orderBy(desc(approvalRequests.submittedAt), desc(approvalRequests.id))
    .limit(q.pageSize)
    .offset(offset);
  const requests = rows.map((r) => r.request);
  const notes = await notesFor(tx, actor.organizationId, requests, today);
  const decisions =
    q.view === 'decided'
      ? await myDecisions(
          tx,
          actor.organizationId,
          actor.personId,
          requests.map((r) => r.id),
        )
      : new Map<string, MyDecision>();
  return {
    rows: rows.map((r) => ({
      request: r.request,
      recordTypeLabel: labelOf(r.request.recordType),
      submittedByName: r.submittedByName,
      departmentName: r.departmentName,
      currentApproversNote: notes.get(r.request.id) ?? null,
      onBehalfOf: null,
      myDecision: decisions.get(r.request.id) ?? null,
      link: approvalLink(r.request.id),
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    recordTypes,
  };
}
