import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * Leaving a page mid-edit (issue 10: work was lost by clicking a menu item). A half-typed
 * 事故等の報告 asks before the page is left, and stays when the person chooses to; a saved form
 * leaves without a question; a page holding several forms (設定) asks for any of them.
 */
describe('journey: 入力途中でページを離れる', () => {
  let app: E2EApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const menu = (name: string) => page.getByRole('navigation').getByRole('menuitem', { name });
  const question = () => page.getByRole('dialog').filter({ hasText: '保存していない変更があります' });

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  it('役割のない従業者: 書きかけの事故報告はメニューで離れる前に確かめ、「このページに残る」で内容が残る', async () => {
    const staff = await signedInPage(browser, app.url, 'staff@demo.mamori.local');
    contexts.push(staff.context);
    page = staff.page;
    await page.goto(`${app.url}/incidents/report`);
    await page.getByLabel('件名（何が起きたか）').fill('顧客名簿の誤送信');
    await menu('ホーム').click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/unsaved-incident-question.png', fullPage: true });
    await question()
      .getByRole('button', { name: /残\s*る/ })
      .click();
    await expect.poll(() => question().count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/incidents/report');
    expect(await page.getByLabel('件名（何が起きたか）').inputValue()).toBe('顧客名簿の誤送信');

    await menu('ホーム').click();
    await question()
      .getByRole('button', { name: /保存せずに移動する/ })
      .click();
    await page.waitForURL(`${app.url}/`);
  });

  it('送った報告のあとは何も尋ねずに移動できる', async () => {
    await page.goto(`${app.url}/incidents/report`);
    await page.getByLabel('件名（何が起きたか）').fill('郵便物の誤配');
    await page.getByLabel('状況（分かっていること）').fill('別の顧客宛ての封筒に同封した');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-done').waitFor();
    await menu('ホーム').click();
    await page.waitForURL(`${app.url}/`);
    expect(await question().count()).toBe(0);
  });

  it('個人情報保護管理者（所属長も兼ねる）: 設定の画面で保存した後は尋ねず、保存していない変更は尋ねる', async () => {
    const pms = await signedInPage(browser, app.url, 'pms@demo.mamori.local');
    contexts.push(pms.context);
    page = pms.page;
    await page.goto(`${app.url}/settings`);
    const address = page.getByLabel('所在地');
    await address.fill('東京都豊島区南池袋2-45-1 まもりビル');
    await page
      .locator('form')
      .filter({ has: address })
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText('保存しました').first().waitFor();
    await menu('ホーム').click();
    await page.waitForURL(`${app.url}/`);
    expect(await question().count()).toBe(0);

    await page.goto(`${app.url}/settings`);
    await page.getByLabel('所在地').fill('東京都豊島区東池袋1-1-1');
    await menu('ホーム').click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await question()
      .getByRole('button', { name: /残\s*る/ })
      .click();
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await page.getByLabel('所在地').inputValue()).toBe('東京都豊島区東池袋1-1-1');
  });
});
