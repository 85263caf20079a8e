import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';
import { SYSTEM_CHAIN } from './audit.tables.ts';
import { type AuditAnchor, type AuditCheckpoint, latestCheckpoints, readCheckpoints } from './auditAnchor.ts';

/** Where the trail first fails; `id` is null when the row itself is gone (a deleted tail). */
export type ChainBreak = { organizationId: string; chainSeq: number; id: number | null; reason: string };
export type VerifyResult = {
  ok: boolean;
  rows: number;
  chains: number;
  firstBreak: ChainBreak | null;
  /** Checkpoints compared with the database (0 without an anchor). */
  checkpoints: number;
  /** The checkpoint file, when the anchor was checked. */
  checkpointFile: string | null;
};

type Row = {
  id: string;
  chain_seq: string;
  prev_hash: string;
  hash: string;
  canonical_tail: string;
};

/** A chain's head as the walk ends it: what a new checkpoint records. */
export type ChainHead = { organizationId: string; chainSeq: number; hash: string };

const formatJst = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });

/**
 * `mamori audit verify`: walks each organization's chain in order and recomputes each row's
 * SHA-256 in Node from the stored fields (it does not trust the database's own hash function).
 * A row whose content, order or link was altered — or a deleted row — breaks the chain there.
 *
 * With an anchor (auditAnchor.ts, issue 11 #5) it also checks the chain against the checkpoint
 * file kept outside the database: every line's MAC, that each checkpointed row still has the
 * checkpointed hash (a rewrite with every later hash recomputed is found there) and that each
 * chain still reaches its latest checkpoint (a deleted tail is found). `fromLatestCheckpoint`
 * walks each chain only from its latest checkpoint on (the checkpoint job; the earlier part was
 * verified when that checkpoint was written).
 */
export async function verifyAuditChain(
  database: Database,
  options: { batchSize?: number; organizationId?: string; anchor?: AuditAnchor | null; fromLatestCheckpoint?: boolean } = {},
): Promise<VerifyResult & { heads: ChainHead[] }> {
  const batchSize = options.batchSize ?? 20_000;
  const anchor = options.anchor ?? null;
  const { checkpoints: allCheckpoints, bad } = anchor ? readCheckpoints(anchor) : { checkpoints: [], bad: [] };
  const checkpoints = options.organizationId ? allCheckpoints.filter((c) => c.organizationId === options.organizationId) : allCheckpoints;
  const byOrg = new Map<string, Map<number, AuditCheckpoint>>();
  for (const c of checkpoints) {
    const seqs = byOrg.get(c.organizationId) ?? new Map<number, AuditCheckpoint>();
    // Two lines for one sequence must agree; the later is compared (a mismatch between lines
    // is found as a hash mismatch against the database).
    seqs.set(c.chainSeq, c);
    byOrg.set(c.organizationId, seqs);
  }
  const latest = latestCheckpoints(checkpoints);
  let rows = 0;
  let chains = 0;
  const heads: ChainHead[] = [];
  const result = (firstBreak: ChainBreak | null) => ({
    ok: firstBreak === null,
    rows,
    chains,
    firstBreak,
    checkpoints: checkpoints.length,
    checkpointFile: anchor?.file ?? null,
    heads,
  });

  if (anchor && bad.length > 0) {
    const first = bad[0] as { line: number; reason: string };
    return result({
      organizationId: options.organizationId ?? SYSTEM_CHAIN,
      chainSeq: 0,
      id: null,
      reason: `チェックポイントファイル ${anchor.file} の ${first.line} 行目: ${first.reason}`,
    });
  }

  const dbOrgs = await asSystem(database, async (tx) =>
    rowsOf<{ organization_id: string }>(
      await tx.execute(
        options.organizationId
          ? sql`select distinct organization_id::text from audit_log where organization_id = ${options.organizationId}::uuid`
          : sql`select distinct organization_id::text from audit_log order by 1`,
      ),
    ).map((r) => r.organization_id),
  );
  const organizations = [...new Set([...dbOrgs, ...latest.keys()])].sort();

  for (const organizationId of organizations) {
    chains++;
    const start = options.fromLatestCheckpoint ? latest.get(organizationId) : undefined;
    // From a checkpoint, the walk starts AT its row (which must still be there with the same
    // hash) and does not know that row's predecessor.
    let expectedPrev: string | null = start ? null : '';
    let expectedSeq = start ? start.chainSeq : 1;
    let lastSeq = start ? start.chainSeq - 1 : 0;
    let lastHash = '';
    const seqs = byOrg.get(organizationId);
    for (;;) {
      const batch = await asSystem(database, async (tx) =>
        rowsOf<Row>(
          await tx.execute(sql`
            select id::text, chain_seq::text, prev_hash, hash,
              concat_ws('|', organization_id::text, coalesce(actor_account_id::text, ''), action, entity_type, coalesce(entity_id, ''),
                coalesce(before::text, ''), coalesce(after::text, ''), coalesce(meta::text, ''), row_count::text,
                to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) as canonical_tail
            from audit_log a
            where a.organization_id = ${organizationId}::uuid and a.chain_seq > ${lastSeq}::bigint
            order by a.chain_seq
            limit ${batchSize}`),
        ),
      );
      if (batch.length === 0) break;
      for (const row of batch) {
        const seq = Number(row.chain_seq);
        const fail = (reason: string) => result({ organizationId, chainSeq: seq, id: Number(row.id), reason });
        if (seq !== expectedSeq) return fail(seq > expectedSeq ? `連番 ${expectedSeq} の行が欠落しています` : `連番が重複しています`);
        if (expectedPrev !== null && row.prev_hash !== expectedPrev) return fail('直前の行のハッシュと一致しません（前の行が改ざん・削除された可能性）');
        const digest = createHash('sha256').update(`${row.prev_hash}|${row.chain_seq}|${row.canonical_tail}`, 'utf8').digest('hex');
        if (digest !== row.hash) return fail('行の内容がハッシュと一致しません（この行が改ざんされた可能性）');
        const checkpoint = seqs?.get(seq);
        if (checkpoint && checkpoint.hash !== row.hash) {
          return fail(
            `連番 ${seq} の行のハッシュが ${formatJst(checkpoint.writtenAt)} のチェックポイント（${anchor?.file} の ${checkpoint.line} 行目）と一致しません。` +
              `連番 ${seq} までのどこかの行が書き換えられ、以降のハッシュが計算し直された可能性があります`,
          );
        }
        expectedPrev = row.hash;
        expectedSeq = seq + 1;
        lastSeq = seq;
        lastHash = row.hash;
        rows++;
      }
    }
    const head = latest.get(organizationId);
    if (head && lastSeq < head.chainSeq) {
      return result({
        organizationId,
        chainSeq: lastSeq + 1,
        id: null,
        reason:
          `連番 ${lastSeq + 1} 以降の行がありません。${formatJst(head.writtenAt)} のチェックポイント（${anchor?.file} の ${head.line} 行目）では連番 ${head.chainSeq} まで記録されていました。` +
          `末尾の ${head.chainSeq - lastSeq} 行以上が削除された可能性があります`,
      });
    }
    if (lastSeq > 0) heads.push({ organizationId, chainSeq: lastSeq, hash: lastHash });
  }
  return result(null);
}
