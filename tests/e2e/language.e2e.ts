import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { launchBrowser, newJapaneseContext } from './support/browser.ts';

/** Japanese by default, English on request (and back); the choice survives a reload. */
describe('journey: 言語の切替え', () => {
  let app: E2EApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    const context = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    // CI has two cores shared with the server (argon2, PGlite): allow slow steps.
    page.setDefaultTimeout(60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the login page in Japanese and switches it to English', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByLabel('ログインID（メールアドレス）').waitFor();
    await page.getByTestId('auth-language').getByText('English').click();
    await page.getByLabel('Login ID (e-mail address)').fill('pms@demo.mamori.local');
    await page.getByLabel('Password', { exact: true }).fill('Mamori-demo1!');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('shows menus, screens and antd components in English, with role labels from the shared catalog', async () => {
    for (const label of ['Home', 'Departments', 'People', 'Roles & chart', 'Accounts', 'Audit trail', 'Settings']) {
      await page.getByRole('menuitem', { name: label }).waitFor();
    }
    await page.getByRole('menuitem', { name: 'Roles & chart' }).click();
    await page.getByRole('heading', { name: 'Roles & organization chart' }).waitFor();
    await page.getByTestId('role-group-pms_manager').getByText('PMS manager').waitFor();
    await page.getByRole('menuitem', { name: 'People' }).click();
    await page.getByTestId('person-add').click();
    // antd's own texts follow the locale too (en_US date picker placeholder).
    await page.locator('#field-joinedOn').waitFor();
    expect(await page.locator('#field-joinedOn').getAttribute('placeholder')).toBe('Select date');
    await page.locator('.ant-drawer-close').click();
  });

  it('keeps English after a reload, then switches back to Japanese', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: '従業者' }).waitFor();
    await page.getByRole('menuitem', { name: '役割・体制図' }).click();
    await page.getByTestId('role-group-pms_manager').getByText('個人情報保護管理者').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.reload();
    await page.getByRole('heading', { name: '役割・体制図' }).waitFor();
  });
});
