import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { approveOpenRequest } from './support/approvals.ts';
import { checkAccessibilityAfterEachStep, expectAccessible } from './support/axe.ts';
import { keepFailureEvidence } from './support/browser.ts';
import { saveScreenshot, useJourney } from './support/journey.ts';

/**
 * Issue #13, J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、「委託先審査表」に
 * 定める」, in Chromium against a real server with the demo organization: the 個人情報保護管理者 opens
 * the criteria from the 委託先 list (the built-in 世田谷区 調査票, 9 items), adds a 10th item (an empty
 * text is refused naming the item), submits; トップマネジメント approves on the 承認 screen; the criteria
 * in force are then 第1版 with 10 items, and a new 委託先審査表 shows 10 items while last year's
 * evaluation still names the version it used. The connected 委託先 gets 「評価基準の改定のお知らせ」 at
 * once — its bell says so — and answers item 10 in its profile before any 調査票; the 調査票 then starts
 * from that answer. A 委託先 that accepts its invitation after the approval (デモ給与計算センター, its own
 * organization) gets the criteria in force at once, as 「現在の評価基準のお知らせ」, and its bell says so.
 * axe-core checks every page a step ends on.
 */
describe('journey: 委託先の評価基準に 10 番目の項目を足し、トップマネジメントの承認で新しい評価に使われる', () => {
  const LATE = 'privacy@kyuyo-journey.example';
  const journey = useJourney({
    before: [
      ['demo'],
      ['user', 'create', '--login', LATE, '--name', '給与 花子', '--organization', 'デモ給与計算センター株式会社', '--role', 'pms_manager', '--password', DEMO_PASSWORD],
    ],
  });
  let page: Page;
  const tenth = '委託先従業者に対する個人情報保護教育の実施';

  /** Each person in a context of their own, signed in by the shared helper (the login page has its own journey). */
  async function login(loginId: string) {
    page = await journey.signIn(loginId);
  }
  const shot = (name: string) => saveScreenshot(page, name);

  keepFailureEvidence(() => page);
  const accessibility = checkAccessibilityAfterEachStep(() => page);

  it('個人情報保護管理者が委託先の一覧から評価基準を開く: 既定の世田谷区 調査票 9 項目が適用中', async () => {
    await login('pms@demo.mamori.local');
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.getByTestId('contractors-criteria').click();
    await page.getByRole('heading', { name: '委託先の選定・評価基準', level: 1 }).waitFor();
    const current = page.getByTestId('cr-current');
    await current.getByText('適用中の評価基準: 個人情報管理状況調査票（既定）').waitFor();
    expect(await current.getByTestId('cr-current-items').locator('tbody tr').count()).toBe(9);
    await shot('contractor-criteria-default');
  });

  it('10 番目の項目を足す: 文言が空なら「評価項目 10 の文言を入力してください」、入れて承認を申請する', async () => {
    await page.getByTestId('cr-edit').click();
    const editor = page.getByTestId('cr-editor');
    await editor.getByText('評価基準の第1版（下書き）').waitFor();
    // J.9.4 s) names the criteria 「委託先審査表」.
    await editor.getByLabel('評価基準の名称').fill('委託先審査表');
    await editor.getByTestId('cr-add-item').click();
    await expect(editor.getByTestId('cr-item-code-10').inputValue()).resolves.toBe('10');
    await editor.getByTestId('cr-save').click();
    await editor.getByTestId('cr-error').getByText('評価項目 10 の文言を入力してください').waitFor();
    await editor.getByTestId('cr-item-text-10').fill(tenth);
    await shot('contractor-criteria-editor');
    await editor.getByTestId('cr-submit').click();
    await page.getByText('第1版をトップマネジメントの承認に回しました').waitFor();
    const open = page.getByTestId('cr-open');
    await open.getByText('第1版がトップマネジメントの承認待ちです。承認されると新しい評価と調査票に使われます。').waitFor();
    // 承認までは既定の版のまま
    await page.getByTestId('cr-current').getByText('適用中の評価基準: 個人情報管理状況調査票（既定）').waitFor();
    await page.getByTestId('cr-history').getByText('評価項目の追加').waitFor();
    await shot('contractor-criteria-pending');
  });

  it('トップマネジメントが承認待ちから開き、追加された項目を読んで承認する', async () => {
    await login('top@demo.mamori.local');
    await page.getByRole('menuitem', { name: /承認$/ }).click();
    await page.getByRole('heading', { name: '承認', exact: true }).waitFor();
    await page.getByTestId('approvals-view').getByText('承認待ち', { exact: true }).click();
    const row = page.getByTestId('approvals-list').getByRole('row', { name: /委託先の選定・評価基準 第1版/ });
    await row.getByRole('link', { name: /委託先の選定・評価基準 第1版/ }).click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    const record = page.getByTestId('approval-record');
    await record.getByText(tenth).first().waitFor();
    await record.getByText(`評価項目の追加: 10 ${tenth}`).waitFor();
    await approveOpenRequest(page);
    await page.getByTestId('approval-status').first().getByText('承認済み').waitFor();
  });

  it('承認後: 第1版（10 項目）が適用中、既定は「過去の版」; 新しい委託先審査表は 10 項目で、昨年の評価は既定の版のまま', async () => {
    await login('pms@demo.mamori.local');
    await page.goto('/contractors/criteria');
    await page.getByTestId('cr-current').getByText('適用中の評価基準: 委託先審査表（第1版）').waitFor();
    expect(await page.getByTestId('cr-current-items').locator('tbody tr').count()).toBe(10);
    await page.getByTestId('cr-history').getByText('過去の版').waitFor();
    // The connected 委託先 (株式会社デモ発送サービス) was told on approval (issue #13).
    await page.getByTestId('cr-published-to').getByText('接続している委託先 1 社に、この版の名称・版・評価項目を知らせました', { exact: false }).waitFor();
    await shot('contractor-criteria-approved');
    await page.getByRole('link', { name: '委託先の一覧' }).click();
    await page.getByTestId('contractors-search').locator('input').fill('デモ発送');
    await page.getByTestId('contractors-search').locator('input').press('Enter');
    await page.getByRole('cell', { name: '株式会社デモ発送サービス' }).click();
    const card = page.getByTestId('ct-evaluation');
    await card.getByText('評価基準: 委託先審査表（第1版）').waitFor();
    await card.getByTestId('ct-eval-item-10').waitFor();
    await card.getByText(tenth).waitFor();
    expect(await card.locator('[data-testid^="ct-eval-item-"]').count()).toBe(10);
    // Last year's evaluation names the version it was scored against.
    await card.locator('[data-testid^="ct-eval-criteria-2"]').getByText('個人情報管理状況調査票（既定）').waitFor();
    await shot('contractor-evaluation-10-items');
  });

  it('承認した第1版は調査票の前に委託先へ届く: 通知のベルから受信箱の「現在の評価基準のお知らせ」へ、プロフィールに 10 が「改定された評価基準（第1版）」として並び、答えておける（issue #13）', async () => {
    await login('vendor@demo.mamori.local');
    // Its people who answer the portal are told in-app; the notification opens the inbox.
    await page.getByTestId('notification-bell').click();
    const told = page.locator('.ant-popover').getByText('株式会社まもりデモから現在の評価基準のお知らせが届きました（第1版）');
    await told.waitFor();
    await shot('contractor-criteria-notice-bell');
    await told.click();
    await page.waitForURL(/\/contractor-portal$/);
    const notice = page.getByTestId('portal-criteria-notice-1');
    // Nothing came from this 委託元 before (no 調査票): the criteria in force, not a change.
    await notice.getByText('現在の評価基準のお知らせ').waitFor();
    await notice.getByText('現在の評価基準（第1版）').waitFor();
    await notice.getByText('株式会社まもりデモが委託先の評価に使っている評価基準は「委託先審査表」（第1版、10項目）です。', { exact: false }).waitFor();
    await notice.getByText('評価項目（10項目）').click();
    await notice.getByText(`10 ${tenth}`).waitFor();
    await shot('contractor-criteria-notice-inbox');
    await expectAccessible(page, '委託元からの依頼（現在の評価基準のお知らせ）');
    await notice.getByRole('link', { name: '自社のプロフィール' }).click();
    await page.waitForURL(/\/contractor-profile$/);
    const row = page.getByTestId('profile-row-10');
    await row.getByText(`10 ${tenth}`).waitFor();
    await row.getByText('尋ねている委託元: 株式会社まもりデモ（改定された評価基準（第1版））').waitFor();
    await page.getByTestId('profile-shares').getByText('改定された評価基準（第1版）: 委託先審査表', { exact: false }).waitFor();
    await row.getByText('はい', { exact: true }).click();
    await page.getByTestId('profile-save').click();
    await page.getByText('プロフィールを保存しました').waitFor();
    await shot('contractor-profile-criteria-revision');
  });

  it('第1版で調査票を送ると、委託先のプロフィールに追加の 10 が尋ねている委託元つきで並び、答えた回答から調査票を始められる（issue #13）', async () => {
    // The 委託元 opens the 委託先's page again and sends a 調査票: it carries 第1版 (10 items).
    await login('pms@demo.mamori.local');
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.getByTestId('contractors-search').locator('input').fill('デモ発送');
    await page.getByTestId('contractors-search').locator('input').press('Enter');
    await page.getByRole('cell', { name: '株式会社デモ発送サービス' }).click();
    const portal = page.getByTestId('portal-card');
    await portal.getByText('接続済み').waitFor();
    await portal.getByTestId('portal-request-kind').click();
    await page.getByTitle('個人情報管理状況調査票（添付つき）').click();
    await portal.locator('#portal-due').fill('2099/01/31');
    await portal.getByTestId('portal-request').click();
    await portal.getByText('調査票を開く').first().waitFor();
    // The 委託先's user, in its own organization.
    await login('vendor@demo.mamori.local');
    await page.getByRole('menuitem', { name: '自社のプロフィール' }).click();
    await page.waitForURL(/\/contractor-profile$/);
    const row = page.getByTestId('profile-row-10');
    await row.getByText(`10 ${tenth}`).waitFor();
    // Now asked by the 調査票 itself, and the answer given before it is kept.
    await row.getByText('尋ねている委託元: 株式会社まもりデモ（最新の調査票）').waitFor();
    await expect(page.getByTestId('profile-item-10').locator('input[value="yes"]').isChecked()).resolves.toBe(true);
    // An item of the built-in 調査票 the 委託元 still asks says so too.
    await page.getByTestId('profile-row-2').getByText('尋ねている委託元: 株式会社まもりデモ（最新の調査票）（個人情報管理状況調査票の項目）').waitFor();
    await row.getByText('はい', { exact: true }).click();
    await page.getByTestId('profile-save').click();
    await page.getByText('プロフィールを保存しました').waitFor();
    await shot('contractor-profile-added-item');
    await expectAccessible(page, 'プロフィール（委託元ごとの評価項目）');
    await page.getByRole('menuitem', { name: '委託元からの依頼' }).click();
    await page.waitForURL(/\/contractor-portal$/);
    const answer = page.getByRole('link', { name: '調査票に回答する' }).first();
    await answer.waitFor();
    await answer.click();
    await page.waitForURL(/\/contractor-exchanges\//);
    const form = page.getByTestId('questionnaire-form');
    await form.getByTestId('questionnaire-item-10').getByText(tenth).waitFor();
    await form.getByTestId('questionnaire-from-profile').click();
    await expect(form.getByTestId('questionnaire-item-10').locator('input[value="yes"]').isChecked()).resolves.toBe(true);
    await form.getByTestId('questionnaire-item-2').getByText('プロフィールにない項目です').waitFor();
    // Items the profile lacks, answered here, go to the profile only when the 委託先 ticks the box.
    await form.getByTestId('questionnaire-item-1').getByText('いいえ', { exact: true }).click();
    await form.getByTestId('questionnaire-item-1-details').fill('2027年度に取得を予定');
    for (let n = 2; n <= 9; n++) await form.getByTestId(`questionnaire-item-${n}`).getByText('はい', { exact: true }).click();
    const keep = form.getByTestId('questionnaire-keep-in-profile');
    const label = keep.getByText('プロフィールにない項目（1、2、3、4、5、6、7、8、9）の回答を、自社のプロフィールにも保存する');
    await label.waitFor();
    await expect(keep.locator('input[type=checkbox]').isChecked()).resolves.toBe(false);
    await label.click();
    await expect(keep.locator('input[type=checkbox]').isChecked()).resolves.toBe(true);
    await shot('contractor-questionnaire-from-profile');
    await expectAccessible(page, '調査票（プロフィールから）');
    await form.getByTestId('questionnaire-answered-by').fill('発送 一郎');
    await form.getByTestId('questionnaire-submit').click();
    await page.getByText('調査票を送り、9項目の回答をプロフィールにも保存しました').waitFor();
    await page.getByTestId('questionnaire-status').getByText('回答済み（確認待ち）').waitFor();
    await page.getByRole('menuitem', { name: '自社のプロフィール' }).click();
    await page.waitForURL(/\/contractor-profile$/);
    // The answers load with the profile: item 1's details box appears only once they are there.
    await page.getByTestId('profile-row-1').locator('textarea').waitFor();
    await expect(page.getByTestId('profile-row-1').locator('textarea').inputValue()).resolves.toBe('2027年度に取得を予定');
    await expect(page.getByTestId('profile-item-2').locator('input[value="yes"]').isChecked()).resolves.toBe(true);
  });

  it('承認のあとに招待を受けた委託先にも、適用中の第1版がすぐ届き、ベルで知らされる（issue #13、J.9.4 s)）', async () => {
    await login('pms@demo.mamori.local');
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.getByText('デモ給与計算センター株式会社').first().click();
    const card = page.getByTestId('portal-card');
    await card.getByTestId('portal-invite-email').fill(LATE);
    await card.getByTestId('portal-invite').click();
    const code = ((await card.getByTestId('portal-invite-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[\w-]{32}$/);
    await login(LATE);
    await page.getByRole('menuitem', { name: '委託元からの依頼' }).click();
    await page.waitForURL(/\/contractor-portal$/);
    // Nothing before accepting.
    expect(await page.getByTestId('portal-criteria-notices').count()).toBe(0);
    await page.getByTestId('portal-accept-code').fill(code);
    await page.getByTestId('portal-accept-submit').click();
    const notice = page.getByTestId('portal-criteria-notice-1');
    await notice.getByText('現在の評価基準のお知らせ').waitFor();
    await notice.getByText('株式会社まもりデモが委託先の評価に使っている評価基準は「委託先審査表」（第1版、10項目）です。', { exact: false }).waitFor();
    expect(await notice.getByText('からの変更').count()).toBe(0);
    await page.getByTestId('notification-bell').click();
    // The bell is refreshed by the acceptance itself (no reload).
    await page.locator('.ant-popover').getByText('株式会社まもりデモから現在の評価基準のお知らせが届きました（第1版）').waitFor();
    await shot('contractor-criteria-notice-after-accepting');
    // The 委託元 sees 2 委託先 told of 第1版.
    await login('pms@demo.mamori.local');
    await page.goto('/contractors/criteria');
    await page.getByTestId('cr-published-to').getByText('接続している委託先 2 社に', { exact: false }).waitFor();
  });

  it('axe-core が歩いた画面（評価基準・承認の詳細・委託先の詳細・プロフィール・調査票）を検査した', () => {
    expect([...accessibility.checked]).toEqual(expect.arrayContaining(['/contractors/criteria', '/contractor-profile']));
    expect([...accessibility.checked].some((p) => /^\/approvals\/[0-9a-f-]+$/.test(p))).toBe(true);
  });
});
