import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { openDatabase, PGLITE_SHARED_BUFFERS } from '../../src/platform/db/connection.ts';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';

// Issue 11 (PGlite's idle RSS): the embedded database on disk starts with a 16 MB buffer cache
// instead of PostgreSQL's 128 MB, which lived in the never-shrinking WASM heap (docs/operations.md).
it('組み込みデータベースは shared_buffers を 16MB で起動する（待機時のメモリを抑える）', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mamori-pglite-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: path.join(dir, 'data') });
  try {
    const result = await asSystem(database, (tx) => tx.execute(sql`show shared_buffers`));
    expect(PGLITE_SHARED_BUFFERS).toBe('16MB');
    expect(rowsOf<{ shared_buffers: string }>(result)[0]?.shared_buffers).toBe('16MB');
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Issue 11 (PGlite's idle RSS, bench/pgliteRss.ts): V8's young generation, 16 MB per semi-space by
// default, stayed resident after the first requests; at 2 MB the idle server measured 251 MB
// instead of 337 MB (median of 3) with the 従業者一覧 bench unchanged (255 against 259 req/s).
it('npm start と npm run dev は、Node.js の若い世代を 2 MB に抑えてサーバーを起動する（待機時のメモリ）', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.start).toMatch(/ node --max-semi-space-size=2 bin\/mamori\.js serve$/);
  expect(scripts.dev).toBe('node --max-semi-space-size=2 bin/mamori.js serve');
});
