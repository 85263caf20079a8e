import { describe, expect, it } from 'vitest';
import { describeSoak, runSoak } from '../../bench/soak.ts';
import { testDbKind } from '../support/testDb.ts';

/**
 * Issue 11, reliability programme: the bounded soak at mixed load, the short version of
 * `npm run bench:soak` (bench/soak.ts, 10 minutes by default): 30 s of reads and writes through
 * the HTTP API of a real `mamori serve` on PostgreSQL; 0 errors, the audit chain 正常 after, and
 * the server's RSS at start, peak and end printed.
 *
 * Runs in the PostgreSQL pass of the suite (MAMORI_TEST_DB=postgres, MAMORI_TEST_PG_URL).
 */
const adminUrl = testDbKind() === 'postgres' ? process.env.MAMORI_TEST_PG_URL : undefined;

describe.skipIf(!adminUrl)('耐久試験 30 秒 (PostgreSQL, issue 11 信頼性)', () => {
  it('読取りと書込みを混ぜた 30 秒の負荷でエラーは 0 件、監査証跡は正常、RSS を開始・最大・終了で示す', async () => {
    const result = await runSoak({ adminUrl: adminUrl as string, seconds: 30, clients: 3 });
    console.log(describeSoak(result));
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(50);
    expect(result.auditVerified).toBe(true);
    expect(result.rssStartMb).toBeGreaterThan(0);
  }, 180_000);
});
