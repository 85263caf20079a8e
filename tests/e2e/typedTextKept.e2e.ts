import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * A text pasted over a field's limit is kept as pasted and refused under the field with the limit
 * and the length (issue 10: 「Never change what a person typed without saying so」). A native
 * `maxlength` (antd's `maxLength`) cut a paste to the limit without a word.
 */
describe('journey: 上限を超えて貼り付けた文章は切られずに残り、欄の下で断られる', () => {
  let app: E2EApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;

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

  it('委託先の登録: 2,100 文字の「委託する業務」を貼り付けても 2,100 文字のまま、保存すると上限と入力した文字数を示して断る', async () => {
    const pms = await signedInPage(browser, app.url, 'pms@demo.mamori.local');
    contexts.push(pms.context);
    page = pms.page;
    await page.goto(`${app.url}/contractors/new`);
    await page.getByTestId('ct-name').fill('株式会社貼り付け印刷');
    const work = page.getByTestId('ct-entrustedWork');
    await work.click();
    // insertText is what a paste does: the browser applies maxlength to it.
    await page.keyboard.insertText('案内状の印刷・発送。'.repeat(210));
    expect((await work.inputValue()).length).toBe(2100);
    await page.getByTestId('ct-save').click();
    await page.getByText('委託する業務は2000文字以内で入力してください（2100文字入力されています）').waitFor();
    expect((await work.inputValue()).length).toBe(2100);
  });

  it('ソースに maxLength が残っていない（ワンタイムパスワードの 6 桁を除く）', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const offenders = readdirSync('web/src', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.tsx') && !/Totp/.test(file))
      .filter((file) => /maxLength=\{/.test(readFileSync(`web/src/${file}`, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
