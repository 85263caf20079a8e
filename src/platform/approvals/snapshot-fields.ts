import { and, desc, eq, isNotNull, lt, ne, or } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { approvalRequests } from './approvals.tables.ts';
import type { ApprovalRequestRow, RegisteredRecordType, SnapshotField } from './registry.ts';
import { displayDate as shownDate } from '../../domain/dateDisplay.ts';

// 承認依頼の記載内容 (issue 10 「承認の詳細は読める日本語で」): each record type presents its
// snapshot as labelled lines (its `describeSnapshot`, in `<m>.snapshot.ts`), so an approver
// reads the record — never its JSON or internal keys — and, when the record was approved
// before, what changed since that approval. Also the small helpers the presenters share.

/** A snapshot value as text: a non-empty string, or null. */
export function snapshotText(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A snapshot value as a number, or null. */
export function snapshotNumber(data: Record<string, unknown>, key: string): number | null {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A snapshot value as a list of records (an array of objects), or []. */
export function snapshotRows(data: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

/** A snapshot value as a list of strings, or []. */
export function snapshotStrings(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** An ISO date or timestamp (2026-11-28…) as the app displays it (2026/11/28); other text as it is. */
export function displayDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return day ? shownDate(day) : value;
}

/** 「あり」/「なし」 for a flag; null when the snapshot has no such flag. */
export function yesNo(value: unknown): string | null {
  return typeof value === 'boolean' ? (value ? 'あり' : 'なし') : null;
}

/** Items joined as the 様式 print them (「氏名、住所」); null for none. */
export function joinList(values: readonly (string | null | undefined)[]): string | null {
  const kept = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return kept.length > 0 ? kept.join('、') : null;
}

/** Lines of 「見出し: 値」 for one row (a risk, a duty), skipping empty values; null when all are empty. */
export function labelledLines(lines: readonly (readonly [string, string | null | undefined])[]): string | null {
  const kept = lines.filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([label, v]) => `${label}: ${v}`);
  return kept.length > 0 ? kept.join('\n') : null;
}

/** What `describeSnapshot` may read to name what a snapshot holds as ids (所管部署, 従業者). */
export type SnapshotReader = { tx: Tx; organizationId: string; recordId: string };

/**
 * The record type's labelled lines of a snapshot. A record type that cannot describe a snapshot
 * (one taken by an older version of it) gives no lines; the screen then says so in Japanese
 * rather than showing the raw data.
 */
export async function describeRequestSnapshot(type: RegisteredRecordType | undefined, data: Record<string, unknown>, reader: SnapshotReader): Promise<SnapshotField[]> {
  if (!type) return [];
  try {
    return await type.describeSnapshot(data, reader);
  } catch {
    return [];
  }
}

/** One field that differs from the previous approved version. */
export type SnapshotChange = { key: string; label: string; before: string | null; after: string | null };

/** What changed since the record's previous approved version, and which version that is. */
export type SnapshotChanges = { basis: string; approvedAt: Date | null; fields: SnapshotChange[] };

/** The described fields that differ between two versions, in the order of the newer one (then fields only the older had). */
export function changedFields(before: readonly SnapshotField[], after: readonly SnapshotField[]): SnapshotChange[] {
  const old = new Map(before.map((f) => [f.key, f]));
  const changes: SnapshotChange[] = [];
  for (const f of after) {
    const was = old.get(f.key);
    if ((was?.value ?? null) !== f.value) changes.push({ key: f.key, label: f.label, before: was?.value ?? null, after: f.value });
    old.delete(f.key);
  }
  for (const f of old.values()) if (f.value !== null) changes.push({ key: f.key, label: f.label, before: f.value, after: null });
  return changes;
}

/** Whether a request was approved (an approved request a later change superseded keeps its decidedAt; one superseded while pending has none). */
const wasApproved = (r: ApprovalRequestRow) => r.status === 'approved' || (r.status === 'superseded' && r.decidedAt !== null);

/**
 * The record's approved request before this one: along the re-approval chain (previousRequestId,
 * require-reapproval.ts) first, else the latest approved request submitted earlier.
 */
async function previousApproved(tx: Tx, request: ApprovalRequestRow): Promise<ApprovalRequestRow | null> {
  const read = async (id: string) =>
    (
      await tx
        .select()
        .from(approvalRequests)
        .where(and(eq(approvalRequests.organizationId, request.organizationId), eq(approvalRequests.id, id)))
    )[0] ?? null;
  let id = request.previousRequestId;
  for (let hops = 0; id && hops < 50; hops += 1) {
    const earlier = await read(id);
    if (!earlier) break;
    if (wasApproved(earlier)) return earlier;
    id = earlier.previousRequestId;
  }
  const [earlier] = await tx
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.organizationId, request.organizationId),
        eq(approvalRequests.recordType, request.recordType),
        eq(approvalRequests.recordId, request.recordId),
        or(eq(approvalRequests.status, 'approved'), and(eq(approvalRequests.status, 'superseded'), isNotNull(approvalRequests.decidedAt))),
        ne(approvalRequests.id, request.id),
        lt(approvalRequests.submittedAt, request.submittedAt),
      ),
    )
    .orderBy(desc(approvalRequests.submittedAt))
    .limit(1);
  return earlier ?? null;
}

/**
 * 前回承認された版との違い: the same record's latest approved request before this one (a
 * re-approval after a change supersedes it, Principle 3), or — when the record type keeps its approved
 * version elsewhere (a 変更申請 changes a 台帳 entry) — the record type's `previousVersion`.
 * Null when the record was never approved before.
 */
export async function changesSincePreviousApproval(
  tx: Tx,
  type: RegisteredRecordType | undefined,
  request: ApprovalRequestRow,
  fields: readonly SnapshotField[],
): Promise<SnapshotChanges | null> {
  if (!type) return null;
  const reader: SnapshotReader = { tx, organizationId: request.organizationId, recordId: request.recordId };
  const previous = await previousApproved(tx, request);
  if (previous) {
    const before = await describeRequestSnapshot(type, previous.recordSnapshot, reader);
    return { basis: '前回承認された版', approvedAt: previous.decidedAt, fields: changedFields(before, fields) };
  }
  if (!type.previousVersion) return null;
  const version = await type.previousVersion(request.recordSnapshot, reader).catch(() => null);
  if (!version) return null;
  const before = await describeRequestSnapshot(type, version.data, reader);
  return { basis: version.label, approvedAt: null, fields: changedFields(before, fields) };
}
