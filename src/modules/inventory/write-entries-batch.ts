import type { Tx } from '../../platform/db/connection.ts';
import { ensureDisposalTask } from './entry-tasks.ts';
import { derivedColumns, type EntryNames } from './inventory.content.shared.ts';
import type { EntryRow } from './inventory.queries.ts';
import type { EntryContent } from './inventory.schema.ts';
import { type ImportExtra, inventoryEntries, inventoryEntryHistory } from './inventory.tables.ts';
import type { WriteContext } from './write-entry.ts';

// 台帳の取込 at scale (issue #12 Scale): the imported entries are written in batches — one
// multi-row INSERT of entries and one of their history rows per batch — instead of two INSERTs
// per row; the caller's transaction keeps the import all-or-nothing.

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters (≈20 columns a row). */
export const IMPORT_BATCH_ROWS = 500;

export type ImportedEntry = { content: EntryContent; names: EntryNames; summary: string; extras: ImportExtra[] | null };

/** What the caller needs of a written entry: not its content again (it has it), nor its search text. */
export type WrittenEntry = Pick<EntryRow, 'id' | 'organizationId' | 'departmentId' | 'name' | 'revision' | 'status'>;

/**
 * Creates the imported entries (revision 1, history kind `imported`) batch by batch, and each
 * entry's disposal task when a 期限 has already passed (J.3.4.3.4 廃棄; a query only for those
 * rows). The risk-analysis tasks are the caller's (one per department). `onBatch` hears the
 * number written so far (the progress of the commit). Each INSERT returns only the few columns
 * the caller needs, not a second copy of every row's content (issue #12 Scale: memory bounded).
 */
export async function createImportedEntries(tx: Tx, items: ImportedEntry[], context: WriteContext, onBatch?: (written: number) => void): Promise<WrittenEntry[]> {
  const created: WrittenEntry[] = [];
  for (let start = 0; start < items.length; start += IMPORT_BATCH_ROWS) {
    const batch = items.slice(start, start + IMPORT_BATCH_ROWS);
    const rows = await tx
      .insert(inventoryEntries)
      .values(
        batch.map((item) => ({
          organizationId: context.organizationId,
          revision: 1,
          data: item.content,
          ...derivedColumns(item.content, item.names),
          // 取込時の追加情報 (issue #12): the imported file's columns no field took.
          ...(item.extras?.length ? { importExtras: item.extras } : {}),
          createdAt: context.now,
          updatedAt: context.now,
        })),
      )
      .returning({
        id: inventoryEntries.id,
        organizationId: inventoryEntries.organizationId,
        departmentId: inventoryEntries.departmentId,
        name: inventoryEntries.name,
        revision: inventoryEntries.revision,
        status: inventoryEntries.status,
      });
    if (rows.length !== batch.length) throw new Error('inventory entry batch insert returned fewer rows');
    await tx.insert(inventoryEntryHistory).values(
      rows.map((row, i) => ({
        organizationId: context.organizationId,
        entryId: row.id,
        revision: 1,
        kind: 'imported' as const,
        requestId: null,
        importId: context.importId ?? null,
        requestedByPersonId: context.requestedByPersonId,
        actorPersonId: context.actorPersonId,
        summary: batch[i]?.summary ?? '',
        changes: [],
        data: (batch[i] as ImportedEntry).content,
        createdAt: context.now,
      })),
    );
    for (const [i, row] of rows.entries()) {
      const item = batch[i] as ImportedEntry;
      await ensureDisposalTask(tx, { ...row, data: item.content }, item.names, context.today);
    }
    created.push(...rows);
    onBatch?.(created.length);
  }
  return created;
}
