import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { inventoryEntries } from './inventory.tables.ts';

// The public face of M1 個人情報管理台帳 for other modules (the notices show the 台帳 entries that
// rely on each of their versions). It imports nothing of theirs, so no import cycle runs through it.

/** A 台帳 entry as another record shows its link, with the notice version it refers to. */
export type EntryNoticeRef = { entryId: string; name: string; versionId: string };

/** The organization's 台帳 entries (not disposed of) that refer to any of `versionIds` (`noticeVersionIds`). */
export async function entriesReferringToNoticeVersions(tx: Tx, organizationId: string, versionIds: readonly string[]): Promise<EntryNoticeRef[]> {
  if (versionIds.length === 0) return [];
  const wanted = sql`array[${sql.join(
    versionIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`;
  const rows = await tx
    .select({ entryId: inventoryEntries.id, name: inventoryEntries.name, refs: sql<string[] | null>`${inventoryEntries.data} -> 'noticeVersionIds'` })
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.status, 'active'), sql`(${inventoryEntries.data} -> 'noticeVersionIds') ?| ${wanted}`))
    .orderBy(inventoryEntries.name);
  const asked = new Set(versionIds);
  return rows.flatMap((r) => (r.refs ?? []).filter((id) => asked.has(id)).map((versionId) => ({ entryId: r.entryId, name: r.name, versionId })));
}
