import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { containsPattern } from '../../platform/db/likePattern.ts';
import { type Bind as BindValues, inlineValues, placeholders, runPrepared } from '../../platform/db/preparedQueries.ts';
import { notFound } from '../../platform/http/errors.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { normalizeSearchText } from './inventory.content.shared.ts';
import type { EntriesQuery, RiskStatusCode } from './inventory.schema.ts';
import { inventoryEntries } from './inventory.tables.ts';

// Reading the 個人情報管理台帳 (SPEC M1): one entry, the list (filters, Japanese search, pages),
// and its counts. Every query filters by organization_id besides row-level security (two walls).

export type EntryRow = typeof inventoryEntries.$inferSelect;

/** One entry of the organization (404 otherwise); `forUpdate` locks it for a change. */
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
    departmentName: sql<string>`coalesce(${departments.name}, '')`,
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
  // A left join, though every entry has its 所属 (department_id is required): under row-level
  // security the 所属 table carries `organization_id = …`, and PostgreSQL, not knowing that an
  // organization's entries name only its own 所属, cut the estimate of an inner join by the number
  // of organizations — at 100,000 entries in 10 organizations it then sorted the whole
  // organization for every page (bench/scale.ts, issue 11). A left join keeps every entry in the
  // estimate, and the (organization, name) index is walked for the page.
  return tx.select(listColumns()).from(inventoryEntries).leftJoin(departments, eq(departments.id, inventoryEntries.departmentId));
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
