import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from '../../src/platform/db/connection.ts';

/**
 * Issue 11 #4: the data-directory lock was kept alive by a timer on the server's own event loop.
 * While a crafted upload blocked that loop for 24 s, the lock looked stale after 15 s, a CLI
 * command took it and read the live directory, and the server then died on an uncaught
 * ECOMPROMISED. The holder's heartbeat must not depend on its event loop, and a holder whose
 * lock is lost stops with a Japanese message instead of crashing.
 */

const temp = mkdtempSync(path.join(os.tmpdir(), 'mamori-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

const fixture = path.resolve('tests/security/fixtures/holdDataDir.ts');

/** Starts a process that holds `dataDir`, stalls its event loop for `stallMs`, waits `holdMs`, closes. */
function holder(dataDir: string, stallMs: number, holdMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, String(stallMs), String(holdMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const locked = (async () => {
    for (let waited = 0; waited < 60_000; waited += 50) {
      if (stdout.includes('LOCKED')) return;
      if (child.exitCode !== null) throw new Error(`holder exited before locking: ${stderr}`);
      await sleep(50);
    }
    throw new Error('holder did not lock within 60 s');
  })();
  return { locked, exited, output: () => ({ stdout, stderr }) };
}

describe('#4 データディレクトリのロック', () => {
  it('保持しているプロセスのイベントループが 15 秒を超えて止まっても、別のプロセスはロックを取れず、保持側は正常に閉じる', async () => {
    const dataDir = path.join(temp, 'stall');
    // Stalled for 18 s: longer than the 15 s after which the old lock counted as stale.
    const h = holder(dataDir, 18_000, 2_000);
    await h.locked;
    await sleep(16_500);
    const stolen = await openDatabase({ databaseUrl: null, dataDir }).then(
      async (database) => {
        await database.close();
        return true;
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(DataDirLockedError);
        return false;
      },
    );
    expect(stolen, 'a second process took the lock of a living holder').toBe(false);
    const exit = await h.exited;
    expect(h.output().stderr).not.toContain('ECOMPROMISED');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(h.output().stdout).toContain('CLOSED');
    // Closed means released: the directory can be opened again at once.
    const again = await openDatabase({ databaseUrl: null, dataDir });
    await again.close();
  }, 90_000);

  it('ロックを失った保持側（ロックファイルが消された）は、日本語で理由を示して停止する（ECOMPROMISED で落ちない）', async () => {
    const dataDir = path.join(temp, 'compromised');
    const h = holder(dataDir, 0, 60_000);
    await h.locked;
    rmSync(`${dataDir}.lock`, { recursive: true, force: true });
    const exit = await Promise.race([h.exited, sleep(30_000).then(() => 'still running' as const)]);
    expect(exit).toEqual({ code: 3, signal: null });
    const { stdout, stderr } = h.output();
    expect(stderr).toMatch(/データディレクトリ .* のロックが失われました/);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).not.toContain('CLOSED');
  }, 90_000);
});
