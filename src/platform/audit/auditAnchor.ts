import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { appendFileSync, chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The anchor of the audit chain outside the database (issue 11 #5; SPEC §3 監査証跡, Toshima
 * 4-8-6 (3)). The hash chain alone is recomputable by anyone who can write the table: the
 * database owner could disable the triggers, delete the last rows or rewrite a row and recompute
 * every later hash, and `audit verify` still said 正常. Two things the database owner does not
 * have close that:
 *
 * - a key: HKDF-SHA256 of the encryption key (never stored in the database) under a label of
 *   its own, so the MAC key is not the column-encryption key; and
 * - a checkpoint file on the application's host, append-only: each line is one organization's
 *   chain head at that moment — last sequence number, that row's hash and an HMAC of both
 *   under the key. As each row's hash covers every earlier row (prev_hash), the MAC of a head
 *   authenticates the whole chain up to it.
 *
 * `verifyAuditChain` then checks that the database still reaches every checkpoint (a tail
 * deletion is found) with the same hash at that sequence (a rewrite + recompute is found), and
 * that every line's MAC is right (a forged line is found).
 */
export type AuditAnchor = { key: Buffer; file: string };

/** One line of the checkpoint file. */
export type AuditCheckpoint = { organizationId: string; chainSeq: number; hash: string; mac: string; writtenAt: string; line: number };

/** HKDF label of the audit anchor key; distinct from every other use of the encryption key. */
const ANCHOR_LABEL = 'mamori/audit-chain-anchor/v1';

/** The MAC key, derived from the 32-byte encryption key (`config.encryptionKey`). */
export function deriveAuditAnchorKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), ANCHOR_LABEL, 32));
}

/** The anchor of a configuration, or null when it has no checkpoint file (in-memory tests). */
export function auditAnchorOf(config: { encryptionKey: Buffer; auditCheckpointFile?: string | null }): AuditAnchor | null {
  return config.auditCheckpointFile ? { key: deriveAuditAnchorKey(config.encryptionKey), file: config.auditCheckpointFile } : null;
}

/** HMAC-SHA256 (hex) of one chain head: organization, sequence number and that row's hash. */
export function checkpointMac(key: Buffer, organizationId: string, chainSeq: number, hash: string): string {
  return createHmac('sha256', key).update(`mamori-audit-checkpoint|${organizationId}|${chainSeq}|${hash}`, 'utf8').digest('hex');
}

function macMatches(key: Buffer, c: { organizationId: string; chainSeq: number; hash: string; mac: string }): boolean {
  const expected = Buffer.from(checkpointMac(key, c.organizationId, c.chainSeq, c.hash), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A line of the file that is not a valid checkpoint (unreadable, or its MAC does not match). */
export type BadCheckpointLine = { line: number; reason: string };

/**
 * Reads the checkpoint file (absent: no checkpoints yet). Lines whose MAC does not match are
 * returned apart: the file was edited, or written under another encryption key.
 */
export function readCheckpoints(anchor: AuditAnchor): { checkpoints: AuditCheckpoint[]; bad: BadCheckpointLine[] } {
  if (!existsSync(anchor.file)) return { checkpoints: [], bad: [] };
  const checkpoints: AuditCheckpoint[] = [];
  const bad: BadCheckpointLine[] = [];
  const lines = readFileSync(anchor.file, 'utf8').split('\n');
  for (const [index, text] of lines.entries()) {
    if (!text.trim()) continue;
    const line = index + 1;
    let parsed: Partial<AuditCheckpoint>;
    try {
      parsed = JSON.parse(text) as Partial<AuditCheckpoint>;
    } catch {
      bad.push({ line, reason: '読み取れない行です' });
      continue;
    }
    const { organizationId, chainSeq, hash, mac, writtenAt } = parsed;
    if (typeof organizationId !== 'string' || typeof chainSeq !== 'number' || typeof hash !== 'string' || typeof mac !== 'string' || typeof writtenAt !== 'string') {
      bad.push({ line, reason: '項目が欠けています' });
      continue;
    }
    const checkpoint = { organizationId, chainSeq, hash, mac, writtenAt, line };
    if (!macMatches(anchor.key, checkpoint)) {
      bad.push({ line, reason: 'MAC が一致しません（ファイルが書き換えられたか、別の暗号化鍵で書かれた可能性があります）' });
      continue;
    }
    checkpoints.push(checkpoint);
  }
  return { checkpoints, bad };
}

/**
 * Appends chain heads to the checkpoint file (mode 0600, directory 0700), fsynced: the file is
 * only ever appended to (open with `a`); an administrator may also make it append-only for the
 * OS (`chattr +a`, docs/operations.md).
 */
export function appendCheckpoints(anchor: AuditAnchor, heads: { organizationId: string; chainSeq: number; hash: string }[], now: Date): void {
  if (heads.length === 0) return;
  mkdirSync(path.dirname(anchor.file), { recursive: true, mode: 0o700 });
  const text = heads
    .map((h) =>
      JSON.stringify({
        writtenAt: now.toISOString(),
        organizationId: h.organizationId,
        chainSeq: h.chainSeq,
        hash: h.hash,
        mac: checkpointMac(anchor.key, h.organizationId, h.chainSeq, h.hash),
      }),
    )
    .join('\n');
  const created = !existsSync(anchor.file);
  appendFileSync(anchor.file, `${text}\n`, { mode: 0o600, flag: 'a' });
  if (created) chmodSync(anchor.file, 0o600);
  const fd = openSync(anchor.file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The newest checkpoint of each organization (the highest sequence number). */
export function latestCheckpoints(checkpoints: AuditCheckpoint[]): Map<string, AuditCheckpoint> {
  const latest = new Map<string, AuditCheckpoint>();
  for (const c of checkpoints) {
    const current = latest.get(c.organizationId);
    if (!current || c.chainSeq > current.chainSeq) latest.set(c.organizationId, c);
  }
  return latest;
}
