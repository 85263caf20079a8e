import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { runPolicyAcknowledgementTasks } from './policy.acknowledgements.ts';

// The demo (npm run demo, platform/demo.ts) publishes the 内部向け個人情報保護方針 第1版: its 周知 tasks
// (J.2.2 3 「組織内に周知する」) are there from the start, not only after the daily job
// `policy-acknowledgement-tasks` has run the next morning.

let t: TestApp;
let staff: Client;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff@demo.mamori.local');
});
afterAll(() => t.close());

describe('デモの方針の周知（J.2.2 3 組織内に周知する）', () => {
  it('新しいデモでは、日次ジョブを待たずに staff@ に「内部向け個人情報保護方針（第1版）の確認」タスクがあり、ジョブを走らせても増えない', async () => {
    const mine = await staff.call(tasksContract.myTasks, { query: { view: 'open' } });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i) => i.title)).toContain('内部向け個人情報保護方針（第1版）の確認');
    // The daily job finds every account holder's task already open.
    expect((await runPolicyAcknowledgementTasks(t.deps)).created).toBe(0);
  });
});
