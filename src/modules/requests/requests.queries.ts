import { resolveSettings } from '../../platform/org/orgSettings.ts';
import type { DeadlineSettings } from './request-deadline.ts';
import { and, asc, count, desc, eq, lt, notInArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { notFound } from '../../platform/http/errors.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { closedRequestStatuses } from './requests.labels.ts';
import { canManageRequests, requestAbilities } from './requests.policy.ts';
import type { requestListQuery } from './requests.schema.ts';
import { requestCorrections, requests } from './requests.tables.ts';

// Reads of M5 開示等の請求・苦情相談. Every query is scoped to the actor's organization (and RLS).

export type RequestRow = typeof requests.$inferSelect;
export type CorrectionRow = typeof requestCorrections.$inferSelect;

export async function findRequest(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<RequestRow> {
  const query = tx
    .select()
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('請求');
  return row;
}

export async function correctionsOf(tx: Tx, organizationId: string, requestId: string): Promise<CorrectionRow[]> {
  return tx
    .select()
    .from(requestCorrections)
    .where(and(eq(requestCorrections.organizationId, organizationId), eq(requestCorrections.requestId, requestId)))
    .orderBy(asc(requestCorrections.askedOn), asc(requestCorrections.createdAt));
}

/**
 * What the deadline engine takes from the organization (issue #14): its profile, and the 施行条例's
 * 決定の期間・延長 and name (public) or the 遅滞なく target (private) from its settings.
 */
export async function deadlineSettingsOf(tx: Tx, organizationId: string): Promise<DeadlineSettings> {
  const [org] = await tx.select({ profile: organizations.profile, settings: organizations.settings }).from(organizations).where(eq(organizations.id, organizationId));
  const s = resolveSettings(org?.settings);
  return {
    profile: org?.profile ?? 'private',
    periodDays: s.requestPeriodDays,
    extensionDays: s.requestExtensionDays,
    ordinance: s.requestOrdinance?.trim() || null,
    targetDays: s.requestTargetDays,
  };
}

export async function profileOf(tx: Tx, organizationId: string) {
  const [org] = await tx.select({ profile: organizations.profile }).from(organizations).where(eq(organizations.id, organizationId));
  return org?.profile ?? 'private';
}

export async function detailOf(tx: Tx, actor: Actor, row: RequestRow, today: string) {
  return {
    request: row,
    corrections: await correctionsOf(tx, actor.organizationId, row.id),
    profile: await profileOf(tx, actor.organizationId),
    abilities: requestAbilities(actor),
    today,
  };
}
export type RequestDetail = Awaited<ReturnType<typeof detailOf>>;

/** 一覧 (paged, newest first; filtered by kind, status, overdue). Names are not read here. */
export async function listRequests(tx: Tx, actor: Actor, query: z.output<typeof requestListQuery>, today: string) {
  const filters: SQL[] = [eq(requests.organizationId, actor.organizationId)];
  if (query.kind) filters.push(eq(requests.kind, query.kind));
  if (query.status) filters.push(eq(requests.status, query.status));
  if (query.overdue) filters.push(lt(requests.dueOn, today), notInArray(requests.status, [...closedRequestStatuses]));
  const where = and(...filters);
  const [total] = await tx.select({ n: count() }).from(requests).where(where);
  const rows = await tx
    .select({
      id: requests.id,
      number: requests.number,
      receivedOn: requests.receivedOn,
      kind: requests.kind,
      status: requests.status,
      dueOn: requests.dueOn,
      deadline: requests.deadline,
    })
    .from(requests)
    .where(where)
    .orderBy(desc(requests.receivedOn), desc(requests.number))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize, canCreate: canManageRequests(actor), today };
}
export type RequestPage = Awaited<ReturnType<typeof listRequests>>;
