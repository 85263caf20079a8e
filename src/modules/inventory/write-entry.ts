import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { notFound } from '../../platform/http/errors.ts';
import { completeTasks } from '../../platform/tasks/moduleTasks.ts';
import { refreshRiskStatus } from '../risk/risk.exports.ts';
import { ensureDisposalTask, ensureRiskAnalysisTask } from './entry-tasks.ts';
import { namesFor } from './entry-references.ts';
import { contentChanges, derivedColumns, type EntryNames } from './inventory.content.shared.ts';
import type { EntryRow } from './inventory.queries.ts';
import type { EntryContent } from './inventory.schema.ts';
import { type HistoryKind, type ImportExtra, inventoryEntries, inventoryEntryHistory } from './inventory.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// Writing the 台帳: entries are created and changed only here — by an approved 申請書
// (inventory.requests.ts) or an import (import-ledger.ts) — each version with its history row
// (who asked, who made it happen, what changed, through which request or import).

export type WriteContext = {
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
  context: WriteContext & { kind: Extract<HistoryKind, 'created' | 'imported'>; summary: string; riskTask?: boolean; importExtras?: ImportExtra[] | null },
): Promise<EntryRow> {
  const [row] = await tx
    .insert(inventoryEntries)
    .values({
      organizationId: context.organizationId,
      revision: 1,
      data: content,
      ...derivedColumns(content, names),
      // 取込時の追加情報 (issue #12): the imported file's columns no field took.
      ...(context.importExtras?.length ? { importExtras: context.importExtras } : {}),
      createdAt: context.now,
      updatedAt: context.now,
    })
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
        note: `廃棄日 ${displayDate(content.disposedAt ?? '')} を記録しました`,
        now: context.now,
      },
    );
  }
  await refreshRiskStatus(tx, context.organizationId, [row.id]);
  await ensureDisposalTask(tx, updated, names.of(content), context.today);
  return updated;
}
