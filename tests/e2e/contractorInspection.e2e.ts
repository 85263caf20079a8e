import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './support/antd.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

/**
 * 委託先の実地検査 (issue 13): the 個人情報保護管理者 (also 総務部の所属長) records an on-site inspection of the
 * payroll bureau with a 重大 finding (豊島区 守るべき事項 5.), opens a 是正処置 from it (J.7.1) and follows
 * the link both ways, and applies for the plan with what is typed on the screen (saved first: walk finding 2);
 * then the 営業部の所属長 opens the same 是正処置, and an employee without the right sees the clean 403 page
 * with the way home (walk finding 23).
 */
describe('journey: 実地検査を記録し、指摘事項から是正処置を起こす', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let correctiveUrl = '';

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    context = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  async function login(loginId: string) {
    await page.goto('/login');
    await page.getByLabel('ログインID（メールアドレス）').fill(loginId);
    await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
  }

  it('実地検査を記録する（検査日は和暦で入力、指摘事項は重大）', async () => {
    await login('pms@demo.mamori.local');
    // The home's 期限 lists 「デモ給与計算センター株式会社 委託先の実地検査」 (守るべき事項 5.: due within the month).
    await page.getByRole('link', { name: 'デモ給与計算センター株式会社 委託先の実地検査' }).waitFor();
    await page.screenshot({ path: 'test-results/contractor-inspection-home.png', fullPage: true });
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.waitForURL(/\/contractors$/);
    await page.getByText('デモ給与計算センター株式会社', { exact: true }).click();
    const card = page.getByTestId('ct-inspections');
    await card.waitFor();
    await card.getByTestId('in-due').getByText('特定個人情報を委託しているため').waitFor();
    await card.getByTestId('in-add').click();
    // The required fields are marked; saving with nothing typed shows every missing field at once, each
    // under its field in Japanese (not one per press).
    await card.getByTestId('in-add-finding').click();
    for (const label of ['検査日', '検査の方法', '検査者', '検査の範囲', '指摘事項 1 指摘事項の区分', '指摘事項 1 指摘事項の内容', '検査の結果'])
      await card.locator('label.ant-form-item-required', { hasText: label }).waitFor();
    await card.getByTestId('in-save').click();
    for (const text of ['検査日を入力してください', '検査者を入力してください', '検査の範囲を入力してください', '指摘事項の内容を入力してください', '検査の結果を入力してください'])
      await card.locator('.ant-form-item-explain-error', { hasText: text }).waitFor();
    await card.getByTestId('in-form-error').getByText('保存できませんでした。赤い項目を確認してください').waitFor();
    await page.screenshot({ path: 'test-results/contractor-inspection-errors.png', fullPage: true });
    await card.getByLabel('検査日').fill('令和8年12月1日');
    await card.getByLabel('検査者').fill('総務部 佐藤 花子');
    await card.getByLabel('検査の範囲').fill('個人情報の管理の状況（保管庫・端末）');
    await chooseOption(page, card.getByTestId('in-finding-1').locator('.ant-select'), '重大');
    await card.getByLabel('指摘事項 1 指摘事項の内容').fill('端末にパスワードが設定されていなかった');
    await card.getByLabel('検査の結果').fill('重大な指摘1件。是正を求める。');
    await card.getByTestId('in-save').click();
    const record = card.getByTestId('in-record-2026-12-01');
    await record.waitFor();
    await record.getByText('端末にパスワードが設定されていなかった').waitFor();
    await record.getByText('重大', { exact: true }).waitFor();
  });

  it('指摘事項から是正処置を起こし、番号と状態が指摘事項に出る。是正処置の画面に「実地検査 日付 委託先名」', async () => {
    const record = page.getByTestId('ct-inspections').getByTestId('in-record-2026-12-01');
    await record.getByRole('button', { name: '是正処置を起こす: 指摘事項 1' }).click();
    const link = record.getByTestId('in-corrective-link');
    await link.waitFor();
    expect(await link.textContent()).toMatch(/^是正処置 CA-\d{4}-\d{4}$/);
    await record.getByText('計画作成中').waitFor();
    await page.screenshot({ path: 'test-results/contractor-inspection-finding.png', fullPage: true });
    await link.click();
    await page.waitForURL(/\/corrective-actions\/[0-9a-f-]+$/);
    correctiveUrl = new URL(page.url()).pathname;
    await page.getByText('委託先の実地検査（J.7.1 g) 1)・J.9.4）').waitFor();
    await page.getByTestId('ca-inspection-link').getByText('実地検査 2026/12/01 デモ給与計算センター株式会社').waitFor();
    await page.screenshot({ path: 'test-results/contractor-inspection-corrective-pms.png', fullPage: true });
    await page.getByTestId('ca-inspection-link').click();
    await page.getByTestId('ct-inspections').waitFor();
  });

  it('処置計画を申請すると画面の記入を先に保存する（保存を押さずに申請しても「記入が必要です」とは言わない: J.7.1 h) 3)）', async () => {
    await page.goto(correctiveUrl);
    await page.getByTestId('ca-rootCause').fill('端末の設定手順にパスワードの設定が含まれていなかった');
    await page.getByTestId('ca-plan').fill('設定手順にパスワードの設定を加え、全端末を確認する');
    await page.getByLabel('実施期限').fill('2027/1/31');
    await page.getByTestId('ca-submit-plan').click();
    await page.getByText('申請しました').waitFor();
    await page.getByText('計画の承認待ち').first().waitFor();
    expect(await page.getByText('次の記入が必要です').count()).toBe(0);
    // What was typed is what was saved and submitted.
    await expect(page.getByTestId('ca-rootCause').inputValue()).resolves.toBe('端末の設定手順にパスワードの設定が含まれていなかった');
    await page.screenshot({ path: 'test-results/contractor-inspection-corrective-submitted.png', fullPage: true });
  });

  it('営業部の所属長（委託先の閲覧を持つ）も是正処置の画面で契機の実地検査を見る', async () => {
    await context.clearCookies();
    await login('sales-head@demo.mamori.local');
    await page.goto(correctiveUrl);
    await page.getByText('委託先の実地検査（J.7.1 g) 1)・J.9.4）').waitFor();
    await page.getByTestId('ca-inspection-link').getByText('実地検査 2026/12/01 デモ給与計算センター株式会社').waitFor();
    await page.screenshot({ path: 'test-results/contractor-inspection-corrective-sales-head.png', fullPage: true });
  });

  it('権限のない従業者が是正処置の画面を開くと、一覧と同じ 403 の画面とホームへ戻る（再読み込みは出さない）', async () => {
    await context.clearCookies();
    await login('staff@demo.mamori.local');
    await page.goto(correctiveUrl);
    await page.getByText('この画面を表示する権限がありません').waitFor();
    expect(await page.getByText('データを読み込めませんでした').count()).toBe(0);
    expect(await page.getByRole('button', { name: '再読み込み' }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/contractor-inspection-corrective-forbidden.png', fullPage: true });
    await page.getByTestId('forbidden-home').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
  });
});
