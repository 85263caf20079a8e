import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config.ts';

/**
 * Issue 11 #13: `npm start` generated the field-encryption key as `data.key` next to `./data`,
 * i.e. in the repository root, and nothing ignored it: one `git add .` from publishing the key of
 * every encrypted column. The key is now generated outside the working tree (the user's config
 * directory), an old key beside the data directory is still used, and a key file that others can
 * read stops the start.
 */

const temp = mkdtempSync(path.join(os.tmpdir(), 'mamori-key-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A fresh "clone" with a `data` directory and a home directory of its own. */
function workspace(name: string) {
  const root = path.join(temp, name);
  const repo = path.join(root, 'repo');
  const home = path.join(root, 'home');
  mkdirSync(repo, { recursive: true });
  mkdirSync(home, { recursive: true });
  // Only HOME: no MAMORI_ENCRYPTION_KEY, no MAMORI_KEY_FILE, no XDG_CONFIG_HOME — the defaults.
  return { repo, home, dataDir: path.join(repo, 'data'), env: { HOME: home } as NodeJS.ProcessEnv };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('#13 暗号化鍵の場所と権限', () => {
  it('既定では鍵を作業ツリー（データディレクトリの隣）に作らず、利用者の設定ディレクトリに 0600 で作る', () => {
    const w = workspace('default');
    const config = loadConfig({ dataDir: w.dataDir }, w.env);
    expect(config.encryptionKey).toHaveLength(32);
    expect(existsSync(`${w.dataDir}.key`)).toBe(false);
    expect(filesUnder(w.repo)).toEqual([]);
    const keys = filesUnder(w.home);
    expect(keys).toHaveLength(1);
    expect(keys[0]?.startsWith(path.join(w.home, '.config', 'mamori'))).toBe(true);
    expect(statSync(keys[0] as string).mode & 0o777).toBe(0o600);
    // The same data directory reads the same key on the next start.
    expect(loadConfig({ dataDir: w.dataDir }, w.env).encryptionKey.equals(config.encryptionKey)).toBe(true);
    // Another data directory gets a key of its own.
    expect(loadConfig({ dataDir: path.join(w.repo, 'restored') }, w.env).encryptionKey.equals(config.encryptionKey)).toBe(false);
  });

  it('以前の既定の場所（<データディレクトリ>.key）にある鍵はそのまま使う（暗号化済みの列が読める）', () => {
    const w = workspace('legacy');
    const key = randomBytes(32);
    writeFileSync(`${w.dataDir}.key`, `${key.toString('base64')}\n`, { mode: 0o600 });
    expect(loadConfig({ dataDir: w.dataDir }, w.env).encryptionKey.equals(key)).toBe(true);
    expect(filesUnder(w.home)).toEqual([]);
  });

  it('.gitignore が以前の既定の鍵ファイル data.key を無視する', () => {
    const ignored = (file: string) => {
      try {
        execFileSync('git', ['check-ignore', '-q', '--no-index', file], { cwd: process.cwd() });
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored('data.key')).toBe(true);
    expect(ignored('restored.key')).toBe(true);
  });

  it.skipIf(process.platform === 'win32').each([
    ['0644', 0o644],
    ['0640', 0o640],
    ['0604', 0o604],
  ])('グループ・他人が読める鍵ファイル（%s）では起動しない', (name, mode) => {
    const w = workspace(`mode-${name}`);
    const keyFile = path.join(w.home, 'mamori.key');
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`);
    chmodSync(keyFile, mode);
    expect(() => loadConfig({ dataDir: w.dataDir }, { ...w.env, MAMORI_KEY_FILE: keyFile })).toThrow(/chmod 600/);
  });

  it('32バイトでない鍵ファイルでは起動しない', () => {
    const w = workspace('short');
    const keyFile = path.join(w.home, 'mamori.key');
    writeFileSync(keyFile, `${randomBytes(16).toString('base64')}\n`, { mode: 0o600 });
    expect(() => loadConfig({ dataDir: w.dataDir }, { ...w.env, MAMORI_KEY_FILE: keyFile })).toThrow(/32バイト/);
  });

  it.skipIf(process.platform === 'win32')(
    'CLI: 他人が読める鍵ファイルでは起動を止め、日本語で理由と直し方を示す',
    async () => {
      const w = workspace('cli');
      const keyFile = path.join(w.home, 'mamori.key');
      writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`);
      chmodSync(keyFile, 0o644);
      const env = { ...process.env, HOME: w.home, MAMORI_KEY_FILE: keyFile, DATABASE_URL: '', MAMORI_ENCRYPTION_KEY: '' };
      const result = await promisify(execFile)(process.execPath, [path.resolve('bin/mamori.js'), '--data-dir', w.dataDir, 'migrate'], { env, timeout: 120_000 }).then(
        (r) => ({ code: 0, stderr: r.stderr }),
        (e: { code?: number; stderr?: string }) => ({ code: e.code ?? -1, stderr: e.stderr ?? '' }),
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/ほかのユーザーから読める/);
      expect(existsSync(w.dataDir)).toBe(false);
    },
    120_000,
  );
});
