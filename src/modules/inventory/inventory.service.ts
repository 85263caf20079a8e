import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { disposalDue } from '../../rules/inventoryRules.ts';
import type { ApprovalActor } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { containsPattern } from '../../platform/db/likePattern.ts';
import { type Bind as BindValues, inlineValues, placeholders, runPrepared } from '../../platform/db/preparedQueries.ts';
import { forbidden, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { roleLabels } from '../../domain/roles.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { riskAssessmentEntries, riskAssessments } from '../risk/risk.tables.ts';
import { refreshRiskStatus } from '../risk/risk.status.ts';
import { contentChanges, derivedColumns, entryDuties, entryFindings, type EntryNames, normalizeSearchText, toEngineEntry } from './inventory.content.ts';
import type { EntriesQuery, EntryContent, RiskStatusCode } from './inventory.schema.ts';
import { type HistoryKind, inventoryEntries, inventoryEntryHistory, inventoryRequests } from './inventory.tables.ts';
import { completeTasks, ensureTask } from './moduleTasks.ts';

// Business functions of the 個人情報管理台帳 (SPEC M1). Each takes the tenant transaction first;
// row-level security confines it to the actor's organization and every query also filters by
// organization_id (two walls). Entries are written only here: by an approved 申請書
// (inventory.requests.ts), by an import (inventory.import.ts) and by nothing else.

export type EntryRow = typeof inventoryEntries.$inferSelect;

/** Department-bound roles that keep a department's 台帳 (所属長, 個人情報取扱責任者, 個人情報管理者 …). */
const KEEPER_ROLES = new Set(['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff']);

/**
 * The departments whose 台帳 the actor keeps: every department for the PMS manager
 * (`inventory.manage`), otherwise those where the actor holds a keeper role.
 */
export function departmentsKeptBy(actor: Actor): 'all' | Set<string> {
  if (can(actor, 'inventory.manage')) return 'all';
  return new Set(actor.roles.filter((r) => KEEPER_ROLES.has(r.role) && r.departmentId).map((r) => r.departmentId as string));
}

export function keepsDepartment(actor: Actor, departmentId: string): boolean {
  const kept = departmentsKeptBy(actor);
  return kept === 'all' || kept.has(departmentId);
}

// ---- names and references ----

/** Department and people names for a set of contents (one query each). */
export async function namesFor(tx: Tx, organizationId: string, contents: readonly Pick<EntryContent, 'departmentId' | 'accessHolderIds'>[]) {
  const personIds = [...new Set(contents.flatMap((c) => c.accessHolderIds))];
  const departmentIds = [...new Set(contents.map((c) => c.departmentId))];
  const peopleRows =
    personIds.length === 0
      ? []
      : await tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.organizationId, organizationId), inArray(people.id, personIds)));
  const departmentRows =
    departmentIds.length === 0
      ? []
      : await tx
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(and(eq(departments.organizationId, organizationId), inArray(departments.id, departmentIds)));
  const personNames = new Map(peopleRows.map((p) => [p.id, p.name]));
  const departmentNames = new Map(departmentRows.map((d) => [d.id, d.name]));
  return {
    personNames,
    departmentNames,
    of: (content: Pick<EntryContent, 'departmentId'>): EntryNames => ({ departmentName: departmentNames.get(content.departmentId) ?? null, people: personNames }),
  };
}

/**
 * Checks what a content refers to: the 所管部署 and every アクセス権を有する者 belong to the
 * organization, and nobody who has left is given access (J.9.2 c) 7) ③). Refusals name the field.
 */
export async function assertReferences(tx: Tx, organizationId: string, content: EntryContent, today: string, pathPrefix = 'proposed.'): Promise<void> {
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, content.departmentId)));
  if (!department) throw invalid(`${pathPrefix}departmentId`, '所管部署が見つかりません');
  if (content.accessHolderIds.length === 0) return;
  const rows = await tx
    .select({ id: people.id, name: people.name, leftOn: people.leftOn })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, content.accessHolderIds)));
  if (rows.length !== content.accessHolderIds.length) throw invalid(`${pathPrefix}accessHolderIds`, 'アクセス権を有する者に、この組織の従業者でない人が含まれています');
  const left = rows.filter((p) => p.leftOn && p.leftOn <= today);
  if (left.length > 0) {
    throw invalid(`${pathPrefix}accessHolderIds`, `退職した従業者（${left.map((p) => p.name).join('・')}）はアクセス権を有する者に指定できません（J.9.2 c) 7) ③）`);
  }
}

/**
 * Refuses a content whose findings include errors (J.3.1.1 3 items missing, 要配慮 without its
 * ground, …): 422 with every error on its field, each message citing the clause.
 */
export function assertNoRuleErrors(content: EntryContent, names: EntryNames, pathPrefix = 'proposed.'): void {
  const errors = entryFindings(content, names).filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new HttpError(
    422,
    `台帳の記載に不足・誤りがあります（${errors.length}件）: ${errors.map((e) => e.message).join(' / ')}`,
    'inventory_rules',
    errors.map((e) => ({ path: `${pathPrefix}${e.path}`, message: e.message })),
  );
}

// ---- reading ----

export async function getEntryRow(tx: Tx, organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<EntryRow> {
  const query = tx
    .select()
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('台帳の項目');
  return row;
}

/**
 * The values a 台帳 list query takes. A one-off query (the exports) writes them in as parameters;
 * the list prepares its query once per shape and passes them as placeholders (runPrepared).
 */
type ListValues = {
  organizationId: string;
  status: 'active' | 'disposed' | null;
  departmentId: string | null;
  riskStatus: RiskStatusCode | null;
  today: string;
  pattern: string | null;
  limit: number;
  offset: number;
};
type Bind = BindValues<ListValues>;
const inline = inlineValues<ListValues>();
const placeholder = placeholders<ListValues>();

/**
 * The filter of the 台帳 list; the same conditions serve the list, the exports and the bench.
 * Text search folds the query like the stored search column (NFKC, lower case) and matches it
 * anywhere — Japanese needs no word boundaries — through the pg_trgm GIN index.
 * `options.bind` turns the values into placeholders for a prepared list query; the conditions
 * present (the query's shape) decide the SQL text either way.
 */
export function entriesFilter(organizationId: string, query: Omit<EntriesQuery, 'page' | 'pageSize' | 'sort'>, today: string, options: { text?: boolean; bind?: Bind } = {}): SQL {
  const e = inventoryEntries;
  const bind = options.bind ?? inline;
  const conditions: (SQL | undefined)[] = [eq(e.organizationId, bind('organizationId', organizationId))];
  if (query.status !== 'all') conditions.push(eq(e.status, bind('status', query.status)));
  if (query.departmentId) conditions.push(eq(e.departmentId, bind('departmentId', query.departmentId)));
  for (const flagName of query.flags ?? []) {
    switch (flagName) {
      case 'sensitive':
        conditions.push(eq(e.sensitive, true));
        break;
      case 'myNumber':
        conditions.push(eq(e.myNumber, true));
        break;
      case 'retainedPersonalData':
        conditions.push(eq(e.retainedPersonalData, true));
        break;
      case 'entrusted':
        conditions.push(eq(e.entrusted, true));
        break;
      case 'thirdPartyProvision':
        conditions.push(eq(e.thirdPartyProvision, true));
        break;
      case 'overseas':
        conditions.push(eq(e.overseas, true));
        break;
      case 'processed':
        conditions.push(ne(e.processedKind, 'none'));
        break;
      case 'disposalDue': {
        const day = bind('today', today);
        conditions.push(and(isNull(e.disposedAt), or(lt(e.useUntilDate, day), lt(e.retainUntilDate, day))));
        break;
      }
    }
  }
  // 紙 / 電子 include entries kept on both.
  if (query.media === 'paper') conditions.push(inArray(e.storageMedia, ['paper', 'both']));
  if (query.media === 'electronic') conditions.push(inArray(e.storageMedia, ['electronic', 'both']));
  if (query.media === 'both') conditions.push(eq(e.storageMedia, 'both'));
  if (query.riskStatus) conditions.push(eq(e.riskStatus, bind('riskStatus', query.riskStatus)));
  const q = query.q ? normalizeSearchText(query.q) : '';
  // `options.text === false`: the caller reads from searchRows() itself (the list does).
  if (q && options.text !== false) conditions.push(sql`${e.id} in (select id from ${searchRows(organizationId, query, q, bind)})`);
  return and(...conditions) as SQL;
}

/**
 * The entries whose folded text contains `q` (already folded) — their filter and sort columns,
 * under the names of inventory_entries — from mamori_inventory_search (migrations 0005/0008/0010),
 * where the GIN index (department + trigrams) can serve the match:
 * under row-level security a non-leakproof LIKE / ILIKE may not be an index condition and a
 * search of 100,000 entries was a sequential scan. Column and pattern are both folded, so the
 * function's LIKE is case-insensitive. The function answers only inside the caller's tenant; RLS
 * and the organization filter of entriesFilter still scope the rows themselves.
 */
function searchRows(organizationId: string, query: Pick<EntriesQuery, 'departmentId' | 'status'>, q: string, bind: Bind = inline): SQL {
  const department = bind('departmentId', query.departmentId ?? null);
  const status = bind('status', query.status === 'all' ? null : query.status);
  return sql`mamori_inventory_search(${bind('organizationId', organizationId)}::uuid, ${bind('pattern', containsPattern(q))}, ${department}::uuid, ${status}::text)`;
}

function listOrder(sort: EntriesQuery['sort']) {
  const e = inventoryEntries;
  if (sort === 'updated') return [desc(e.updatedAt), asc(e.id)];
  if (sort === 'department') return [asc(departments.sortOrder), asc(departments.name), asc(e.name), asc(e.id)];
  return [asc(e.name), asc(e.id)];
}

/** The list's columns: what the table shows (the content stays on the detail). */
function listColumns() {
  const e = inventoryEntries;
  return {
    id: e.id,
    name: e.name,
    departmentId: e.departmentId,
    departmentName: departments.name,
    revision: e.revision,
    status: e.status,
    storageMedia: e.storageMedia,
    sensitive: e.sensitive,
    myNumber: e.myNumber,
    retainedPersonalData: e.retainedPersonalData,
    entrusted: e.entrusted,
    thirdPartyProvision: e.thirdPartyProvision,
    overseas: e.overseas,
    processedKind: e.processedKind,
    recordCount: e.recordCount,
    useUntilDate: e.useUntilDate,
    retainUntilDate: e.retainUntilDate,
    disposedAt: e.disposedAt,
    riskStatus: e.riskStatus,
    updatedAt: e.updatedAt,
    items: sql<string[]>`coalesce(${e.data} -> 'items', '[]'::jsonb)`,
    purpose: sql<string | null>`${e.data} ->> 'purpose'`,
    retainUntilText: sql<string | null>`${e.data} -> 'retainUntil' ->> 'description'`,
    approximate: sql<boolean>`coalesce((${e.data} -> 'recordCount' ->> 'approximate')::boolean, false)`,
  };
}

/** The list's rows joined with their department. */
export function selectEntryListRows(tx: Tx) {
  return tx.select(listColumns()).from(inventoryEntries).innerJoin(departments, eq(departments.id, inventoryEntries.departmentId));
}
export type EntryListRow = Awaited<ReturnType<ReturnType<typeof selectEntryListRows>['where']>>[number];

/**
 * What decides the SQL text of a list query (its shape): the filters present and the sort order,
 * never their values. Flags keep their order (the conditions follow it).
 */
function listShape(query: EntriesQuery, search: boolean): string {
  return JSON.stringify([search, query.sort, query.status === 'all', Boolean(query.departmentId), query.flags ?? [], query.media ?? null, Boolean(query.riskStatus)]);
}

/** The search list's queries, built with placeholders: the page with the total, and the total alone. */
function searchListQueries(tx: Tx, query: EntriesQuery) {
  // The search reads each match once: its rows come from the search itself, are filtered and
  // reduced to their sort keys (the CTE, which also gives the total), and only the page's rows
  // are read again for their columns.
  const e = inventoryEntries;
  // Built with placeholders: the values given here ('') are never used.
  const search = searchRows('', query, '', placeholder);
  const where = entriesFilter('', query, '', { text: false, bind: placeholder });
  const matches = tx
    .$with('matches', {
      id: e.id,
      name: e.name,
      updatedAt: e.updatedAt,
      departmentOrder: departments.sortOrder,
      departmentName: sql<string>`department_name`.as('department_name'),
    })
    .as(
      // The department's order and name are looked up per match only when the list is sorted by them.
      query.sort === 'department'
        ? sql`select ${e.id}, ${e.name}, ${e.updatedAt}, ${departments.sortOrder}, ${departments.name} as department_name
            from ${search} as ${e} join ${departments} on ${departments.id} = ${e.departmentId}
            where ${where}`
        : sql`select ${e.id}, ${e.name}, ${e.updatedAt}, 0 as sort_order, '' as department_name
            from ${search} as ${e}
            where ${where}`,
    );
  const matchOrder =
    query.sort === 'updated'
      ? [desc(matches.updatedAt), asc(matches.id)]
      : query.sort === 'department'
        ? [asc(matches.departmentOrder), asc(matches.departmentName), asc(matches.name), asc(matches.id)]
        : [asc(matches.name), asc(matches.id)];
  const pageIds = tx
    .select({ id: matches.id })
    .from(matches)
    .orderBy(...matchOrder)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'));
  return {
    page: tx
      .with(matches)
      .select({ ...listColumns(), total: sql<number>`(select count(*) from ${matches})::int` })
      .from(e)
      .innerJoin(departments, eq(departments.id, e.departmentId))
      .where(and(eq(e.organizationId, sql.placeholder('organizationId')), inArray(e.id, pageIds)))
      .orderBy(...listOrder(query.sort)),
    total: tx.with(matches).select({ n: count() }).from(matches),
  };
}

/** The plain list's queries, built with placeholders: the page, and the total. */
function plainListQueries(tx: Tx, query: EntriesQuery) {
  // Built with placeholders: the values given here ('') are never used.
  const where = entriesFilter('', query, '', { bind: placeholder });
  return {
    page: selectEntryListRows(tx)
      .where(where)
      .orderBy(...listOrder(query.sort))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
    total: tx.select({ n: count() }).from(inventoryEntries).where(where),
  };
}

/**
 * 台帳一覧: one page and the total. Without a search the page follows the (organization,
 * department, name) index and the total is an index-only count. With a search, the matching
 * rows are read once (the search returns them), filtered and kept as sort keys in a CTE that
 * serves both the page and the total: checking each candidate against the text and reading it is
 * the expensive part of a broad search (bench/inventory.ts). Each query is prepared once per
 * database handle and shape (runPrepared) and run with this request's values.
 */
export async function listEntries(tx: Tx, organizationId: string, query: EntriesQuery, today: string) {
  const offset = (query.page - 1) * query.pageSize;
  const page = { page: query.page, pageSize: query.pageSize };
  const q = query.q ? normalizeSearchText(query.q) : '';
  const values: ListValues = {
    organizationId,
    status: query.status === 'all' ? null : query.status,
    departmentId: query.departmentId ?? null,
    riskStatus: query.riskStatus ?? null,
    today,
    pattern: q ? containsPattern(q) : null,
    limit: query.pageSize,
    offset,
  };
  const shape = listShape(query, q !== '');
  if (q) {
    const rows = await runPrepared(tx, `inventory.search.page ${shape}`, () => searchListQueries(tx, query).page, values);
    const items = rows.map(({ total: _total, ...row }) => row);
    if (rows[0]) return { items, total: rows[0].total, ...page };
    if (offset === 0) return { items, total: 0, ...page };
    const [total] = await runPrepared(tx, `inventory.search.total ${shape}`, () => searchListQueries(tx, query).total, values);
    return { items, total: total?.n ?? 0, ...page };
  }
  const items = await runPrepared(tx, `inventory.list.page ${shape}`, () => plainListQueries(tx, query).page, values);
  const [total] = await runPrepared(tx, `inventory.list.total ${shape}`, () => plainListQueries(tx, query).total, values);
  return { items, total: total?.n ?? 0, ...page };
}

/** Counts per risk status and flag of the active entries (the list's summary tags). */
export async function entrySummary(tx: Tx, organizationId: string, today: string) {
  const e = inventoryEntries;
  const [row] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      unanalysed: sql<number>`count(*) filter (where ${e.riskStatus} = 'unanalysed')::int`,
      needsReview: sql<number>`count(*) filter (where ${e.riskStatus} = 'needs_review')::int`,
      sensitive: sql<number>`count(*) filter (where ${e.sensitive})::int`,
      disposalDue: sql<number>`count(*) filter (where ${e.disposedAt} is null and (${e.useUntilDate} < ${today} or ${e.retainUntilDate} < ${today}))::int`,
    })
    .from(e)
    .where(and(eq(e.organizationId, organizationId), eq(e.status, 'active')));
  return row ?? { total: 0, unanalysed: 0, needsReview: 0, sensitive: 0, disposalDue: 0 };
}

/** One entry with everything its screen shows: findings, duties, disposal, analyses, history, open requests. */
export async function getEntryDetail(tx: Tx, organizationId: string, id: string, today: string) {
  const row = await getEntryRow(tx, organizationId, id);
  const names = await namesFor(tx, organizationId, [row.data]);
  const entryNames = names.of(row.data);
  const engine = toEngineEntry(row.id, row.revision, row.data, entryNames);
  const assessments = await tx
    .select({
      id: riskAssessments.id,
      category: riskAssessments.category,
      status: riskAssessments.status,
      entryRevision: riskAssessmentEntries.entryRevision,
      approvedAt: riskAssessments.approvedAt,
    })
    .from(riskAssessmentEntries)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskAssessmentEntries.assessmentId))
    .where(and(eq(riskAssessmentEntries.organizationId, organizationId), eq(riskAssessmentEntries.entryId, id)))
    .orderBy(desc(riskAssessments.updatedAt));
  const openRequests = await tx
    .select({ id: inventoryRequests.id, kind: inventoryRequests.kind, status: inventoryRequests.status, createdAt: inventoryRequests.createdAt })
    .from(inventoryRequests)
    .where(and(eq(inventoryRequests.organizationId, organizationId), eq(inventoryRequests.entryId, id), inArray(inventoryRequests.status, ['draft', 'pending', 'returned'])));
  return {
    row,
    departmentName: entryNames.departmentName ?? '',
    accessHolders: row.data.accessHolderIds.map((pid) => ({ id: pid, name: names.personNames.get(pid) ?? '' })),
    findings: entryFindings(row.data, entryNames),
    duties: entryDuties(row.data, entryNames),
    disposal: disposalDue(engine, today),
    assessments,
    openRequests,
    history: await listHistory(tx, organizationId, id),
  };
}

/** 台帳の履歴: every version, newest first — who asked, who approved, what changed, which request. */
export async function listHistory(tx: Tx, organizationId: string, entryId: string) {
  const requester = alias(people, 'requester');
  const approver = alias(people, 'approver');
  return tx
    .select({
      id: inventoryEntryHistory.id,
      revision: inventoryEntryHistory.revision,
      kind: inventoryEntryHistory.kind,
      summary: inventoryEntryHistory.summary,
      changes: inventoryEntryHistory.changes,
      requestId: inventoryEntryHistory.requestId,
      requestKind: inventoryRequests.kind,
      importId: inventoryEntryHistory.importId,
      requestedByName: requester.name,
      actorName: approver.name,
      createdAt: inventoryEntryHistory.createdAt,
    })
    .from(inventoryEntryHistory)
    .leftJoin(inventoryRequests, eq(inventoryRequests.id, inventoryEntryHistory.requestId))
    .leftJoin(requester, eq(requester.id, inventoryEntryHistory.requestedByPersonId))
    .leftJoin(approver, eq(approver.id, inventoryEntryHistory.actorPersonId))
    .where(and(eq(inventoryEntryHistory.organizationId, organizationId), eq(inventoryEntryHistory.entryId, entryId)))
    .orderBy(desc(inventoryEntryHistory.revision), desc(inventoryEntryHistory.createdAt));
}

// ---- writing (approved requests, imports) ----

type WriteContext = {
  organizationId: string;
  /** Who made it happen: the final approver, or the importer. */
  actorPersonId: string | null;
  /** Who asked for it (the requester). */
  requestedByPersonId: string | null;
  requestId?: string | null;
  importId?: string | null;
  today: string;
  now: Date;
};

/** Creates an entry (revision 1) with its first history row, its risk-analysis task and, when a 期限 has passed, its disposal task. */
export async function createEntry(
  tx: Tx,
  content: EntryContent,
  names: EntryNames,
  context: WriteContext & { kind: Extract<HistoryKind, 'created' | 'imported'>; summary: string; riskTask?: boolean },
): Promise<EntryRow> {
  const [row] = await tx
    .insert(inventoryEntries)
    .values({ organizationId: context.organizationId, revision: 1, data: content, ...derivedColumns(content, names), createdAt: context.now, updatedAt: context.now })
    .returning();
  if (!row) throw new Error('inventory entry insert returned nothing');
  await tx.insert(inventoryEntryHistory).values({
    organizationId: context.organizationId,
    entryId: row.id,
    revision: 1,
    kind: context.kind,
    requestId: context.requestId ?? null,
    importId: context.importId ?? null,
    requestedByPersonId: context.requestedByPersonId,
    actorPersonId: context.actorPersonId,
    summary: context.summary,
    changes: [],
    data: content,
    createdAt: context.now,
  });
  if (context.riskTask !== false) await ensureRiskAnalysisTask(tx, row, 'new', context.today);
  await ensureDisposalTask(tx, row, names, context.today);
  return row;
}

/**
 * Applies a change to an entry: a new revision with its history row (the changed fields, who,
 * which request). A change of handling asks for the risk analysis again (J.3.1.3 「取り扱い方法に
 * 変更が生じた場合には、随時見直しを行う」): the entry's status moves to 要見直し and a task opens.
 */
export async function changeEntry(tx: Tx, row: EntryRow, content: EntryContent, context: WriteContext & { summary: string }): Promise<EntryRow> {
  const names = await namesFor(tx, context.organizationId, [row.data, content]);
  const changes = contentChanges(row.data, names.of(row.data), content, names.of(content));
  const disposing = !row.disposedAt && !!content.disposedAt;
  const [updated] = await tx
    .update(inventoryEntries)
    .set({ revision: row.revision + 1, data: content, ...derivedColumns(content, names.of(content)), updatedAt: context.now })
    .where(and(eq(inventoryEntries.organizationId, context.organizationId), eq(inventoryEntries.id, row.id)))
    .returning();
  if (!updated) throw notFound('台帳の項目');
  await tx.insert(inventoryEntryHistory).values({
    organizationId: context.organizationId,
    entryId: row.id,
    revision: updated.revision,
    kind: disposing ? 'disposed' : 'changed',
    requestId: context.requestId ?? null,
    importId: context.importId ?? null,
    requestedByPersonId: context.requestedByPersonId,
    actorPersonId: context.actorPersonId,
    summary: context.summary,
    changes,
    data: content,
    createdAt: context.now,
  });
  // Name, department, count, notice refs and the disposal date are not changes of handling
  // (reviewDiff's nonHandlingFields); anything else is.
  const nonHandling = new Set(['name', 'departmentId', 'recordCount', 'noticeRefs', 'disposedAt']);
  if (!disposing && changes.some((c) => !nonHandling.has(c.field))) await ensureRiskAnalysisTask(tx, updated, 'changed', context.today);
  // The disposal recorded is the evidence of the open disposal task.
  if (disposing) {
    await completeTasks(
      tx,
      context.organizationId,
      { sourceType: 'inventory_disposal', sourceIds: [row.id] },
      {
        url: context.requestId ? `/inventory/requests/${context.requestId}` : `/inventory/entries/${row.id}`,
        note: `廃棄日 ${content.disposedAt} を記録しました`,
        now: context.now,
      },
    );
  }
  await refreshRiskStatus(tx, context.organizationId, [row.id]);
  await ensureDisposalTask(tx, updated, names.of(content), context.today);
  return updated;
}

/**
 * SPEC M2: 「A new or changed inventory entry creates a task to analyse its risks」 — owned by the
 * department's 所属長 (J.3.1.3 j): 各所属長は…リスク分析を行い), due in 30 days, one per revision.
 */
export async function ensureRiskAnalysisTask(
  tx: Tx,
  row: Pick<EntryRow, 'id' | 'organizationId' | 'name' | 'revision' | 'departmentId'>,
  reason: 'new' | 'changed' | 'imported',
  today: string,
): Promise<void> {
  const why = reason === 'new' ? '新規取得' : reason === 'changed' ? '取扱いの変更' : '台帳の取込';
  await ensureTask(
    tx,
    row.organizationId,
    {
      generationKey: `risk-analysis:${row.id}:r${row.revision}`,
      title: `リスク分析: ${row.name}（${why}）`,
      description: `個人情報管理台帳の「${row.name}」（版${row.revision}）のリスクを局面（取得・入力、移送・送信、利用・加工、保管・バックアップ、消去・廃棄）ごとに分析し、リスク分析対策表を作成して承認を受けてください（J.3.1.3 j)、${roleLabels.department_head.ja} → ${roleLabels.pms_manager.ja} → ${roleLabels.top_management.ja}）。`,
      ownerRole: 'department_head',
      departmentId: row.departmentId,
      startsOn: today,
      dueOn: addCalendarDays(today, 30),
      sourceType: 'risk_analysis',
      sourceId: row.id,
    },
    today,
  );
}

/**
 * 利用期限・保管期限の経過 → 消去・廃棄タスク (SPEC M1, the engine's `disposalDue`): owned by the
 * 所属長, starting the day after the 期限, due 30 days later, once per 期限.
 */
export async function ensureDisposalTask(tx: Tx, row: EntryRow, names: EntryNames, today: string): Promise<boolean> {
  if (row.status !== 'active') return false;
  const due = disposalDue(toEngineEntry(row.id, row.revision, row.data, names), today);
  if (!due) return false;
  const kinds = due.reasons.map((r) => (r.kind === 'retention_period_ended' ? 'retain' : 'use')).join('+');
  const description = [
    ...due.reasons.map((r) => `${r.label}（${r.date}）: ${r.quote}（${r.clause}）`),
    due.keepUntil ? `保管期限（${due.keepUntil}）までは保管を続けることができます。` : '',
    '方法:',
    ...due.task.methods.map((m) => `・${m.text}（${m.clause}）`),
    '廃棄したら「個人情報取扱変更等申請書」で廃棄日を記録してください。',
  ]
    .filter(Boolean)
    .join('\n');
  const created = await ensureTask(
    tx,
    row.organizationId,
    {
      generationKey: `inventory-disposal:${row.id}:${kinds}:${due.dueSince}`,
      title: due.task.title,
      description,
      ownerRole: due.task.ownerRole,
      departmentId: row.departmentId,
      startsOn: due.dueSince,
      dueOn: addCalendarDays(due.dueSince > today ? due.dueSince : today, 30),
      sourceType: 'inventory_disposal',
      sourceId: row.id,
    },
    today,
  );
  return created !== null;
}

/** The daily check: a disposal task for every active entry whose 利用期限 or 保管期限 has passed (idempotent). */
export async function createDueDisposalTasks(tx: Tx, organizationId: string, today: string): Promise<number> {
  const rows = await tx
    .select()
    .from(inventoryEntries)
    .where(
      and(
        eq(inventoryEntries.organizationId, organizationId),
        eq(inventoryEntries.status, 'active'),
        or(lt(inventoryEntries.useUntilDate, today), lt(inventoryEntries.retainUntilDate, today)),
      ),
    );
  if (rows.length === 0) return 0;
  const names = await namesFor(
    tx,
    organizationId,
    rows.map((r) => r.data),
  );
  let created = 0;
  for (const row of rows) if (await ensureDisposalTask(tx, row, names.of(row.data), today)) created++;
  return created;
}

/** The actor as the approvals engine sees them. */
export function approvalActorOf(actor: Actor): ApprovalActor {
  return { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId };
}

/** Refuses an actor who does not keep the department's 台帳 (403 with the reason). */
export function assertKeeps(actor: Actor, departmentId: string, what = 'この所属の台帳'): void {
  if (!keepsDepartment(actor, departmentId)) throw forbidden(`${what}を申請・変更できるのは、その所属の所属長・個人情報取扱責任者等と個人情報保護管理者です`);
}
