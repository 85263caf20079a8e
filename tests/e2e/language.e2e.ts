import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';

/**
 * Japanese by default, English on request (and back); the choice survives a reload. The screens
 * follow the system's reduced-motion setting.
 */
describe('journey: 言語の切替えと表示の設定', () => {
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
  keepFailureEvidence(() => page);
  // Issue 10: axe-core on every page the journey shows, no serious or critical violation.
  checkAccessibilityAfterEachStep(() => page);

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
    // antd's own texts follow the locale too (en_US calendar of the date field).
    await page.locator('#field-joinedOn').waitFor();
    await page.getByRole('button', { name: 'Pick from the calendar' }).first().click();
    await page.locator('.ant-picker-calendar').getByText('Month', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
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

  it('opens dialogs without animation while the system asks for reduced motion (WCAG 2.3.3), and animated when it no longer does', async () => {
    // Records the animation time of every element that takes a motion class (ant-zoom-appear…,
    // ant-fade-appear…) while the 役割を割り当て dialog opens.
    const animatedWhileOpening = async () => {
      await page.evaluate(() => {
        const seconds = (list: string) => Math.max(...list.split(',').map((d) => Number.parseFloat(d) || 0));
        const seen: number[] = [];
        const observer = new MutationObserver((records) => {
          for (const r of records) {
            const nodes = r.type === 'childList' ? [...r.addedNodes] : [r.target];
            for (const node of nodes) {
              if (!(node instanceof Element)) continue;
              for (const el of [node, ...node.querySelectorAll('[class]')]) {
                if (!/\bant-[a-z-]+-(appear|enter)\b/.test(el.getAttribute('class') ?? '')) continue;
                const style = getComputedStyle(el);
                seen.push(Math.max(seconds(style.animationDuration), seconds(style.transitionDuration)));
              }
            }
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        Object.assign(window, { motionSeen: seen, motionObserver: observer });
      });
      await page.getByTestId('role-add').click();
      await page.getByRole('dialog').getByText('役割を割り当て').waitFor();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /キャンセル/ })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      return page.evaluate(() => {
        const { motionSeen, motionObserver } = window as unknown as { motionSeen: number[]; motionObserver: MutationObserver };
        motionObserver.disconnect();
        return motionSeen.some((s) => s > 0);
      });
    };
    expect(await animatedWhileOpening()).toBe(false);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await animatedWhileOpening()).toBe(true);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animatedWhileOpening()).toBe(false);
  });
});
