import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { expectAccessible } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/**
 * Issue #13 個人情報管理状況調査票 (世田谷区 seeds/000; J.9.4 s)・t)), two organizations: the 委託元
 * (pms@, 株式会社まもりデモ) sends the 調査票 to its 委託先 株式会社デモ発送サービス; the 委託先's user
 * (vendor@) keeps its answers and its プライバシーマーク登録証 in its own profile, shares its
 * certifications with this 委託元 only, answers the 調査票 from the profile with the 登録証 attached;
 * the 委託元 reviews the answers and the file and accepts.
 */
describe('journey: 調査票 — 委託元が送り、委託先がプロフィールから添付つきで回答し、委託元が受理する', () => {
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

  it('委託元は委託先の画面から、調査票を提出期限つきで送る', async () => {
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').first().click();
    const card = page.getByTestId('portal-card');
    await card.getByText('接続済み').waitFor();
    await card.getByTestId('portal-request-kind').click();
    await page.getByTitle('個人情報管理状況調査票（添付つき）').click();
    await card.locator('#portal-due').fill('2099/01/31');
    await card.getByTestId('portal-request').click();
    await card.getByText('調査票を開く').waitFor();
  });

  it('委託先は自社のプロフィールに回答・認証・登録証を登録し、この委託元に認証だけを共有する', async () => {
    await vendorPage.goto('/');
    await vendorPage.getByRole('menuitem', { name: '自社のプロフィール' }).click();
    await vendorPage.waitForURL(/\/contractor-profile$/);
    await vendorPage.getByTestId('profile-item-1').getByText('はい', { exact: true }).click();
    // A profile's いいえ may be kept without its 内容; the 調査票 asks for it (below).
    await vendorPage.getByTestId('profile-item-4').getByText('いいえ', { exact: true }).click();
    await vendorPage.getByTestId('profile-cert-add').click();
    await vendorPage.getByTestId('profile-cert-number-0').fill('10820000(05)');
    await vendorPage.locator('#profile-cert-expires-0').fill('2028/03/31');
    await vendorPage.getByTestId('profile-measures').fill('入退室管理、端末の暗号化');
    await vendorPage.getByTestId('profile-save').click();
    await vendorPage.getByText('プロフィールを保存しました').waitFor();
    // A file is never labelled a 登録証 by guess: no kind is preselected, and the upload waits for the 委託先's choice.
    const kind = vendorPage.locator('.ant-select').filter({ has: vendorPage.locator('[aria-label="種別"]') });
    expect(await kind.textContent()).toBe('種別を選択');
    expect(await vendorPage.getByRole('button', { name: 'ファイルを添付' }).isDisabled()).toBe(true);
    await kind.click();
    await vendorPage.getByTitle('プライバシーマーク登録証').click();
    await vendorPage.locator('input[type=file]').setInputFiles({ name: 'プライバシーマーク登録証.pdf', mimeType: 'application/pdf', buffer: PDF });
    await vendorPage.getByText('プライバシーマーク登録証.pdf').first().waitFor();
    const share = vendorPage.locator('[data-testid^="profile-share-"]').filter({ hasText: '株式会社まもりデモ' });
    await share.getByText('認証（プライバシーマーク・ISMS）と有効期限').click();
    await share.getByRole('button', { name: '共有を保存' }).click();
    await vendorPage.getByText('共有する項目を保存しました').waitFor();
    await vendorPage.screenshot({ path: 'test-results/contractor-questionnaire-profile.png', fullPage: true });
    await expectAccessible(vendorPage, 'プロフィール');
  });

  it('委託先は依頼から調査票を開き、プロフィールの回答から始めて登録証を添付して送る', async () => {
    await vendorPage.getByRole('menuitem', { name: '委託元からの依頼' }).click();
    await vendorPage.waitForURL(/\/contractor-portal$/);
    // The inbox's list renders after its data: click the link once it is there, then follow it.
    const answer = vendorPage.getByRole('link', { name: '調査票に回答する' }).first();
    await answer.waitFor();
    await answer.click();
    await vendorPage.waitForURL(/\/contractor-exchanges\//);
    const form = vendorPage.getByTestId('questionnaire-form');
    await form.getByTestId('questionnaire-answered-by').fill('発送 一郎');
    // The profile is one click away from the 調査票.
    expect(await form.getByTestId('questionnaire-profile-link').getAttribute('href')).toBe('/contractor-profile');
    await form.getByTestId('questionnaire-from-profile').click();
    // The loaded いいえ without its 内容 is marked at once, not first on sending.
    await form
      .getByTestId('questionnaire-loaded')
      .getByText(/「いいえ」の項目（4）は、内容を書いてください。/)
      .waitFor();
    await form.getByTestId('questionnaire-item-4').getByText('「いいえ」の内容（対策の予定など）を書いてください。プロフィールの回答には内容がありません').waitFor();
    await vendorPage.screenshot({ path: 'test-results/contractor-questionnaire-loaded.png', fullPage: true });
    await form.getByTestId('questionnaire-item-4-details').fill('2027年3月までに全従事者へ研修を行う');
    expect(await form.getByTestId('questionnaire-item-4').getByText('プロフィールの回答には内容がありません').count()).toBe(0);
    await form.getByTestId('questionnaire-submit').click();
    // 1 はい without the 登録証: refused under item 1.
    await form.getByText('プライバシーマーク登録証の写しを添付してください').waitFor();
    await form.getByTestId('questionnaire-files').getByText('プライバシーマーク登録証.pdf（プライバシーマーク登録証）').click();
    await vendorPage.screenshot({ path: 'test-results/contractor-questionnaire-answer.png', fullPage: true });
    await expectAccessible(vendorPage, '調査票の回答');
    await form.getByTestId('questionnaire-submit').click();
    await vendorPage.getByTestId('questionnaire-status').getByText('回答済み（確認待ち）').waitFor();
  });

  it('委託元は回答と添付された登録証を見て受理する', async () => {
    await page.reload();
    await page.getByText('調査票の回答を確認する').click();
    await page.waitForURL(/\/contractor-exchanges\//);
    await page.getByTestId('questionnaire-answers').getByText('はい').first().waitFor();
    // Each answer once: 4 reads 「いいえ」 (a red tag) and its 内容, not 「いいえ いいえ」.
    const four = page.getByTestId('questionnaire-answers').locator('td').filter({ hasText: '2027年3月までに全従事者へ研修を行う' });
    expect(await four.getByText('いいえ', { exact: true }).count()).toBe(1);
    expect(await four.textContent()).toBe('いいえ2027年3月までに全従事者へ研修を行う');
    await page.getByTestId('questionnaire-files-sent').getByText('プライバシーマーク登録証.pdf（プライバシーマーク登録証）').waitFor();
    await page.screenshot({ path: 'test-results/contractor-questionnaire-review.png', fullPage: true });
    await expectAccessible(page, '調査票の確認');
    await page.getByTestId('questionnaire-review-note').fill('登録証を確認しました');
    await page.getByTestId('questionnaire-accept').click();
    await page.getByTestId('questionnaire-status').getByText('確認済み').waitFor();
  });

  it('受理した回答で委託先審査表を下書きし、項目ごとに引用が出る（J.9.4 t）', async () => {
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').first().click();
    const card = page.getByTestId('ct-evaluation');
    await card.getByTestId('ct-eval-prefill').click();
    await card
      .getByTestId('ct-eval-citation-1')
      .getByText(/個人情報管理状況調査票（\d{4}\/\d{2}\/\d{2} 受理）の回答: はい/)
      .waitFor();
    expect(await card.getByTestId('ct-eval-item-1').locator('input[value="suitable"]').isChecked()).toBe(true);
    await page.screenshot({ path: 'test-results/contractor-questionnaire-prefill.png', fullPage: true });
  });
});
