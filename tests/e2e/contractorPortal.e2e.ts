import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * Issue #13 委託先ポータル, two organizations: the demo's 委託先 株式会社デモ発送サービス (its own Mamori
 * organization, vendor@demo.mamori.local) answers the 委託元's request for the 特記事項遵守報告書 with
 * one 「いいえ」; the 委託元 (pms@, 株式会社まもりデモ) sees the 指摘 on the contractor's page and
 * confirms it; the 委託元 invites another 委託先 and gets the one-time code.
 */
describe('journey: 委託先ポータル — 委託先が遵守報告書に回答し、委託元が指摘を見て確認する', () => {
  let app: E2EApp;
  let browser: Browser;
  let page: Page;
  let vendorPage: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    ({ page } = await signedInPage(browser, app.url, 'pms@demo.mamori.local'));
    ({ page: vendorPage } = await signedInPage(browser, app.url, 'vendor@demo.mamori.local', { width: 1280, height: 1000 }));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => vendorPage);

  it('依頼の一覧が届くまでは「読み込んでいます」を示し、「依頼はありません」を一度も出さない（届いた一覧には依頼がある）', async () => {
    // Every change of the page is watched from its first script: the empty text must never appear, not even for a frame.
    await vendorPage.addInitScript(() => {
      const w = window as unknown as { __sawEmptyInbox?: boolean };
      w.__sawEmptyInbox = false;
      new MutationObserver(() => {
        if (document.body?.textContent?.includes('依頼はありません')) w.__sawEmptyInbox = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = false;
    await vendorPage.route('**/api/contractor-portal/inbox', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await vendorPage.goto('/contractor-portal');
    const loading = vendorPage.getByTestId('portal-requests-loading');
    await loading.waitFor();
    expect(asked).toBe(true);
    await vendorPage.waitForTimeout(500); // the response is held: the page must keep waiting, not say "none"
    expect(await loading.isVisible()).toBe(true);
    expect(await vendorPage.getByText('依頼はありません').count()).toBe(0);
    release();
    await vendorPage.locator('[data-testid^="portal-inbox-"]').first().waitFor();
    expect(await loading.count()).toBe(0);
    expect(await vendorPage.evaluate(() => (window as unknown as { __sawEmptyInbox?: boolean }).__sawEmptyInbox)).toBe(false);
    await vendorPage.unroute('**/api/contractor-portal/inbox');
  });

  it('委託先の利用者は「委託元からの依頼」に、自分の組織宛ての遵守報告書の依頼だけを見る', async () => {
    await vendorPage.goto('/');
    await vendorPage.getByRole('menuitem', { name: '委託元からの依頼' }).click();
    await vendorPage.waitForURL(/\/contractor-portal$/);
    const card = vendorPage.locator('[data-testid^="portal-inbox-"]');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    await card.getByText('株式会社まもりデモ').waitFor();
    await card.getByText('個人情報特記事項の遵守に関する報告書').waitFor();
  });

  it('項目を空けて送ると、その項目の下に日本語のエラー。(6) 再委託を行っている はい・(9) いいえ と具体的内容で送ると回答済み', async () => {
    const form = vendorPage.locator('[data-testid^="portal-answer-"]');
    await form.getByTestId('portal-answer-submit').click();
    await form.getByText('回答者の氏名を入力してください').waitFor();
    await form.getByTestId('portal-answered-by').fill('発送 一郎');
    await form.getByTestId('portal-answer-submit').click();
    await form.getByText('(1)「現状すでに個人情報の不適正な取り扱いの事案が発生している。」に「はい」か「いいえ」で回答してください').waitFor();
    const choose = async (n: number, label: 'はい' | 'いいえ') => form.getByTestId(`portal-item-${n}`).getByText(label, { exact: true }).click();
    await choose(1, 'いいえ');
    await choose(2, 'はい');
    await choose(3, 'はい');
    await choose(4, 'はい');
    await choose(5, 'はい');
    await choose(6, 'はい');
    // The 委託元 is a company: (7) asks about consulting the 委託元, not 「区」.
    await form.getByText('(7) 再委託を行っている場合、事前に委託元へ文書で協議し承諾を得ている。').waitFor();
    expect(await form.getByText('区へ').count()).toBe(0);
    await choose(9, 'いいえ');
    await form.getByTestId('portal-item-9-details').fill('持ち出し記録に1件の漏れ（11月）');
    await form.getByTestId('portal-answer-submit').click();
    // The error says what to write (not the form's placeholder).
    await form.getByText('(4) が「はい」のときは、具体的な対策と日付を書いてください').waitFor();
    await form.getByTestId('portal-item-4-details').fill('2026/10/1 全作業従事者に個人情報保護研修');
    await choose(7, 'はい');
    await choose(8, 'はい');
    await form.getByTestId('portal-item-8-details').fill('2026/11/20 再委託先の作業場を実地確認');
    await vendorPage.screenshot({ path: 'test-results/contractor-portal-answer.png', fullPage: true });
    await form.getByTestId('portal-answer-submit').click();
    await vendorPage.getByText('回答済み（確認待ち）').waitFor();
  });

  it('委託元は委託先の画面で、回答と指摘を見る: (9) いいえ、(6)(7) は特記事項の「再委託の禁止」と承認済みの再委託がないことに反する', async () => {
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').first().click();
    const card = page.getByTestId('portal-card');
    await card.getByText('接続済み').waitFor();
    await card.getByText('指摘 3件').waitFor();
    await card.getByText('持ち出し記録に1件の漏れ（11月）').waitFor();
    await card.getByText('特記事項の再委託の条項が「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）なのに、再委託を行っていると回答しています').waitFor();
    await card.getByText(/承諾を得ていると回答していますが、特記事項は「再委託の禁止」/).waitFor();
    await page.screenshot({ path: 'test-results/contractor-portal-review.png', fullPage: true });
    await card.getByTestId('portal-accept').click();
    await card.getByText('確認済み', { exact: true }).waitFor();
  });

  it('委託元は別の委託先をメールで招待し、招待のコードをこの画面でだけ受け取る', async () => {
    await page.goto('/contractors');
    await page.getByText('デモ給与計算センター株式会社').first().click();
    const card = page.getByTestId('portal-card');
    await card.getByTestId('portal-invite-email').fill('not-an-address');
    await card.getByTestId('portal-invite').click();
    await card.getByTestId('portal-card-error').getByText('招待するメールアドレスの形式が正しくありません').waitFor();
    await card.getByTestId('portal-invite-email').fill('privacy@kyuyo.example.jp');
    await card.getByTestId('portal-invite').click();
    const code = ((await card.getByTestId('portal-invite-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[\w-]{32}$/);
  });
});
