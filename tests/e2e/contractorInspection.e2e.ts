import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './support/antd.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

/**
 * 委託先の実地検査 (issue 13): the 個人情報保護管理者 (also 総務部の所属長) records an on-site inspection of the
 * payroll bureau with a 重大 finding (豊島区 守るべき事項 5.), opens a 是正処置 from it (J.7.1) and follows
 * the link both ways; then the 営業部の所属長 opens the same 是正処置.
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
    // Saving with nothing typed names the field in Japanese.
    await card.getByTestId('in-save').click();
    await card.getByTestId('in-form-error').getByText('検査日を入力してください').waitFor();
    await card.getByLabel('検査日').fill('令和8年12月1日');
    await card.getByLabel('検査者').fill('総務部 佐藤 花子');
    await card.getByLabel('検査の範囲').fill('個人情報の管理の状況（保管庫・端末）');
    await card.getByTestId('in-add-finding').click();
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

  it('営業部の所属長（委託先の閲覧を持つ）も是正処置の画面で契機の実地検査を見る', async () => {
    await context.clearCookies();
    await login('sales-head@demo.mamori.local');
    await page.goto(correctiveUrl);
    await page.getByText('委託先の実地検査（J.7.1 g) 1)・J.9.4）').waitFor();
    await page.getByTestId('ca-inspection-link').getByText('実地検査 2026/12/01 デモ給与計算センター株式会社').waitFor();
    await page.screenshot({ path: 'test-results/contractor-inspection-corrective-sales-head.png', fullPage: true });
  });
});
