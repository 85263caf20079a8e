import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

/**
 * Issue 11 #2 on the アカウント page: the 情報セキュリティ責任者 is offered only what the privilege
 * ordering lets it do — for the 個人情報保護管理者's account, nothing but ロック解除 — and resets
 * the password of an account within its own permissions; the holder finds the notice on signing in.
 */
describe('journey: アカウントの管理の順序', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    context = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  // Issue 10: axe-core on every page the journey shows, no serious or critical violation.
  checkAccessibilityAfterEachStep(() => page);

  /** Signs the browser in through the API (the login page itself is another journey's). */
  async function signIn(loginId: string, password: string) {
    await context.clearCookies();
    const res = await context.request.post(`${app.url}/api/auth/login`, { data: { loginId, password } });
    expect(res.status()).toBe(200);
  }

  async function menuOf(loginId: string): Promise<string[]> {
    await page.getByTestId(`account-actions-${loginId}`).click();
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item');
    await menu.first().waitFor();
    return (await menu.allInnerTexts()).map((s) => s.trim());
  }

  it('情報セキュリティ責任者には、個人情報保護管理者のアカウントにロック解除しか出ない', async () => {
    await signIn('security@demo.mamori.local', 'Mamori-demo1!');
    await page.goto('/accounts');
    await page.getByRole('heading', { name: 'アカウント' }).waitFor();
    expect(await menuOf('pms@demo.mamori.local')).toEqual(['ロック解除']);
    await page.keyboard.press('Escape');
  });

  it('従業者のアカウントは再設定でき、本人はログインすると通知で知る', async () => {
    await page.goto('/accounts');
    expect(await menuOf('staff@demo.mamori.local')).toEqual(expect.arrayContaining(['無効化', 'パスワード再設定']));
    await page.getByRole('menuitem', { name: 'パスワード再設定' }).click();
    await page.getByText('ご本人にはアプリ内の通知とメールで知らせます').waitFor();
    await page.getByLabel('新しいパスワード').fill('Reset-by-admin-1!');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('アカウントを更新しました').waitFor();

    await signIn('staff@demo.mamori.local', 'Reset-by-admin-1!');
    await page.goto('/');
    const notes = await page.evaluate(async () => (await (await fetch('/api/notifications')).json()) as { items: { title: string }[] });
    expect(notes.items.map((n) => n.title)).toContain('あなたのアカウントのパスワードが再設定されました');
  });
});
