import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { setFieldEncryptionKey } from '../../src/platform/config/fieldCrypto.ts';
import { openDatabase } from '../../src/platform/db/connection.ts';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import { testDbKind } from '../support/testDb.ts';
import pg from 'pg';

const run = promisify(execFile);
const bin = path.resolve('bin/mamori.js');
const key = randomBytes(32).toString('base64');
const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mamori-cli-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const env = { ...process.env, MAMORI_ENCRYPTION_KEY: key, DATABASE_URL: '' };
async function mamori(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv }, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function tableCounts(dataDir: string): Promise<Record<string, number>> {
  setFieldEncryptionKey(Buffer.from(key, 'base64'));
  const db = await openDatabase({ databaseUrl: null, dataDir });
  try {
    const tables = await asSystem(db, async (tx) =>
      rowsOf<{ t: string }>(await tx.execute(sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)),
    );
    const counts: Record<string, number> = {};
    for (const { t } of tables) {
      const r = await asSystem(db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(t)}`)));
      counts[t] = r[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await db.close();
  }
}

// The CLI on the embedded database runs in the PGlite pass; the PostgreSQL pass checks DATABASE_URL.
describe.runIf(testDbKind() === 'pglite')('mamori コマンド', { timeout: 240_000 }, () => {
  it.each([[[]], [['serve']], [['migrate']], [['demo']], [['backup']], [['restore']], [['audit', 'verify']], [['user', 'create']], [['rules', 'incident-duties']], [['openapi']]])(
    '%s --help は説明を表示して終了コード0',
    async (args) => {
      const r = await mamori([...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: mamori');
      expect(r.stdout).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    },
  );

  it('demo → audit verify は行数を示して0で終わり、改ざん後は最初の壊れた行を示して非0で終わる', async () => {
    const dataDir = tempDataDir();
    expect((await mamori(['--data-dir', dataDir, 'demo'])).stdout).toContain('デモ組織を作成しました');
    const ok = await mamori(['--data-dir', dataDir, 'audit', 'verify']);
    expect(ok.code).toBe(0);
    const rows = Number(/(\d+) 行/.exec(ok.stdout)?.[1]);
    expect(rows).toBeGreaterThan(20);

    setFieldEncryptionKey(Buffer.from(key, 'base64'));
    const db = await openDatabase({ databaseUrl: null, dataDir });
    const [victim] = await asSystem(db, async (tx) =>
      rowsOf<{ id: number; chain_seq: number; organization_id: string }>(
        await tx.execute(sql`select id, chain_seq, organization_id from audit_log where entity_type = 'people' order by id limit 1`),
      ),
    );
    await asSystem(db, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_log set entity_id = 'forged' where id = ${victim!.id}`);
    });
    await db.close();

    const bad = await mamori(['--data-dir', dataDir, 'audit', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`連番 ${victim!.chain_seq}`);
    expect(bad.stderr).toContain(`id ${victim!.id}`);
  });

  it('backup → 空のデータディレクトリへ restore すると、すべての行が戻り、監査証跡も検証に合格する', async () => {
    const source = tempDataDir();
    await mamori(['--data-dir', source, 'demo']);
    const file = path.join(path.dirname(source), 'backup.jsonl.gz');
    const backup = await mamori(['--data-dir', source, 'backup', file]);
    expect(backup.code).toBe(0);
    const target = tempDataDir();
    const restore = await mamori(['--data-dir', target, 'restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const [a, b] = [await tableCounts(source), await tableCounts(target)];
    expect(b).toEqual(a);
    expect(a.people).toBeGreaterThan(5);
    const verify = await mamori(['--data-dir', target, 'audit', 'verify']);
    expect(verify.code).toBe(0);
    // Restoring over existing data is refused.
    const again = await mamori(['--data-dir', target, 'restore', file]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('空ではありません');
  });

  it('組み込みデータベースは排他ロックを取り、2つ目のプロセスを明確なメッセージで拒否する', async () => {
    const dataDir = tempDataDir();
    const server = spawn(process.execPath, [bin, '--data-dir', dataDir, 'serve', '--port', '0', '--no-demo'], {
      env: { ...env, MAMORI_SCHEDULER: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server did not start')), 90_000);
        server.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('起動しました')) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.on('exit', () => reject(new Error('server exited')));
      });
      const second = await mamori(['--data-dir', dataDir, 'migrate']);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain('別の Mamori プロセスが使用中です');
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    // Once the first process stopped, the directory can be used again.
    expect((await mamori(['--data-dir', dataDir, 'migrate'])).code).toBe(0);
  });

  it('user create は組織と個人情報保護管理者のアカウントを作り、弱いパスワードは拒否する', async () => {
    const dataDir = tempDataDir();
    const userCreate = (password: string) =>
      mamori([
        '--data-dir',
        dataDir,
        'user',
        'create',
        '--login',
        'a@example.jp',
        '--name',
        '管理 者',
        '--organization',
        '新組織',
        '--role',
        'pms_manager',
        '--password',
        password,
      ]);
    const weak = await userCreate('weak');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('8文字以上');
    const ok = await userCreate('Strong-pass1!');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('a@example.jp');
  });
});

describe.runIf(testDbKind() === 'postgres')('mamori コマンド (DATABASE_URL で PostgreSQL)', { timeout: 240_000 }, () => {
  it('DATABASE_URL を設定すると demo と audit verify が PostgreSQL 上で動く', async () => {
    const base = process.env.MAMORI_TEST_PG_URL ?? '';
    const name = `mamori_cli_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const demo = await mamori(['demo'], { DATABASE_URL: url.toString() });
      expect(demo.stdout).toContain('デモ組織を作成しました');
      const verify = await mamori(['audit', 'verify'], { DATABASE_URL: url.toString() });
      expect(verify.code).toBe(0);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const r = await check.query(`select count(*)::int as n from people`);
      await check.end();
      expect(r.rows[0].n).toBeGreaterThan(5);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
