import { and, count, desc, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { stampsForRecord } from '../../platform/approvals/approvals.service.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { inspectionFindingSummaryFor, seesContractors } from '../contractors/contractors.api.ts';
import { incidentSummaryFor, visibleIncidentIds } from '../incidents/incidents.api.ts';
import { complaintSummaryFor, visibleComplaintIds } from '../requests/requests.api.ts';
import { CORRECTIVE_PLAN, CORRECTIVE_RESULT, type CorrectiveSource } from './corrective.labels.ts';
import { correctiveAbilities } from './corrective.policy.ts';
import type { correctiveListQuery } from './corrective.schema.ts';
import { correctiveActions } from './corrective.tables.ts';

// Reads of M10 不適合・是正処置 (J.7.1). Every query is scoped to the actor's organization;
// nonconformities carry no personal data, so every holder of corrective.read sees the organization's
// records. One record is also open to whoever raised it and to those who may see the complaint it
// came from (see mayReadCorrective).

/** 是正処置実施記録 as stored. */
export type CorrectiveRow = typeof correctiveActions.$inferSelect;

/**
 * The rows as the actor may read them: a record opened from an incident the actor may not see
 * (incidents.policy.ts) shows only that it came from an incident — its link and reference are
 * withheld (issue #11 finding 6; visibility follows the source's rules). The same for a 委託先の実地検査
 * (issue 13): its finding is shown only to those who may see the 委託先 register.
 */
export async function withSourceVisibility(tx: Tx, actor: Actor, rows: readonly CorrectiveRow[]): Promise<CorrectiveRow[]> {
  const linked = rows.flatMap((row) => (row.sourceType === 'incident' && row.sourceId ? [row.sourceId] : []));
  const visible = await visibleIncidentIds(tx, actor, linked);
  // A complaint (J.11.1 d)): those who may not see it keep 「苦情・相談」 and its 受付番号 (sourceRef, no
  // personal data) but not the link. An inspection (issue 13; #11-6): only for those who may see the 委託先 register.
  const complaints = rows.flatMap((row) => (row.sourceType === 'complaint' && row.sourceId ? [row.sourceId] : []));
  const visibleComplaints = await visibleComplaintIds(tx, actor, complaints);
  const seesInspections = seesContractors(actor);
  return rows.map((row) => {
    if (row.sourceType === 'complaint') return row.sourceId === null || visibleComplaints.has(row.sourceId) ? row : { ...row, sourceId: null };
    const shown = row.sourceType === 'incident' ? row.sourceId !== null && visible.has(row.sourceId) : row.sourceType === 'contractor_inspection' ? seesInspections : true;
    return shown ? row : { ...row, sourceId: null, sourceRef: null };
  });
}

/** The record (404 when it is not the organization's). */
export async function findCorrective(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<CorrectiveRow> {
  const query = tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, organizationId), eq(correctiveActions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('是正処置');
  return row;
}

/**
 * The corrective action opened from a record of another module (an incident's cause, J.4.4.2 z)),
 * or null. One per source record (corrective_actions_incident_uq).
 */
export async function findCorrectiveForSource(tx: Tx, organizationId: string, sourceType: CorrectiveSource, sourceId: string): Promise<CorrectiveRow | null> {
  const [row] = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, organizationId), eq(correctiveActions.sourceType, sourceType), eq(correctiveActions.sourceId, sourceId)));
  return row ?? null;
}

/** The corrective actions opened from the given records of one source type, by source id (a finding's 是正処置). */
export async function correctiveForSources(tx: Tx, organizationId: string, sourceType: CorrectiveSource, sourceIds: readonly string[]): Promise<Map<string, CorrectiveRow>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, organizationId), eq(correctiveActions.sourceType, sourceType), inArray(correctiveActions.sourceId, [...new Set(sourceIds)])));
  return new Map(rows.flatMap((row) => (row.sourceId ? [[row.sourceId, row] as const] : [])));
}

export type CorrectivePage = Awaited<ReturnType<typeof listCorrectiveActions>>;

/** 是正処置の一覧 (paged, newest first). */
export async function listCorrectiveActions(tx: Tx, actor: Actor, query: z.output<typeof correctiveListQuery>) {
  const filters: SQL[] = [eq(correctiveActions.organizationId, actor.organizationId)];
  if (query.status === 'open') filters.push(ne(correctiveActions.status, 'closed'));
  else if (query.status) filters.push(eq(correctiveActions.status, query.status));
  if (query.sourceType) filters.push(eq(correctiveActions.sourceType, query.sourceType));
  if (query.q) filters.push(or(ilike(correctiveActions.title, `%${query.q}%`), ilike(correctiveActions.number, `%${query.q}%`)) as SQL);
  const where = and(...filters);
  const [total] = await tx.select({ n: count() }).from(correctiveActions).where(where);
  const rows = await tx
    .select({ action: correctiveActions, departmentName: departments.name })
    .from(correctiveActions)
    .leftJoin(departments, eq(departments.id, correctiveActions.departmentId))
    .where(where)
    .orderBy(desc(correctiveActions.reportedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const shown = await withSourceVisibility(
    tx,
    actor,
    rows.map((r) => r.action),
  );
  return { items: rows.map((r, index) => ({ ...r, action: shown[index] ?? r.action })), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * Whether the actor may read one record: every holder of corrective.read; its 発見者, who raised it
 * and whose record goes on to the 所属長's 確認 and the approvals (J.7.1 h) 1)); and those who may see
 * the complaint it was opened from (J.7.1 g) 3); issue #11: visibility follows the source's rules), so
 * the 苦情相談窓口責任者's 「是正処置を開く」 on the complaint never leads to a refusal. Incidents and
 * 実地検査 need no such rule: every role that reads them also holds corrective.read. Reading is not
 * changing: the abilities (corrective.policy.ts) stay the 所属長's and the PMS manager's.
 */
export async function mayReadCorrective(tx: Tx, actor: Actor, row: Pick<CorrectiveRow, 'reportedByPersonId' | 'sourceType' | 'sourceId'>): Promise<boolean> {
  if (can(actor, 'corrective.read') || row.reportedByPersonId === actor.personId) return true;
  if (row.sourceType !== 'complaint' || row.sourceId === null) return false;
  return (await visibleComplaintIds(tx, actor, [row.sourceId])).has(row.sourceId);
}

/** One record with its source, both approvals (plan, result) and what the actor may do (403 for those who may not read it). */
export async function getCorrectiveDetail(tx: Tx, actor: Actor, id: string) {
  const stored = await findCorrective(tx, actor.organizationId, id);
  if (!(await mayReadCorrective(tx, actor, stored))) throw forbidden('この是正処置を閲覧する権限がありません');
  const [row] = await withSourceVisibility(tx, actor, [stored]);
  if (!row) throw notFound('是正処置');
  const reporter = alias(people, 'reporter');
  const reviewer = alias(people, 'reviewer');
  const [names] = await tx
    .select({ departmentName: departments.name, reporterName: reporter.name, reviewerName: reviewer.name })
    .from(correctiveActions)
    .innerJoin(reporter, eq(reporter.id, correctiveActions.reportedByPersonId))
    .leftJoin(reviewer, eq(reviewer.id, correctiveActions.effectivenessReviewedByPersonId))
    .leftJoin(departments, eq(departments.id, correctiveActions.departmentId))
    .where(eq(correctiveActions.id, row.id));
  // The link is shown only to those who may see the incident (it holds personal data).
  const incident = row.sourceType === 'incident' && row.sourceId ? await incidentSummaryFor(tx, actor, row.sourceId) : null;
  // The complaint's link likewise, only for holders of requests.read (withSourceVisibility kept its id for them).
  const complaint = row.sourceType === 'complaint' && row.sourceId ? await complaintSummaryFor(tx, actor, row.sourceId) : null;
  // 「実地検査 YYYY-MM-DD 委託先名」 only for those who may see the 委託先 (issue 13; #11-6).
  const contractorInspection = row.sourceType === 'contractor_inspection' && row.sourceId ? await inspectionFindingSummaryFor(tx, actor, row.sourceId) : null;
  return {
    action: row,
    departmentName: names?.departmentName ?? null,
    reporterName: names?.reporterName ?? '',
    reviewerName: names?.reviewerName ?? null,
    incident,
    complaint,
    contractorInspection,
    planApproval: await stampsForRecord(tx, actor, CORRECTIVE_PLAN, row.id),
    resultApproval: await stampsForRecord(tx, actor, CORRECTIVE_RESULT, row.id),
    abilities: correctiveAbilities(actor, row),
  };
}

export type CorrectiveDetail = Awaited<ReturnType<typeof getCorrectiveDetail>>;
