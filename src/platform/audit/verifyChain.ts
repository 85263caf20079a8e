import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';

export type ChainBreak = { organizationId: string; chainSeq: number; id: number; reason: string };
export type VerifyResult = { ok: boolean; rows: number; chains: number; firstBreak: ChainBreak | null };

type Row = {
  id: string;
  organization_id: string;
  chain_seq: string;
  prev_hash: string;
  hash: string;
  canonical_tail: string;
};

/**
 * `mamori audit verify`: walks every organization's chain in order and recomputes each row's
 * SHA-256 in Node from the stored fields (it does not trust the database's own hash function).
 * A row whose content, order or link was altered — or a deleted row — breaks the chain there.
 */
export async function verifyAuditChain(database: Database, options: { batchSize?: number; organizationId?: string } = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 20_000;
  // With `organizationId`, only that organization's chain is walked (one tenant's verify screen).
  const onlyOrg = options.organizationId ? sql`a.organization_id = ${options.organizationId}::uuid and` : sql``;
  let rows = 0;
  let chains = 0;
  let lastOrg: string | null = null;
  let lastSeq = 0;
  let expectedPrev = '';
  let expectedSeq = 1;
  for (;;) {
    const batch = await asSystem(database, async (tx) =>
      rowsOf<Row>(
        await tx.execute(sql`
          select id::text, organization_id::text, chain_seq::text, prev_hash, hash,
            concat_ws('|', organization_id::text, coalesce(actor_account_id::text, ''), action, entity_type, coalesce(entity_id, ''),
              coalesce(before::text, ''), coalesce(after::text, ''), coalesce(meta::text, ''), row_count::text,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) as canonical_tail
          from audit_log a
          where ${onlyOrg} (a.organization_id, a.chain_seq) > (${lastOrg ?? '00000000-0000-0000-0000-000000000000'}::uuid, ${lastOrg ? lastSeq : -1}::bigint)
          order by a.organization_id, a.chain_seq
          limit ${batchSize}`),
      ),
    );
    if (batch.length === 0) break;
    for (const row of batch) {
      const seq = Number(row.chain_seq);
      if (row.organization_id !== lastOrg) {
        chains++;
        expectedPrev = '';
        expectedSeq = 1;
      }
      const fail = (reason: string): VerifyResult => ({ ok: false, rows, chains, firstBreak: { organizationId: row.organization_id, chainSeq: seq, id: Number(row.id), reason } });
      if (seq !== expectedSeq) return fail(seq > expectedSeq ? `連番 ${expectedSeq} の行が欠落しています` : `連番が重複しています`);
      if (row.prev_hash !== expectedPrev) return fail('直前の行のハッシュと一致しません（前の行が改ざん・削除された可能性）');
      const digest = createHash('sha256').update(`${row.prev_hash}|${row.chain_seq}|${row.canonical_tail}`, 'utf8').digest('hex');
      if (digest !== row.hash) return fail('行の内容がハッシュと一致しません（この行が改ざんされた可能性）');
      expectedPrev = row.hash;
      expectedSeq = seq + 1;
      lastOrg = row.organization_id;
      lastSeq = seq;
      rows++;
    }
  }
  return { ok: true, rows, chains, firstBreak: null };
}
