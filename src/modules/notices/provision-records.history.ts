import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { changedColumns, columnLabel } from '../../platform/audit/auditLog.presenter.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { decryptField } from '../../platform/config/fieldCrypto.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { people } from '../../platform/org/org.tables.ts';
import { provisionRecords } from './notices.tables.ts';
import type { provisionRecordHistoryItemResponse } from './provision-records.schema.ts';

// 記録の履歴: how a 第三者提供記録 / 確認記録 came to read as it does — made, corrected, a further
// provision, disposed — read from the audit trail, whose row trigger records every write of
// `provision_records` with its before/after images in the same transaction (SPEC §3). The trail is
// the one source: a correction cannot skip it, and nothing else keeps a second copy of the values.

type HistoryItem = z.output<typeof provisionRecordHistoryItemResponse>;
type Change = HistoryItem['changes'][number];
type Image = Record<string, unknown>;

const entityType = 'provision_records';

/** The record's columns in the table's order: database name → the field the record's response names it by. */
const columns = Object.entries(getTableColumns(provisionRecords)).map(([field, column]) => [column.name, field] as const);
const fieldOfColumn: ReadonlyMap<string, string> = new Map(columns);
/** A column's place in the table (the audit images are jsonb, whose keys come in no useful order). */
const orderOfColumn: ReadonlyMap<string, number> = new Map(columns.map(([name], i) => [name, i]));

/** Columns that say nothing to the reader of a record's history (the rule set's id is shown as its basis on the record). */
const unshown = new Set(['id', 'organization_id', 'created_at', 'updated_at', 'retention_rules_version']);

const isImage = (v: unknown): v is Image => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value as the history shows it: the 本人を特定するに足りる事項 decrypted (the reader may read the record). */
function shownValue(column: string, value: unknown): Change['before'] {
  if (value === null || value === undefined) return null;
  if (column.endsWith('_enc') && typeof value === 'string') return decryptField(value);
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** What one write changed, column by column in the table's order, with the columns' Japanese names. */
function changesOf(before: Image, after: Image): Change[] {
  return changedColumns(before, after)
    .filter((column) => !unshown.has(column))
    .sort((a, b) => (orderOfColumn.get(a) ?? Number.MAX_SAFE_INTEGER) - (orderOfColumn.get(b) ?? Number.MAX_SAFE_INTEGER))
    .map((column) => ({
      field: fieldOfColumn.get(column) ?? column,
      label: columnLabel(entityType, column),
      before: shownValue(column, before[column]),
      after: shownValue(column, after[column]),
    }));
}

/** 作成・変更・廃棄: a write that records the disposal is the 廃棄; any other update is a 変更. */
function actionOf(action: string, before: unknown, after: unknown): Pick<HistoryItem, 'action' | 'actionLabel'> {
  if (action === 'insert') return { action: 'created', actionLabel: '作成' };
  if (isImage(before) && isImage(after) && before.disposed_on === null && after.disposed_on !== null) return { action: 'disposed', actionLabel: '廃棄の記録' };
  return { action: 'changed', actionLabel: '変更' };
}

/**
 * The history of one record, oldest first: who made it and when, then every change with its
 * before → after. Read inside the caller's tenant transaction (the audit trail is tenant-scoped).
 */
export async function provisionRecordHistory(tx: Tx, organizationId: string, id: string): Promise<HistoryItem[]> {
  const rows = await tx
    .select({ action: auditLog.action, at: auditLog.createdAt, before: auditLog.before, after: auditLog.after, actorName: people.name })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, id), inArray(auditLog.action, ['insert', 'update'])))
    .orderBy(asc(auditLog.chainSeq));
  return rows.flatMap((row) => {
    const changes = row.action === 'update' && isImage(row.before) && isImage(row.after) ? changesOf(row.before, row.after) : [];
    if (row.action === 'update' && changes.length === 0) return [];
    return [{ ...actionOf(row.action, row.before, row.after), at: row.at.toISOString(), actorName: row.actorName ?? null, changes }];
  });
}
