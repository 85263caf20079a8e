import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_POOL_SIZE, DEFAULT_READ_POOL_SIZE } from '../db/connection.ts';

/** Runtime configuration, read from the environment once (12-factor style). */
export type MamoriConfig = {
  /** PostgreSQL server URL; when absent Mamori runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  /** Absolute URL users reach Mamori at (used in e-mails). */
  publicUrl: string;
  /** 32-byte key for encrypted personal-data columns; never stored in the database. */
  encryptionKey: Buffer;
  smtpUrl: string | null;
  mailFrom: string;
  cookieSecure: boolean;
  /** Run the reminder scheduler in this process (disable for CLI one-shots and tests). */
  scheduler: boolean;
  /** Login attempts allowed per IP per minute (on top of the per-account lockout). */
  loginRateLimit: number;
  /** How long a resolved session may be reused without a database lookup (ms; 0 = never). See auth/sessionCache.ts. */
  sessionCacheMs: number;
  /** PostgreSQL connections per process: the main pool and the tenant reader pool (db/connection.ts). */
  dbPoolSize: number;
  dbReadPoolSize: number;
  /**
   * The audit chain's checkpoint file (audit/auditAnchor.ts, issue 11 #5): outside the database,
   * appended to by the checkpoint job and `mamori audit checkpoint`. MAMORI_AUDIT_CHECKPOINT_FILE,
   * else beside the key file; null for an in-memory database (tests).
   */
  auditCheckpointFile?: string | null;
};

/**
 * Default checkpoint file, beside the key file: for the embedded database `….key` →
 * `….audit-checkpoints.jsonl` (one per data directory, as the key); for PostgreSQL one per
 * database (`pg-<hash of host, port and database name>.audit-checkpoints.jsonl`; credentials
 * left out), so two databases never share checkpoints.
 */
export function defaultAuditCheckpointFile(keyFile: string, databaseUrl: string | null): string {
  if (!databaseUrl) return `${keyFile.replace(/\.key$/, '')}.audit-checkpoints.jsonl`;
  let where = databaseUrl;
  try {
    const url = new URL(databaseUrl);
    where = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    // not a URL (a connection string of another form): hashed whole
  }
  return path.join(path.dirname(keyFile), `pg-${createHash('sha256').update(where).digest('hex').slice(0, 16)}.audit-checkpoints.jsonl`);
}

/**
 * Where the key file is by default: the user's configuration directory
 * (`$XDG_CONFIG_HOME/mamori/keys/`, else `~/.config/mamori/keys/`; `%APPDATA%\mamori\keys\` on
 * Windows), one file per data directory, named after it and a hash of its absolute path. Never in
 * the working tree: the key was generated as `./data.key` in the repository root, one `git add .`
 * from publishing it (issue 11 #13), and a copy of the data directory must not carry its key
 * (SPEC §9: the key is kept apart from the data).
 */
export function defaultKeyFile(dataDir: string, env: NodeJS.ProcessEnv): string {
  const configHome = process.platform === 'win32' && env.APPDATA ? env.APPDATA : env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : path.join(env.HOME || os.homedir(), '.config');
  const absolute = path.resolve(dataDir);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 16);
  return path.join(path.resolve(configHome), 'mamori', 'keys', `${path.basename(absolute) || 'data'}-${tag}.key`);
}

/**
 * Refuses a key file that is not a regular file or that its group or others may read or write:
 * anyone who can read it can decrypt every personal-data column.
 */
function assertPrivateKeyFile(keyFile: string): void {
  const stat = statSync(keyFile);
  if (!stat.isFile()) throw new Error(`暗号化鍵ファイル ${keyFile} が通常のファイルではありません。MAMORI_KEY_FILE を確認してください`);
  // Windows has no POSIX modes; there the file's ACL is the administrator's to set.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new Error(
      `暗号化鍵ファイル ${keyFile} がほかのユーザーから読める設定になっています（モード ${(stat.mode & 0o777).toString(8).padStart(4, '0')}）。` +
        `鍵を知られると暗号化した個人データがすべて読めるため、起動を中止しました。chmod 600 ${keyFile} で所有者だけが読めるようにしてから起動してください`,
    );
  }
}

function readKeyFile(keyFile: string): Buffer {
  assertPrivateKeyFile(keyFile);
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`暗号化鍵ファイル ${keyFile} の内容が32バイトの鍵（base64）ではありません`);
  return key;
}

/**
 * Reads the key from MAMORI_ENCRYPTION_KEY (base64) or the key file, creating the file on first
 * run. `keyFile` is MAMORI_KEY_FILE when set; otherwise the key is looked for where earlier
 * versions generated it (`<data directory>.key`, still used so that existing data stays
 * readable) and else in {@link defaultKeyFile}, where a new key is generated (0600, in a 0700
 * directory). A key file that others can read stops the start.
 */
export function loadEncryptionKey(env: NodeJS.ProcessEnv, keyFile: string, legacyKeyFile?: string): Buffer {
  if (env.MAMORI_ENCRYPTION_KEY) {
    const key = Buffer.from(env.MAMORI_ENCRYPTION_KEY, 'base64');
    if (key.length !== 32) throw new Error('MAMORI_ENCRYPTION_KEY は32バイトをbase64で指定してください');
    return key;
  }
  if (legacyKeyFile && !existsSync(keyFile) && existsSync(legacyKeyFile)) {
    console.warn(
      `暗号化鍵ファイル ${legacyKeyFile} を使います。この場所は作業ツリーの中にあることがあります。` +
        `${keyFile} へ移すか、MAMORI_KEY_FILE で作業ツリーの外の場所を指定してください`,
    );
    return readKeyFile(legacyKeyFile);
  }
  if (existsSync(keyFile)) return readKeyFile(keyFile);
  mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process created meanwhile (it would orphan its data).
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  console.warn(`暗号化鍵を生成しました: ${keyFile}（バックアップには含まれません。別に保管してください）`);
  return key;
}

/** A pool size from the environment: a whole number from 1 to 100, or the default when unset. */
function poolSizeOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) throw new Error(`${name} は 1 から 100 までの整数で指定してください（指定値: ${raw}）`);
  return value;
}

/** Builds the configuration from environment variables with overrides (CLI flags, tests). */
export function loadConfig(overrides: Partial<MamoriConfig> = {}, env: NodeJS.ProcessEnv = process.env): MamoriConfig {
  const dataDir = path.resolve(overrides.dataDir ?? env.MAMORI_DATA_DIR ?? './data');
  const port = overrides.port ?? Number(env.PORT ?? 3000);
  const keyFile = env.MAMORI_KEY_FILE ? path.resolve(env.MAMORI_KEY_FILE) : defaultKeyFile(dataDir, env);
  const legacyKeyFile = env.MAMORI_KEY_FILE ? undefined : `${dataDir}.key`;
  const databaseUrl = overrides.databaseUrl !== undefined ? overrides.databaseUrl : (env.DATABASE_URL ?? null);
  return {
    databaseUrl,
    dataDir,
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: overrides.publicUrl ?? env.MAMORI_PUBLIC_URL ?? `http://localhost:${port}`,
    encryptionKey: overrides.encryptionKey ?? loadEncryptionKey(env, keyFile, legacyKeyFile),
    smtpUrl: overrides.smtpUrl !== undefined ? overrides.smtpUrl : (env.MAMORI_SMTP_URL ?? null),
    mailFrom: overrides.mailFrom ?? env.MAMORI_MAIL_FROM ?? 'Mamori <no-reply@mamori.local>',
    cookieSecure: overrides.cookieSecure ?? env.MAMORI_COOKIE_SECURE === '1',
    scheduler: overrides.scheduler ?? env.MAMORI_SCHEDULER !== '0',
    loginRateLimit: overrides.loginRateLimit ?? Number(env.MAMORI_LOGIN_RATE_LIMIT ?? 20),
    sessionCacheMs: overrides.sessionCacheMs ?? Number(env.MAMORI_SESSION_CACHE_MS ?? 2000),
    dbPoolSize: overrides.dbPoolSize ?? poolSizeOf(env, 'MAMORI_DB_POOL_SIZE', DEFAULT_POOL_SIZE),
    dbReadPoolSize: overrides.dbReadPoolSize ?? poolSizeOf(env, 'MAMORI_DB_READ_POOL_SIZE', DEFAULT_READ_POOL_SIZE),
    auditCheckpointFile:
      overrides.auditCheckpointFile !== undefined
        ? overrides.auditCheckpointFile
        : env.MAMORI_AUDIT_CHECKPOINT_FILE
          ? path.resolve(env.MAMORI_AUDIT_CHECKPOINT_FILE)
          : path.basename(dataDir) === ':memory:'
            ? null
            : defaultAuditCheckpointFile(keyFile, databaseUrl),
  };
}
