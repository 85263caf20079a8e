import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../support/testDb.ts';
// @ts-expect-error: plain JavaScript module without types (scripts/)
import { findPgBinDir, pgRunner, startPostgres } from '../../scripts/pg-server.mjs';

/**
 * Issue 11 #8 and #5 (a): the PostgreSQL set-up of docs/operations.md, run literally on a fresh
 * cluster — its SQL through psql as the superuser, its shell commands through bash (only the
 * host name, and `npx mamori` → this checkout's bin/mamori.js, are substituted). Before, the
 * documented steps failed (`permission denied to set role "mamori_app"`) and the application
 * ran as the tables' owner, who can `ALTER TABLE audit_log DISABLE TRIGGER ALL`. Now the
 * application's role (`mamori`) serves, and PostgreSQL refuses it any change of the tables.
 *
 * Runs in the PostgreSQL pass of the suite (MAMORI_TEST_DB=postgres) where the server binaries are.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binDir: string | null = testDbKind() === 'postgres' ? findPgBinDir() : null;
const docs = readFileSync(path.join(root, 'docs', 'operations.md'), 'utf8');

/** The fenced block that follows a marker comment of docs/operations.md. */
function blockAfter(marker: string, language: string): string {
  const at = docs.indexOf(`<!-- ${marker}`);
  if (at < 0) throw new Error(`docs/operations.md has no <!-- ${marker} … --> marker`);
  const open = docs.indexOf(`\`\`\`${language}\n`, at);
  const close = docs.indexOf('\n```', open + 4);
  return docs.slice(open + language.length + 4, close + 1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!binDir)('PostgreSQL の準備手順 (docs/operations.md) を新しいクラスターでそのまま実行する (issue 11 #5 #8)', () => {
  const cleanups: (() => void)[] = [];
  const temp = mkdtempSync(path.join(os.tmpdir(), 'mamori-pgsetup-'));
  let superuserUrl = '';
  let port = 0;
  let server: ReturnType<typeof spawn> | null = null;
  let output = '';

  beforeAll(async () => {
    const started = await startPostgres(binDir, pgRunner(), cleanups);
    if (started.error) throw new Error(started.error);
    superuserUrl = started.url;
    port = Number(new URL(superuserUrl).port);
  }, 240_000);

  afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    for (const stop of cleanups.reverse()) stop();
    rmSync(temp, { recursive: true, force: true });
  });

  const appUrl = () => `postgres://mamori:app-password@127.0.0.1:${port}/mamori`;

  it('スーパーユーザーの SQL、migrate、user create、serve がそのまま通り、作成したアカウントでログインできる', async () => {
    const setupSql = path.join(temp, 'setup.sql');
    writeFileSync(setupSql, blockAfter('postgres-setup-sql', 'sql'));
    const psql = spawnSync('psql', [superuserUrl, '-v', 'ON_ERROR_STOP=1', '-f', setupSql], { encoding: 'utf8' });
    expect(psql.stderr).toBe('');
    expect(psql.status).toBe(0);

    const httpPort = await freePort();
    const commands = blockAfter('postgres-setup-commands', 'bash').replaceAll('db.example.jp:5432', `127.0.0.1:${port}`).replace('--host 0.0.0.0', '--host 127.0.0.1');
    const script = [
      'set -euo pipefail',
      // `npx mamori` is this checkout's command (the package is not installed from a registry here).
      `npx() { if [ "$1" = mamori ]; then shift; node ${JSON.stringify(path.join(root, 'bin', 'mamori.js'))} "$@"; else command npx "$@"; fi; }`,
      commands,
    ].join('\n');
    writeFileSync(path.join(temp, 'setup.sh'), script);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: temp, XDG_CONFIG_HOME: path.join(temp, 'config'), PORT: String(httpPort), MAMORI_LOG: '0' };
    for (const name of ['DATABASE_URL', 'MAMORI_MIGRATION_DATABASE_URL', 'MAMORI_ENCRYPTION_KEY', 'MAMORI_PASSWORD', 'MAMORI_KEY_FILE', 'MAMORI_AUDIT_CHECKPOINT_FILE'])
      delete env[name];
    server = spawn('bash', [path.join(temp, 'setup.sh')], { cwd: temp, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    server.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => server?.on('exit', (code) => resolve(code)));
    const started = await Promise.race([
      (async () => {
        while (!output.includes('Mamori を起動しました')) await new Promise((resolve) => setTimeout(resolve, 200));
        return true;
      })(),
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 120_000)),
    ]);
    expect(output).toContain('マイグレーションを適用しました');
    expect(output).toContain('アカウントを作成しました: admin@example.jp (組織 株式会社〇〇)');
    expect(started, output).toBe(true);

    const login = await fetch(`http://127.0.0.1:${httpPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'admin@example.jp', password: 'Shokai-Password-2026' }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
  }, 240_000);

  it('アプリのロールはテーブルを変更できない: トリガーの無効化・監査証跡の削除・更新・TRUNCATE は拒否される', async () => {
    const client = new pg.Client({ connectionString: appUrl() });
    await client.connect();
    try {
      const refused = async (statement: string) => {
        const error = await client.query(statement).then(
          () => null,
          (e: Error & { code?: string }) => e,
        );
        expect(error, statement).not.toBeNull();
        return error as Error & { code?: string };
      };
      expect((await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL')).message).toMatch(/must be owner/);
      expect((await refused('DELETE FROM audit_log')).code).toBe('42501');
      expect((await refused("UPDATE audit_log SET action = 'x'")).code).toBe('42501');
      expect((await refused('TRUNCATE audit_log')).code).toBe('42501');
      expect((await refused('DROP TABLE accounts')).message).toMatch(/must be owner/);
      expect((await refused('SET session_replication_role = replica')).code).toBe('42501');
      // What it may do: read and append, and act as one organization (the reported
      // "permission denied to set role" is gone).
      const rows = await client.query<{ n: number }>('select count(*)::int as n from audit_log');
      expect(rows.rows[0]?.n).toBeGreaterThan(0);
      await client.query('BEGIN');
      await client.query("select set_config('role', 'mamori_app', true)");
      expect((await client.query<{ n: number }>('select count(*)::int as n from organizations')).rows[0]?.n).toBe(0);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });

  it('所有者ロールがトリガーを無効にして末尾 5 行を削除すると、アプリのロールの audit verify がチェックポイントとの照合で検出する', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: temp,
      XDG_CONFIG_HOME: path.join(temp, 'config'),
      DATABASE_URL: appUrl(),
      MAMORI_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      MAMORI_AUDIT_CHECKPOINT_FILE: path.join(temp, 'anchor', 'audit.jsonl'),
    };
    const mamori = (...args: string[]) => spawnSync('node', [path.join(root, 'bin', 'mamori.js'), ...args], { cwd: temp, env, encoding: 'utf8' });
    expect(mamori('audit', 'checkpoint').status).toBe(0);
    expect(mamori('audit', 'verify').stdout).toContain('監査証跡は正常です');

    // The attack as reported, by the documented owner role.
    const owner = new pg.Client({ connectionString: `postgres://mamori_owner:owner-password@127.0.0.1:${port}/mamori` });
    await owner.connect();
    try {
      await owner.query(
        'ALTER TABLE audit_log DISABLE TRIGGER ALL; DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 5); ALTER TABLE audit_log ENABLE TRIGGER ALL;',
      );
    } finally {
      await owner.end();
    }
    const verify = mamori('audit', 'verify');
    expect(verify.status).toBe(1);
    expect(verify.stderr).toContain('末尾の 5 行以上が削除された可能性があります');
  }, 60_000);

  it('1 つのロール（CREATEROLE、所有者）でも user create が通る（報告された permission denied to set role "mamori_app"）', async () => {
    const admin = new pg.Client({ connectionString: superuserUrl });
    await admin.connect();
    try {
      await admin.query('CREATE ROLE mamori_single LOGIN CREATEROLE');
      await admin.query('CREATE DATABASE mamori_single OWNER mamori_single');
    } finally {
      await admin.end();
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: temp,
      XDG_CONFIG_HOME: path.join(temp, 'config'),
      DATABASE_URL: `postgres://mamori_single@127.0.0.1:${port}/mamori_single`,
      MAMORI_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
      MAMORI_PASSWORD: 'Shokai-Password-2026',
    };
    delete env.MAMORI_MIGRATION_DATABASE_URL;
    const run = spawnSync('node', [path.join(root, 'bin', 'mamori.js'), 'user', 'create', '--login', 'one@example.jp', '--name', '一 人', '--organization', '単一ロール社'], {
      cwd: temp,
      env,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toContain('permission denied');
    expect(run.stdout).toContain('アカウントを作成しました: one@example.jp');
    expect(run.status).toBe(0);
  }, 60_000);

  it('アプリのロールで migrate を実行すると、何も変えずに所有者ロールを求める', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: temp,
      XDG_CONFIG_HOME: path.join(temp, 'config'),
      DATABASE_URL: appUrl(),
      MAMORI_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    };
    delete env.MAMORI_MIGRATION_DATABASE_URL;
    const run = spawnSync('node', [path.join(root, 'bin', 'mamori.js'), 'migrate'], { cwd: temp, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('所有者ではないため、マイグレーションを適用できません');
  }, 60_000);
});
