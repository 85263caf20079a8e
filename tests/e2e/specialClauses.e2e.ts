import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

/**
 * 個人情報特記事項 (issue 13): on the 委託先's page the 個人情報保護管理者 picks 豊島区 資料B and
 * 再委託の制限, downloads the .docx and reads it back (word/document.xml).
 */
describe('journey: 個人情報特記事項を選んで Word でダウンロードする', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    context = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  it('再委託の制限を選んだ特記事項（資料B 第6条）が .docx に入る', async () => {
    await page.goto('/login');
    await page.getByLabel('ログインID（メールアドレス）').fill('pms@demo.mamori.local');
    await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.getByText('株式会社デモ発送サービス').click();
    const card = page.getByTestId('special-clauses');
    await card.waitFor();
    await card.getByTestId('sc-subcontracting').getByText('制限（甲の承認による）').click();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('sc-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/^個人情報特記事項_株式会社デモ発送サービス_\d{8}\.docx$/);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const text = strFromU8(files['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');
    expect(text).toContain('（再委託の制限）');
    expect(text).not.toContain('（再委託の禁止）');
    expect(text).toContain('株式会社デモ発送サービス（以下「乙」という。）');
  });
});
