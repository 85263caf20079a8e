import { describe, expect, it } from 'vitest';
import { crashTrialsPassed, runCrashTrials } from '../../bench/crashTrials.ts';
import { testDbKind } from '../support/testDb.ts';

/**
 * Issue 11, reliability programme: kill -9 trials on PostgreSQL, the short version of
 * `npm run bench:crash` (bench/crashTrials.ts, ≥ 5 rounds): `mamori serve` is SIGKILLed while
 * people are being created in parallel through the HTTP API; after the restart every
 * acknowledged write (201) is in the database and reads back, and `mamori audit verify` says 正常
 * (SPEC §3 監査証跡; Toshima 4-8-6 (3)).
 *
 * Runs in the PostgreSQL pass of the suite (MAMORI_TEST_DB=postgres, MAMORI_TEST_PG_URL).
 */
const adminUrl = testDbKind() === 'postgres' ? process.env.MAMORI_TEST_PG_URL : undefined;

describe.skipIf(!adminUrl)('kill -9 試験 (PostgreSQL, issue 11 信頼性)', () => {
  it('書込みの途中でサーバーを SIGKILL しても、応答 201 を返した書込みは再起動後にすべて残り、監査証跡は正常', async () => {
    const rounds = await runCrashTrials({ adminUrl: adminUrl as string, rounds: 2, concurrency: 6, killWindowMs: [600, 1_500], log: (line) => console.log(`[kill -9] ${line}`) });
    expect(rounds).toHaveLength(2);
    for (const r of rounds) {
      expect(r.acknowledged, `round ${r.round}`).toBeGreaterThan(0);
      expect(r.presentAfterRestart, `round ${r.round}: acknowledged writes lost`).toBe(r.acknowledged);
      expect(r.auditVerified, r.auditMessage).toBe(true);
      expect(r.errorStatuses).toBe(0);
    }
    expect(crashTrialsPassed(rounds)).toBe(true);
  }, 240_000);
});
