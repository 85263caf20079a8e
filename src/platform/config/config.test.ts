import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_SIZE, DEFAULT_READ_POOL_SIZE } from '../db/connection.ts';
import { loadConfig } from './config.ts';

// Only the pool sizes are read here; a fixed key keeps loadConfig from writing a key file.
const base = { MAMORI_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('設定: PostgreSQL の接続数', () => {
  it('未設定なら既定値（通常 10、読取り専用 4）', () => {
    const config = loadConfig({}, base);
    expect([config.dbPoolSize, config.dbReadPoolSize]).toEqual([DEFAULT_POOL_SIZE, DEFAULT_READ_POOL_SIZE]);
    expect([DEFAULT_POOL_SIZE, DEFAULT_READ_POOL_SIZE]).toEqual([10, 4]);
  });

  it('MAMORI_DB_POOL_SIZE と MAMORI_DB_READ_POOL_SIZE で変えられる', () => {
    const config = loadConfig({}, { ...base, MAMORI_DB_POOL_SIZE: '6', MAMORI_DB_READ_POOL_SIZE: '2' });
    expect([config.dbPoolSize, config.dbReadPoolSize]).toEqual([6, 2]);
  });

  it.each(['0', '-1', '2.5', 'abc', '101'])('不正な値 %s は変数名を示して起動を止める', (value) => {
    expect(() => loadConfig({}, { ...base, MAMORI_DB_READ_POOL_SIZE: value })).toThrow(/MAMORI_DB_READ_POOL_SIZE は 1 から 100 までの整数/);
    expect(() => loadConfig({}, { ...base, MAMORI_DB_POOL_SIZE: value })).toThrow(/MAMORI_DB_POOL_SIZE は 1 から 100 までの整数/);
  });
});
