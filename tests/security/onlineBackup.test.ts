import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/verifyChain.ts';
import { backupDatabase, restoreDatabase } from '../../src/platform/maintenance/backup.ts';
import { controlSocketPath } from '../../src/platform/maintenance/onlineBackup.ts';
import { buildTestApp } from '../support/app.ts';
import { createTestDatabase, dropTestDatabase, testDbKind } from '../support/testDb.ts';

/**
 * Reliability programme of issue 11: `mamori backup` while the server runs. On the embedded
 * database the running server holds the data directory (its lock), and the command used to
 * stop with "使用中"; it now asks the running server over its control socket, which writes the
 * backup from one snapshot while it keeps serving. The backup restores and its audit chain
 * verifies.
 */

const run = promisify(execFile);
const bin = path.resolve('bin/mamori.js');
const temp = mkdtempSync(path.join(os.tmpdir(), 'mamori-online-'));
const env: NodeJS.ProcessEnv = { ...process.env, HOME: temp, DATABASE_URL: '', MAMORI_ENCRYPTION_KEY: randomBytes(32).toString('base64'), MAMORI_SCHEDULER: '0' };
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

async function mamori(args: string[]) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.runIf(testDbKind() === 'pglite')('オンラインバックアップ (組み込みデータベース)', { timeout: 240_000 }, () => {
  it('サーバーの稼働中に mamori backup が稼働中のサーバーを通じて書き出し、その間もサーバーは応答し、復元した証跡は検証に合格する', async () => {
    const dataDir = path.join(temp, 'data');
    server = spawn(process.execPath, [bin, '--data-dir', dataDir, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout?.on('data', (c) => {
      output += String(c);
    });
    server.stderr?.on('data', (c) => {
      output += String(c);
    });
    const deadline = Date.now() + 180_000;
    while (!/Mamori を起動しました: http:\/\/localhost:(\d+)/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const port = Number(/Mamori を起動しました: http:\/\/localhost:(\d+)/.exec(output)?.[1]);
    expect(port, output).toBeGreaterThan(0);
    // Owner-only control socket.
    expect(statSync(controlSocketPath(dataDir)).mode & 0o077).toBe(0);

    const login = () =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: 'pms@demo.mamori.local', password: 'Mamori-demo1!' }),
      }).then((r) => r.status);
    const file = path.join(temp, 'online.jsonl.gz');
    // Writes (sessions, audit rows) go on while the backup is taken.
    const [backup, ...statuses] = await Promise.all([mamori(['--data-dir', dataDir, 'backup', file]), login(), login(), login()]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain('稼働中のサーバーを通じてバックアップしました');
    expect(statuses).toEqual([200, 200, 200]);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    server.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
    server = null;
    expect(existsSync(controlSocketPath(dataDir))).toBe(false);

    const target = path.join(temp, 'restored');
    const restore = await mamori(['--data-dir', target, 'restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const verify = await mamori(['--data-dir', target, 'audit', 'verify']);
    expect(verify.stdout).toContain('監査証跡は正常です');
    expect(verify.code).toBe(0);
  });
});

describe('オンラインバックアップ (PostgreSQL の手順: 稼働中に DATABASE_URL で mamori backup)', () => {
  it('書込みと並行して取ったバックアップは 1 つのスナップショットで、復元した監査証跡は検証に合格する', { timeout: 240_000 }, async () => {
    const t = await buildTestApp();
    const restored = await createTestDatabase();
    try {
      const file = path.join(temp, `concurrent-${randomBytes(4).toString('hex')}.jsonl.gz`);
      const [result] = await Promise.all([backupDatabase(t.database, file), ...Array.from({ length: 4 }, () => t.login('pms@demo.mamori.local'))]);
      expect(result.rows).toBeGreaterThan(50);
      await restoreDatabase(restored, file);
      const verify = await verifyAuditChain(restored);
      expect(verify.firstBreak).toBeNull();
      expect(verify.rows).toBeGreaterThan(20);
    } finally {
      await dropTestDatabase(restored);
      await t.close();
    }
  });
});
