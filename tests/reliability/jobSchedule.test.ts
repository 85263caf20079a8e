import { describe, expect, it } from 'vitest';
import type { Deps } from '../../src/platform/http/types.ts';
import { startJobs } from '../../src/platform/jobs/jobs.ts';

// MAMORI_JOB_SCHEDULE (docs/operations.md「信頼性の試験」): the test-only override that lets
// tests/reliability/twoInstances.test.ts fire every job of two servers at the same second.
describe('MAMORI_JOB_SCHEDULE（ジョブの実行間隔の上書き）', () => {
  const deps = {} as Deps; // no job fires: the schedules are stopped at once

  it('cron 式でない値は、値を示した日本語のエラーで起動を止める', () => {
    expect(() => startJobs(deps, () => undefined, { MAMORI_JOB_SCHEDULE: '毎秒' })).toThrow('MAMORI_JOB_SCHEDULE の形式が正しくありません（指定値: 毎秒）');
  });

  it('秒を含む 6 項目の cron 式を受け付け、止められる', () => {
    const stop = startJobs(deps, () => undefined, { MAMORI_JOB_SCHEDULE: '*/2 * * * * *' });
    stop();
  });
});
