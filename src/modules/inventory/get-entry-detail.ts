import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { disposalDue } from '../../rules/inventoryRules.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { noticeVersionSummaries } from '../notices/notices.api.ts';
import { assessmentsOfEntry } from '../risk/risk.exports.ts';
import { namesFor } from './entry-references.ts';
import { entryDuties, entryFindings, toEngineEntry } from './inventory.content.shared.ts';
import { keepsDepartment } from './inventory.keepers.ts';
import { getEntryRow } from './inventory.queries.ts';
import { inventoryEntryHistory, inventoryRequests } from './inventory.tables.ts';

// One 台帳 entry as its screen shows it, with its history and what the caller may do with it.

/** What the caller may do with an entry now (STYLE 4: the SPA shows its buttons from these). */
export type EntryAbilities = {
  /**
   * 個人情報取扱変更等申請書 (J.3.1.1 d), J.8.6): an entry still kept (not disposed of), by someone
   * who files 申請書 (`inventory.request`) and keeps its department (所属長 … or the PMS manager).
   */
  requestChange: boolean;
};

/** One entry with everything its screen shows: findings, duties, disposal, analyses, history, open requests, abilities. */
export async function getEntryDetail(tx: Tx, actor: Actor, id: string, today: string) {
  const organizationId = actor.organizationId;
  const row = await getEntryRow(tx, organizationId, id);
  const names = await namesFor(tx, organizationId, [row.data]);
  const entryNames = names.of(row.data);
  const engine = toEngineEntry(row.id, row.revision, row.data, entryNames);
  const assessments = await assessmentsOfEntry(tx, organizationId, id);
  const openRequests = await tx
    .select({ id: inventoryRequests.id, kind: inventoryRequests.kind, status: inventoryRequests.status, createdAt: inventoryRequests.createdAt })
    .from(inventoryRequests)
    .where(and(eq(inventoryRequests.organizationId, organizationId), eq(inventoryRequests.entryId, id), inArray(inventoryRequests.status, ['draft', 'pending', 'returned'])));
  return {
    row,
    departmentName: entryNames.departmentName ?? '',
    accessHolders: row.data.accessHolderIds.map((pid) => ({ id: pid, name: names.personNames.get(pid) ?? '' })),
    noticeVersions: await noticeVersionSummaries(tx, organizationId, row.data.noticeVersionIds ?? []),
    findings: entryFindings(row.data, entryNames),
    duties: entryDuties(row.data, entryNames),
    disposal: disposalDue(engine, today),
    assessments,
    openRequests,
    history: await listHistory(tx, organizationId, id),
    abilities: {
      requestChange: row.status === 'active' && can(actor, 'inventory.request') && keepsDepartment(actor, row.departmentId),
    } satisfies EntryAbilities,
  };
}

export type EntryDetail = Awaited<ReturnType<typeof getEntryDetail>>;

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
