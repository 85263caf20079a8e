import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { EntryContent, RiskStatusCode } from './inventory.schema.ts';
import { inventoryEntries } from './inventory.tables.ts';

// What other modules may use of the 個人情報管理台帳 (M1): the M2 リスク分析 reads the entries a
// 類型 groups (J.3.1.3 e)), proposes typical risks from their content, checks who keeps their
// department, and stores each entry's リスク分析の状態. Other modules import this file (or index.ts),
// never the 台帳's tables or services (tests/platform/boundaries.ts); this file may import the
// module's own internals. Every query filters by organization as well as row-level security.

/**
 * The 台帳 table, for a foreign key only: drizzle's `.references(() => inventoryEntries.id)` needs
 * the column object (risk_assessment_entries.entry_id). Query the entries through the functions
 * below.
 */
export { inventoryEntries };

export { toEngineEntry } from './inventory.content.shared.ts';
export { namesFor } from './entry-references.ts';
export { approvalActorOf, assertKeeps, departmentsKeptBy } from './inventory.keepers.ts';
export { riskStatusCodeLabels } from './inventory.labels.ts';
export type { EntryContent, RiskStatusCode };

/** An entry as another module shows it: name, department, current revision and states. */
export type EntrySummary = {
  id: string;
  name: string;
  departmentId: string;
  /** Incremented on every change; an analysis records the revision it covered (J.3.1.3 随時見直し). */
  revision: number;
  status: 'active' | 'disposed';
  riskStatus: RiskStatusCode;
};

const summaryColumns = {
  id: inventoryEntries.id,
  name: inventoryEntries.name,
  departmentId: inventoryEntries.departmentId,
  revision: inventoryEntries.revision,
  status: inventoryEntries.status,
  riskStatus: inventoryEntries.riskStatus,
};

/**
 * The organization's entries among `ids` (unknown ids and other organizations' entries are left
 * out, so a caller compares the lengths to refuse them), by name.
 *
 * @example
 *   const entries = await entrySummaries(tx, actor.organizationId, input.entryIds);
 *   if (entries.length !== input.entryIds.length) throw invalid('entryIds', '…');
 */
export async function entrySummaries(tx: Tx, organizationId: string, ids: readonly string[]): Promise<EntrySummary[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return tx
    .select(summaryColumns)
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), inArray(inventoryEntries.id, wanted)))
    .orderBy(inventoryEntries.name, inventoryEntries.id);
}

/** The active entries of a department, by name (the risk demo analyses the 営業部's customer registers). */
export async function activeEntriesOfDepartment(tx: Tx, organizationId: string, departmentId: string): Promise<EntrySummary[]> {
  return tx
    .select(summaryColumns)
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.departmentId, departmentId), eq(inventoryEntries.status, 'active')))
    .orderBy(inventoryEntries.name, inventoryEntries.id);
}

/** Every active entry of the organization, by name (an import reads a 委託先's 台帳 entries by their names). */
export async function activeEntriesOfOrganization(tx: Tx, organizationId: string): Promise<EntrySummary[]> {
  return tx
    .select(summaryColumns)
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.status, 'active')))
    .orderBy(inventoryEntries.name, inventoryEntries.id);
}

/** The entries among `ids` with their content (J.3.1.1 3 の項目), for the typical-risk proposals; by name. */
export async function entryContents(tx: Tx, organizationId: string, ids: readonly string[]): Promise<(EntrySummary & { data: EntryContent })[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return tx
    .select({ ...summaryColumns, data: inventoryEntries.data })
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), inArray(inventoryEntries.id, wanted)))
    .orderBy(inventoryEntries.name, inventoryEntries.id);
}

/**
 * Stores リスク分析の状態 on entries (the M2 module computes it with `riskStatusOfEntry`), so the
 * 台帳 list can filter on it. The caller passes only the entries whose status changed.
 */
export async function storeRiskStatuses(tx: Tx, organizationId: string, changes: readonly { id: string; riskStatus: RiskStatusCode }[]): Promise<void> {
  for (const change of changes) {
    await tx
      .update(inventoryEntries)
      .set({ riskStatus: change.riskStatus })
      .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.id, change.id)));
  }
}

/** An entry's holding period as another record reckons with it (a 委託先's contract documents, J.9.4 5). */
export type EntryHolding = {
  id: string;
  name: string;
  /** 保管期限 as a date (null: written as a period or not filled in). */
  retainUntilDate: string | null;
  /** 保管期限 as written, when it is not a date. */
  retainUntilText: string | null;
  /** 廃棄日, once disposed of. */
  disposedOn: string | null;
};

/** The 保管期限 of the organization's entries among `ids` (others left out), by name. */
export async function entryHoldings(tx: Tx, organizationId: string, ids: readonly string[]): Promise<EntryHolding[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return tx
    .select({
      id: inventoryEntries.id,
      name: inventoryEntries.name,
      retainUntilDate: inventoryEntries.retainUntilDate,
      retainUntilText: sql<string | null>`${inventoryEntries.data} -> 'retainUntil' ->> 'description'`,
      disposedOn: inventoryEntries.disposedAt,
    })
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), inArray(inventoryEntries.id, wanted)))
    .orderBy(inventoryEntries.name, inventoryEntries.id);
}
