import { and, asc, count, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { accounts } from '../auth/auth.tables.ts';
import type { Database, Tx } from '../db/connection.ts';
import { inOrg, type Scope } from '../db/tenancy.ts';
import { HttpError } from '../http/errors.ts';
import { people } from '../org/org.tables.ts';
import type { Actor } from '../policies/actor.ts';
import { auditLog } from './audit.tables.ts';
import type { AuditAnchor } from './auditAnchor.ts';
import { recordAuditEvent } from './auditEvents.ts';
import type { AuditLogFilter, AuditLogQuery } from './auditLog.schema.ts';
import { recordPersonalDataAccess } from './personalDataAccess.ts';
import { type VerifyResult, verifyAuditChain } from './verifyChain.ts';

// アクセス記録の閲覧・分析 (SPEC §3, Toshima 4-8-6 (3)). The log grows without bound (every
// write, read of personal data, login), so every query here is shaped for an index of
// audit.tables.ts and stays fast at a million rows per organization:
//
// - Each organization's chain numbers its rows 1, 2, 3 … without gaps (the chain trigger
//   assigns max + 1 under a lock and rows are never deleted), and the trigger stamps
//   `created_at` under the same lock, so time order IS chain order. With no filter but the
//   period, the total and any page are therefore index lookups on (organization_id, chain_seq)
//   and (organization_id, created_at) — page 5,000 costs what page 1 costs.
// - With other filters, rows come newest first from the index that leads with the filter
//   (actor: audit_log_actor_idx; entity: audit_log_entity_idx), and `cursor` gives keyset
//   paging for deep pages.

const JST = '+09:00';
/** 00:00 Japan time of a date, as an instant. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00${JST}`);
const startOfNextDay = (date: string) => new Date(startOfDay(date).getTime() + 24 * 60 * 60 * 1000);

/** A page of the log: its rows (auditLog.presenter.ts presents them) and the paging keys. */
export type AuditLogPage = {
  items: AuditLogRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Pass as `cursor` to get the next page (null on the last page). */
  nextCursor: number | null;
  /** The newest chainSeq when the first page was read; pass back as `snapshot` for stable pages. */
  snapshot: number;
};

const selection = {
  id: auditLog.id,
  chainSeq: auditLog.chainSeq,
  createdAt: auditLog.createdAt,
  actorAccountId: auditLog.actorAccountId,
  actorName: people.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  rowCount: auditLog.rowCount,
  before: auditLog.before,
  after: auditLog.after,
  meta: auditLog.meta,
};
/** One event with its actor's name, as read (auditLog.presenter.ts presents it). */
export type AuditLogRow = Awaited<ReturnType<typeof selectRows>>[number];

function isPeriodOnly(filter: AuditLogFilter): boolean {
  return !filter.actorAccountId && !filter.action && !filter.entityType && !filter.entityId;
}

/** Conditions of the filters (every one an index prefix or range of audit.tables.ts). */
function filterConditions(organizationId: string, filter: AuditLogFilter): SQL[] {
  const c: SQL[] = [eq(auditLog.organizationId, organizationId)];
  if (filter.actorAccountId) c.push(eq(auditLog.actorAccountId, filter.actorAccountId));
  if (filter.action) c.push(eq(auditLog.action, filter.action));
  if (filter.entityType) c.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) c.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) c.push(gte(auditLog.createdAt, startOfDay(filter.from)));
  if (filter.to) c.push(lt(auditLog.createdAt, startOfNextDay(filter.to)));
  return c;
}

/** Fetches rows with their actor's name, newest first. */
function selectRows(tx: Tx, where: SQL | undefined, limit: number, offset = 0) {
  return tx
    .select(selection)
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.chainSeq))
    .limit(limit)
    .offset(offset);
}

/** The chain numbers [low, high] of an organization's events within the period (null when none). */
async function seqRange(tx: Tx, organizationId: string, filter: AuditLogFilter, snapshot: number): Promise<{ low: number; high: number } | null> {
  const org = eq(auditLog.organizationId, organizationId);
  const [high] = filter.to
    ? await tx
        .select({ seq: auditLog.chainSeq })
        .from(auditLog)
        .where(and(org, lt(auditLog.createdAt, startOfNextDay(filter.to)), lte(auditLog.chainSeq, snapshot)))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.chainSeq))
        .limit(1)
    : [{ seq: snapshot }];
  const [low] = filter.from
    ? await tx
        .select({ seq: auditLog.chainSeq })
        .from(auditLog)
        .where(and(org, gte(auditLog.createdAt, startOfDay(filter.from))))
        .orderBy(asc(auditLog.createdAt), asc(auditLog.chainSeq))
        .limit(1)
    : [{ seq: 1 }];
  if (!high || !low || high.seq < 1 || low.seq > high.seq) return null;
  return { low: low.seq, high: high.seq };
}

async function newestSeq(tx: Tx, organizationId: string): Promise<number> {
  const [row] = await tx.select({ seq: auditLog.chainSeq }).from(auditLog).where(eq(auditLog.organizationId, organizationId)).orderBy(desc(auditLog.chainSeq)).limit(1);
  return row?.seq ?? 0;
}

/**
 * Lists an organization's audit events, newest first, with filters and paging (see the file
 * comment for how it stays fast). Reading the log is itself recorded (action `read`, entity
 * `audit_log`) with the filters used, after the query, so the read is not in its own result.
 */
export async function listAuditLog(tx: Tx, actor: Actor, query: AuditLogQuery): Promise<AuditLogPage> {
  const organizationId = actor.organizationId;
  const newest = await newestSeq(tx, organizationId);
  const snapshot = Math.min(query.snapshot ?? newest, newest);
  const { page, pageSize, cursor } = query;
  let items: AuditLogRow[];
  let total: number;

  if (isPeriodOnly(query)) {
    const range = await seqRange(tx, organizationId, query, snapshot);
    total = range ? range.high - range.low + 1 : 0;
    if (!range) items = [];
    else {
      // Chain numbers are dense, so a page is a range of them: no OFFSET scan.
      const top = cursor ? Math.min(cursor - 1, range.high) : range.high - (page - 1) * pageSize;
      const bottom = Math.max(range.low, top - pageSize + 1);
      items = top < bottom ? [] : await selectRows(tx, and(eq(auditLog.organizationId, organizationId), gte(auditLog.chainSeq, bottom), lte(auditLog.chainSeq, top)), pageSize);
    }
  } else {
    const conditions = filterConditions(organizationId, query);
    if (snapshot < newest) {
      // Bound by time rather than chain number: the filter's index then answers the count
      // by itself (index-only scan), without visiting a table row per match.
      // (A subquery keeps the database's microseconds, which a JavaScript Date would drop.)
      conditions.push(sql`${auditLog.createdAt} <= (select s.created_at from audit_log s where s.organization_id = ${organizationId} and s.chain_seq = ${snapshot})`);
    }
    const [counted] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(and(...conditions));
    total = counted?.n ?? 0;
    if (cursor) {
      // Keyset: strictly older than the cursor row. The time bound (one millisecond of slack,
      // since JavaScript dates drop microseconds) lets the filter's index do the seeking.
      const [at] = await tx
        .select({ createdAt: auditLog.createdAt })
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.chainSeq, cursor)));
      conditions.push(lt(auditLog.chainSeq, cursor));
      if (at) conditions.push(lt(auditLog.createdAt, new Date(at.createdAt.getTime() + 1)));
    }
    items = await selectRows(tx, and(...conditions), pageSize, cursor ? 0 : (page - 1) * pageSize);
  }

  const last = items[items.length - 1];
  const nextCursor = items.length === pageSize && last && last.chainSeq > 1 ? last.chainSeq : null;
  await recordAuditEvent(tx, {
    organizationId,
    actorAccountId: actor.accountId,
    action: 'read',
    entityType: 'audit_log',
    // The review of the access log is the control for bulk access (4-8-6 (3)), not a bulk
    // access of personal data itself, so it does not count toward the bulk-access alert;
    // the number of events shown is kept in meta.
    rowCount: 0,
    meta: { filters: filterMeta(query), page, pageSize, cursor: cursor ?? null, rows: items.length },
  });
  return { items, total, page, pageSize, nextCursor, snapshot };
}

function filterMeta(filter: AuditLogFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['actorAccountId', 'action', 'entityType', 'entityId', 'from', 'to'] as const) {
    const v = filter[key];
    if (v) out[key] = v;
  }
  return out;
}

/** The export refuses more rows than this; narrow the period instead. */
export const MAX_AUDIT_EXPORT_ROWS = 50_000;

/**
 * The filtered log for the .xlsx export, newest first. The export holds personal data (the
 * before/after images of people and other records), so it is recorded as an export with its
 * row count and counts toward the bulk-access alert (Toshima 4-8-6 (5)).
 */
export async function auditLogForExport(tx: Tx, actor: Actor, filter: AuditLogFilter, now: Date): Promise<AuditLogRow[]> {
  const conditions = filterConditions(actor.organizationId, filter);
  const rows = await selectRows(tx, and(...conditions), MAX_AUDIT_EXPORT_ROWS + 1);
  if (rows.length > MAX_AUDIT_EXPORT_ROWS) {
    throw new HttpError(422, `出力できるのは${MAX_AUDIT_EXPORT_ROWS.toLocaleString('ja-JP')}件までです。期間などで絞り込んでください`, 'export_too_large');
  }
  await recordPersonalDataAccess(tx, actor, { action: 'export', entityType: 'audit_log', rowCount: rows.length, meta: { format: 'xlsx', filters: filterMeta(filter) } }, now);
  return rows;
}

/**
 * Verifies this organization's chain only (`mamori audit verify` checks every chain; the walk
 * spans many transactions, hence the database rather than a transaction) and records that it
 * was verified, with the result, in the same chain.
 */
export async function verifyOrganizationChain(database: Database, scope: Scope, actor: Actor, anchor: AuditAnchor | null = null): Promise<VerifyResult> {
  // With the anchor, the chain is also checked against the checkpoint file (issue 11 #5).
  const { heads: _heads, ...result } = await verifyAuditChain(database, { organizationId: actor.organizationId, anchor });
  await inOrg(database, scope, (tx) =>
    recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorAccountId: actor.accountId,
      action: 'verify',
      entityType: 'audit_log',
      meta: { ok: result.ok, rows: result.rows, firstBreak: result.firstBreak },
    }),
  );
  return result;
}
