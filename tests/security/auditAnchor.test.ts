import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuditAnchor, deriveAuditAnchorKey } from '../../src/platform/audit/auditAnchor.ts';
import { AuditChainBrokenError, writeAuditCheckpoint } from '../../src/platform/audit/auditCheckpoint.ts';
import { verifyAuditChain } from '../../src/platform/audit/verifyChain.ts';
import { setFieldEncryptionKey } from '../../src/platform/config/fieldCrypto.ts';
import { type Database, openDatabase } from '../../src/platform/db/connection.ts';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import { allJobs } from '../../src/platform/jobs/jobs.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { testDbKind } from '../support/testDb.ts';

/**
 * Issue 11 #5 (SPEC §3 監査証跡, Toshima 4-8-6 (3)): the hash chain alone was blind to an owner
 * who disables the triggers — deleting the last 5 rows, or rewriting a row and recomputing
 * every later hash, left `audit verify` saying 正常. The chain is now anchored outside the
 * database: checkpoints (last sequence number + hash + HMAC under a key derived from the
 * encryption key) in an append-only file. Runs on PGlite and, with MAMORI_TEST_DB=postgres, on
 * PostgreSQL as the owner (the test server's superuser, who owns the tables).
 */

const temp = mkdtempSync(path.join(os.tmpdir(), 'mamori-anchor-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let t: TestApp | undefined;
let anchor: AuditAnchor;

const app = () => t as TestApp;

/** The attack's first step, as the owner: every trigger of audit_log off (append-only included). */
async function asOwnerWithoutTriggers(database: Database, statements: string): Promise<void> {
  await database.exec(`ALTER TABLE audit_log DISABLE TRIGGER ALL;\n${statements}\nALTER TABLE audit_log ENABLE TRIGGER ALL;`);
}

async function lastSeq(organizationId: string): Promise<number> {
  const [row] = await asSystem(app().database, async (tx) =>
    rowsOf<{ seq: string }>(await tx.execute(sql`select max(chain_seq)::text as seq from audit_log where organization_id = ${organizationId}::uuid`)),
  );
  return Number(row?.seq ?? 0);
}

describe('監査証跡の外部アンカー (issue 11 #5, SPEC §3)', () => {
  beforeEach(async () => {
    await t?.close();
    t = await buildTestApp();
    anchor = { key: deriveAuditAnchorKey(randomBytes(32)), file: path.join(temp, `${randomBytes(4).toString('hex')}.audit-checkpoints.jsonl`) };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('所有者がトリガーを無効にして末尾 5 行を削除すると、チェックポイントとの照合で検出する', async () => {
    const org = app().demoOrganizationId;
    const { written } = await writeAuditCheckpoint(app().database, anchor, new Date());
    expect(written).toBeGreaterThan(0);
    const head = await lastSeq(org);

    await asOwnerWithoutTriggers(app().database, `DELETE FROM audit_log WHERE organization_id = '${org}' AND chain_seq > ${head - 5};`);

    // The chain alone is blind to it (the attack as reported):
    expect((await verifyAuditChain(app().database)).ok).toBe(true);
    // Against the anchor it is not:
    const result = await verifyAuditChain(app().database, { anchor });
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ organizationId: org, chainSeq: head - 4, id: null });
    expect(result.firstBreak?.reason).toContain(`連番 ${head - 4} 以降の行がありません`);
    expect(result.firstBreak?.reason).toContain(`連番 ${head} まで記録されていました`);
    expect(result.firstBreak?.reason).toContain('削除された可能性');
    // And the job refuses to anchor the shortened chain.
    await expect(writeAuditCheckpoint(app().database, anchor, new Date())).rejects.toBeInstanceOf(AuditChainBrokenError);
  });

  it('1 行を書き換えて以降のハッシュを計算し直しても、チェックポイントの連番で検出する', async () => {
    const org = app().demoOrganizationId;
    await writeAuditCheckpoint(app().database, anchor, new Date());
    const head = await lastSeq(org);
    const target = head - 10;

    await asOwnerWithoutTriggers(
      app().database,
      `DO $$
      DECLARE r audit_log; v_prev text;
      BEGIN
        UPDATE audit_log SET entity_id = 'rewritten' WHERE organization_id = '${org}' AND chain_seq = ${target};
        FOR r IN SELECT * FROM audit_log WHERE organization_id = '${org}' AND chain_seq >= ${target} ORDER BY chain_seq LOOP
          SELECT hash INTO v_prev FROM audit_log WHERE organization_id = r.organization_id AND chain_seq = r.chain_seq - 1;
          r.prev_hash := coalesce(v_prev, '');
          UPDATE audit_log SET prev_hash = r.prev_hash, hash = encode(sha256(convert_to(mamori_audit_canonical(r), 'UTF8')), 'hex') WHERE id = r.id;
        END LOOP;
      END $$;`,
    );

    expect((await verifyAuditChain(app().database)).ok).toBe(true);
    const result = await verifyAuditChain(app().database, { anchor });
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ organizationId: org, chainSeq: head });
    expect(result.firstBreak?.reason).toContain(`連番 ${head} の行のハッシュが`);
    expect(result.firstBreak?.reason).toContain('書き換えられ、以降のハッシュが計算し直された可能性');
  });

  it('書き換えたあとの行がチェックポイントの後に続いていても、次のチェックポイントの書込みは拒否される', async () => {
    const org = app().demoOrganizationId;
    await writeAuditCheckpoint(app().database, anchor, new Date());
    const head = await lastSeq(org);
    // The checkpointed head row rewritten (as if its predecessors were) and recomputed.
    await asOwnerWithoutTriggers(
      app().database,
      `UPDATE audit_log SET entity_id = 'x', hash = encode(sha256(convert_to(mamori_audit_canonical(audit_log), 'UTF8')), 'hex') WHERE organization_id = '${org}' AND chain_seq = ${head};`,
    );
    await expect(writeAuditCheckpoint(app().database, anchor, new Date())).rejects.toThrow('チェックポイントを書きませんでした');
  });

  it('チェックポイントファイルの行を書き換えると MAC が一致せず、行番号を示す', async () => {
    await writeAuditCheckpoint(app().database, anchor, new Date());
    const first = JSON.parse(readFileSync(anchor.file, 'utf8').split('\n')[0] as string);
    appendFileSync(anchor.file, `${JSON.stringify({ ...first, chainSeq: 1 })}\n`);
    const result = await verifyAuditChain(app().database, { anchor });
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.reason).toMatch(/の \d+ 行目: MAC が一致しません/);
  });

  it('定期ジョブ audit-checkpoint が設定のチェックポイントファイルに追記する（0600）', async () => {
    const job = allJobs().find((j) => j.name === 'audit-checkpoint');
    const file = path.join(temp, 'job', `${randomBytes(4).toString('hex')}.jsonl`);
    await job?.run({ ...app().deps, config: { ...app().deps.config, auditCheckpointFile: file } });
    expect(readFileSync(file, 'utf8')).toContain(app().demoOrganizationId);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('改ざんのない証跡はチェックポイントと一致し、新しい行の分だけ追記される', async () => {
    const first = await writeAuditCheckpoint(app().database, anchor, new Date());
    // Nothing new: no new line.
    expect((await writeAuditCheckpoint(app().database, anchor, new Date())).written).toBe(0);
    await app().login('pms@demo.mamori.local');
    const again = await writeAuditCheckpoint(app().database, anchor, new Date());
    expect(again.written).toBeGreaterThan(0);
    const result = await verifyAuditChain(app().database, { anchor });
    expect(result).toMatchObject({ ok: true, checkpoints: first.written + again.written });
    // Only the key outside the database verifies the file: another key fails every line.
    const other = await verifyAuditChain(app().database, { anchor: { ...anchor, key: deriveAuditAnchorKey(randomBytes(32)) } });
    expect(other.ok).toBe(false);
    expect(other.firstBreak?.reason).toContain('MAC が一致しません');
  });
});

// The CLI on the embedded database runs in the PGlite pass.
describe.runIf(testDbKind() === 'pglite')('mamori audit checkpoint / audit verify (組み込みデータベース)', () => {
  it('チェックポイントの後に末尾を削除すると、audit verify が日本語で何が起きたかを示して 1 で終わる', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(temp, 'cli-'));
    const dataDir = path.join(dir, 'data');
    const checkpointFile = path.join(dir, 'checkpoints', 'audit.jsonl');
    const key = randomBytes(32).toString('base64');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, DATABASE_URL: '', MAMORI_ENCRYPTION_KEY: key, MAMORI_AUDIT_CHECKPOINT_FILE: checkpointFile };
    const bin = path.resolve('bin/mamori.js');
    const mamori = (args: string[]) => spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { env, encoding: 'utf8', timeout: 120_000 });

    expect(mamori(['demo']).status).toBe(0);
    const checkpoint = mamori(['audit', 'checkpoint']);
    // One chain per organization: the demo has two (株式会社まもりデモ and its 委託先's own organization, issue #13).
    expect(checkpoint.stdout).toContain('チェックポイントを 2 件書きました (2 チェーン)');
    expect(statSync(checkpointFile).mode & 0o077).toBe(0);
    expect(mamori(['audit', 'verify']).stdout).toContain('チェックポイント 2 件と一致');

    setFieldEncryptionKey(Buffer.from(key, 'base64'));
    const database = await openDatabase({ databaseUrl: null, dataDir });
    try {
      await asOwnerWithoutTriggers(database, 'DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 5);');
    } finally {
      await database.close();
    }
    const verify = mamori(['audit', 'verify']);
    expect(verify.status).toBe(1);
    expect(verify.stderr).toContain('監査証跡の改ざんを検出しました');
    expect(verify.stderr).toContain('以降の行がありません');
    expect(verify.stderr).toContain('末尾の 5 行以上が削除された可能性があります');
    // The shortened chain is not anchored.
    const again = mamori(['audit', 'checkpoint']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('チェックポイントを書きませんでした');
  });
});
