import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { asSystem } from '../db/tenancy.ts';
import { type AuditAnchor, appendCheckpoints, latestCheckpoints, readCheckpoints } from './auditAnchor.ts';
import { type VerifyResult, verifyAuditChain } from './verifyChain.ts';

/** The chain was found broken: no checkpoint is written over it. */
export class AuditChainBrokenError extends Error {
  constructor(readonly result: VerifyResult) {
    const b = result.firstBreak;
    super(`監査証跡の改ざんを検出したため、チェックポイントを書きませんでした: 組織 ${b?.organizationId} 連番 ${b?.chainSeq} — ${b?.reason}`);
    this.name = 'AuditChainBrokenError';
  }
}

/**
 * Writes a checkpoint of every organization's chain head to the checkpoint file (auditAnchor.ts;
 * issue 11 #5): by the `audit-checkpoint` job and on demand (`mamori audit checkpoint`, and after
 * a clean `mamori audit verify`). Each chain is verified first from its latest checkpoint on, so a
 * chain altered since is never anchored: that throws {@link AuditChainBrokenError} instead.
 * Chains whose head is already the latest checkpoint get no new line.
 */
export async function writeAuditCheckpoint(database: Database, anchor: AuditAnchor, now: Date): Promise<{ written: number; result: VerifyResult }> {
  if (database.kind === 'pglite') return writeCheckpoint(database, anchor, now);
  // Several instances on one PostgreSQL run the job at the same second: one at a time, each
  // reading the file after the one before appended, so a chain head is written once (the two-
  // instance test caught the same head written twice between one's read and its write).
  return asSystem(database, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHECKPOINT_LOCK})`);
    return writeCheckpoint(database, anchor, now);
  });
}

/** Advisory-lock key of checkpoint writing (PostgreSQL). */
const AUDIT_CHECKPOINT_LOCK = 727_301;

async function writeCheckpoint(database: Database, anchor: AuditAnchor, now: Date): Promise<{ written: number; result: VerifyResult }> {
  const result = await verifyAuditChain(database, { anchor, fromLatestCheckpoint: true });
  if (!result.ok) throw new AuditChainBrokenError(result);
  const latest = latestCheckpoints(readCheckpoints(anchor).checkpoints);
  const heads = result.heads.filter((h) => latest.get(h.organizationId)?.chainSeq !== h.chainSeq);
  appendCheckpoints(anchor, heads, now);
  return { written: heads.length, result };
}
