import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
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
};

/** Reads the key from MAMORI_ENCRYPTION_KEY (base64) or the key file, creating the file on first run. */
export function loadEncryptionKey(env: NodeJS.ProcessEnv, keyFile: string): Buffer {
  if (env.MAMORI_ENCRYPTION_KEY) {
    const key = Buffer.from(env.MAMORI_ENCRYPTION_KEY, 'base64');
    if (key.length !== 32) throw new Error('MAMORI_ENCRYPTION_KEY は32バイトをbase64で指定してください');
    return key;
  }
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  mkdirSync(path.dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
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
  const keyFile = path.resolve(env.MAMORI_KEY_FILE ?? `${dataDir}.key`);
  return {
    databaseUrl: overrides.databaseUrl !== undefined ? overrides.databaseUrl : (env.DATABASE_URL ?? null),
    dataDir,
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: overrides.publicUrl ?? env.MAMORI_PUBLIC_URL ?? `http://localhost:${port}`,
    encryptionKey: overrides.encryptionKey ?? loadEncryptionKey(env, keyFile),
    smtpUrl: overrides.smtpUrl !== undefined ? overrides.smtpUrl : (env.MAMORI_SMTP_URL ?? null),
    mailFrom: overrides.mailFrom ?? env.MAMORI_MAIL_FROM ?? 'Mamori <no-reply@mamori.local>',
    cookieSecure: overrides.cookieSecure ?? env.MAMORI_COOKIE_SECURE === '1',
    scheduler: overrides.scheduler ?? env.MAMORI_SCHEDULER !== '0',
    loginRateLimit: overrides.loginRateLimit ?? Number(env.MAMORI_LOGIN_RATE_LIMIT ?? 20),
    sessionCacheMs: overrides.sessionCacheMs ?? Number(env.MAMORI_SESSION_CACHE_MS ?? 2000),
    dbPoolSize: overrides.dbPoolSize ?? poolSizeOf(env, 'MAMORI_DB_POOL_SIZE', DEFAULT_POOL_SIZE),
    dbReadPoolSize: overrides.dbReadPoolSize ?? poolSizeOf(env, 'MAMORI_DB_READ_POOL_SIZE', DEFAULT_READ_POOL_SIZE),
  };
}
