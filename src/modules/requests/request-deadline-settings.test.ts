import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { orgContract } from '../../platform/org/org.contract.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { requestsContract as C } from './requests.contract.ts';

// 開示等の請求の期限 from the organization's settings (issue #14): a municipality's 施行条例 may set a
// shorter 決定の期間 and 延長 than the law's 30 + 30 days (法第83条, 法第108条) and is then cited; a
// private organization's 遅滞なく target is its own number of days.

let t: TestApp;
let pms: Client;
let desk: Client;

const disclosure = {
  receivedOn: '2026-04-02',
  channel: 'counter' as const,
  kind: 'disclosure' as const,
  requesterName: '請求 太郎',
  content: '私の相談記録の開示を求めます',
};

const setProfile = (profile: 'public' | 'private') => asSystem(t.database, (tx) => tx.update(organizations).set({ profile }).where(eq(organizations.id, t.demoOrganizationId)));

async function settings(changes: Record<string, unknown>) {
  const org = await pms.call(orgContract.organization);
  return pms.call(orgContract.updateSettings, { body: { ...org.body.settings, ...changes } as never });
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-04-10T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  desk = await t.login('desk@demo.mamori.local');
});
afterAll(() => t.close());

describe('開示等の請求の期限の設定（法第83条・第108条の条例、民間事業者の目標）', () => {
  it('設定のない地方公共団体は法律の30日（2026-04-02 受付 → 2026-05-07、末日が休日のため翌開庁日）', async () => {
    await setProfile('public');
    const r = await desk.call(C.create, { body: disclosure });
    expect(r.status).toBe(201);
    expect(r.body.deadline).toMatchObject({ dueOn: '2026-05-07', legal: true });
  });

  it('施行条例で15日・延長15日と定めた地方公共団体は、翌日起算15日目（2026-04-17）が期限で、根拠に条例の名前を示す', async () => {
    await setProfile('public');
    const saved = await settings({ requestPeriodDays: 15, requestExtensionDays: 15, requestOrdinance: '豊島区個人情報保護法施行条例' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.settings).toMatchObject({ requestPeriodDays: 15, requestExtensionDays: 15, requestOrdinance: '豊島区個人情報保護法施行条例' });
    const r = await desk.call(C.create, { body: disclosure });
    expect(r.status).toBe(201);
    expect(r.body.deadline.dueOn).toBe('2026-04-17');
    expect(JSON.stringify(r.body.deadline)).toContain('豊島区個人情報保護法施行条例');
    // A request that leaves the fields out keeps them (the settings are merged).
    const { requestOrdinance: _o, requestPeriodDays: _p, ...others } = saved.body.settings;
    const kept = await pms.call(orgContract.updateSettings, { body: others });
    expect(kept.body.settings).toMatchObject({ requestPeriodDays: 15, requestOrdinance: '豊島区個人情報保護法施行条例' });
  });

  it('民間事業者は目標日数（既定14日、設定で10日）を目安の期限とし、法定の期限ではない', async () => {
    await setProfile('private');
    await settings({ requestTargetDays: 10 });
    const r = await desk.call(C.create, { body: disclosure });
    expect(r.status).toBe(201);
    expect(r.body.deadline).toMatchObject({ dueOn: '2026-04-13', legal: false });
  });

  it('法律より長い期間・範囲外の日数は、項目を名指した日本語のエラーで保存しない', async () => {
    const before = (await pms.call(orgContract.organization)).body.settings;
    const longer = await settings({ requestPeriodDays: 45 });
    expect(longer.status).toBe(400);
    expect(JSON.stringify(longer.body)).toContain('決定の期間は法律の30日以内です');
    const negative = await settings({ requestExtensionDays: -1 });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain('延長の日数は0日以上にしてください');
    expect((await pms.call(orgContract.organization)).body.settings).toEqual(before);
  });

  it('日数を文字で送ると読み替えず、項目を名指して入力値を示すエラーで保存しない（１５日・十五日）', async () => {
    const before = (await pms.call(orgContract.organization)).body.settings;
    // The web reads 「１５日」 into 15 before sending; text reaching the API is refused, never coerced.
    const fullWidth = await settings({ requestPeriodDays: '１５日' });
    expect(fullWidth.status).toBe(400);
    expect(JSON.stringify(fullWidth.body)).toContain('決定の期間は数値で入力してください（入力値: １５日）');
    const kanji = await settings({ requestTargetDays: '十五日' });
    expect(kanji.status).toBe(400);
    expect(JSON.stringify(kanji.body)).toContain('回答の目標日数は整数で入力してください（例: 1,000日）（入力値: 十五日）');
    expect((await pms.call(orgContract.organization)).body.settings).toEqual(before);
  });
});
