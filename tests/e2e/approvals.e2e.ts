import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'test-results');

/**
 * Issue 10 「承認が行き止まらない」「承認の詳細は読める日本語で」「/approvals」, in Chromium against a
 * real server with the demo organization: the 個人情報保護管理者 (佐藤 花子, also 総務部の所属長)
 * files a 新規個人情報取得申請書 of 総務部. Their 所属長 step is passed by the filing (J.8.6
 * 「所属長を経由して」), and since nobody else is 個人情報保護管理者 and they may not approve their
 * own request (SPEC §5.4), トップマネジメント approves that step as its 代行者 — and every screen on
 * the way says who approves and why. The approval detail shows the 台帳 items as Japanese fields,
 * never JSON. axe-core checks every page the journey ends a step on.
 */
describe('journey: 個人情報保護管理者自身の新規取得申請が、トップマネジメントの承認まで進む', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = String(Date.now()).slice(-5);
  const entryName = `来客受付簿${stamp}`;
  const why = '申請者本人が個人情報保護管理者のため、この段はトップマネジメント（山田 太郎）が承認します';

  async function login(loginId: string) {
    await context.clearCookies();
    await page.goto('/login');
    await page.getByLabel('ログインID（メールアドレス）').fill(loginId);
    await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
  }

  async function shot(name: string) {
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
  }

  /** Opens 承認 from the side menu on one of its lists. */
  async function openList(view: '承認待ち' | '自分の申請' | '承認・差戻しの履歴') {
    // The menu item's name is its icon's and its text's: 「承認」 ends it (no other item does).
    await page.getByRole('menuitem', { name: /承認$/ }).click();
    await page.getByRole('heading', { name: '承認', exact: true }).waitFor();
    await page.getByTestId('approvals-view').getByText(view, { exact: true }).click();
  }

  /** The approval detail shows the record as Japanese fields: the labels and values given, and nothing like JSON. */
  async function expectReadableRecord() {
    const record = page.getByTestId('approval-record');
    for (const text of ['申請の種類', '新規個人情報取得申請書', '個人情報の名称', entryName, '所管部署', '総務部', '個人情報の項目', '氏名、会社名、来訪日時', '取得方法']) {
      await record.getByText(text, { exact: true }).first().waitFor();
    }
    const shown = (await record.textContent()) ?? '';
    expect(shown).not.toMatch(/[{}"]|[0-9a-f]{8}-[0-9a-f]{4}-|departmentId|accessHolderIds|direct_written/);
  }

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    context = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    // CI has two cores shared with the server (argon2, PGlite): allow slow steps.
    page.setDefaultTimeout(60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  const accessibility = checkAccessibilityAfterEachStep(() => page);

  it('個人情報保護管理者（総務部の所属長）が新規個人情報取得申請書を提出する', async () => {
    await login('pms@demo.mamori.local');
    await page.getByRole('menuitem', { name: '個人情報管理台帳' }).click();
    await page.getByTestId('inventory-new').click();
    await page.getByRole('heading', { name: '新規個人情報取得申請書' }).waitFor();
    await page.getByLabel('個人情報の名称').fill(entryName);
    const items = page.locator('#field-proposed-items');
    await items.click();
    for (const item of ['氏名', '会社名', '来訪日時']) {
      await page.keyboard.type(item);
      await page.keyboard.press('Enter');
    }
    await page.getByLabel('利用目的').fill('来客の受付と入館管理のため');
    await page.getByLabel('保管場所').fill('総務部の施錠キャビネット');
    await page.getByRole('radio', { name: '紙', exact: true }).check();
    await pickOption(page, 'field-proposed-accessHolderIds', '伊藤 直樹', '伊藤');
    await page.keyboard.press('Escape');
    await page.locator('#field-proposed-useUntil').fill('来訪後1年');
    await page.locator('#field-proposed-retainUntil').fill('来訪後3年');
    await page.locator('#field-proposed-recordCount').fill('500');
    await page.getByRole('checkbox', { name: '本人から直接書面（Webフォームを含む）' }).check();
    await page.getByLabel('申請の理由').fill('来客の受付を記録するため');
    await page.getByLabel('取得時の必要通知事項（文案）').fill('ご記入いただいた情報は、受付と入館管理のために利用します。');
    await page.getByTestId('request-submit').click();
    await page.getByTestId('request-status').getByText('承認待ち').waitFor();
    // Their own 所属長 step was passed by filing it; the 個人情報保護管理者 step waits.
    await page.getByTestId('approval-panel').getByText('承認待ち: 個人情報保護管理者').waitFor();
    await shot('approvals-request-submitted');
    // On to the 承認 page in the same step: the 申請書 screen belongs to the 台帳's journey (inventory.e2e.ts).
    await openList('自分の申請');
  });

  it('「承認」の自分の申請に、誰がなぜ承認するかが出る', async () => {
    const row = page.getByTestId('approvals-list').getByRole('row', { name: new RegExp(entryName) });
    await row.waitFor();
    await row.getByText('承認待ち').waitFor();
    await row.getByText(why).waitFor();
    await shot('approvals-my-requests');
  });

  it('申請の詳細: 台帳の項目が日本語で並び、承認する人（トップマネジメント）と理由が示される', async () => {
    await page
      .getByTestId('approvals-list')
      .getByRole('link', { name: new RegExp(entryName) })
      .click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    await page.getByTestId('approval-current-approvers').getByText(why).waitFor();
    await page.getByTestId('approval-step-0').getByText('承認済み').waitFor();
    await page.getByTestId('approval-step-0').getByText('佐藤 花子').waitFor();
    await expectReadableRecord();
    // The submitter cannot approve their own request; they may withdraw it.
    expect(await page.getByTestId('approval-approve').count()).toBe(0);
    await page.getByTestId('approval-withdraw').waitFor();
    await shot('approval-own-request');
  });

  it('トップマネジメントの承認待ちに代行として出て、理由を読んで承認する', async () => {
    await login('top@demo.mamori.local');
    await openList('承認待ち');
    const row = page.getByTestId('approvals-list').getByRole('row', { name: new RegExp(entryName) });
    await row.waitFor();
    await row.getByText(why).waitFor();
    await row.getByRole('link', { name: new RegExp(entryName) }).click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    await page.getByTestId('approval-current-approvers').getByText(why).waitFor();
    await expectReadableRecord();
    await shot('approval-as-alternate');
    await page.getByTestId('approval-approve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承認の確認').waitFor();
    await dialog.getByLabel('コメント（任意）').fill('代行して承認します');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/approvals\/[^/]+\/approve$/.test(new URL(r.url()).pathname)),
      dialog.getByRole('button', { name: /承\s*認/ }).click(),
    ]);
    expect(response.status(), await response.text()).toBe(200);
    await page.getByTestId('approval-status').first().getByText('承認済み').waitFor();
    await page.getByTestId('approval-stamps').getByText('山田 太郎', { exact: true }).first().waitFor();
  });

  it('トップマネジメントの承認・差戻しの履歴に、日時とコメントつきで残る', async () => {
    await openList('承認・差戻しの履歴');
    const row = page.getByTestId('approvals-list').getByRole('row', { name: new RegExp(entryName) });
    await row.waitFor();
    await row.getByText('承認済み').waitFor();
    await row.getByText(/代行して承認します/).waitFor();
    await shot('approvals-history');
  });

  it('個人情報保護管理者の台帳に載る', async () => {
    await login('pms@demo.mamori.local');
    await openList('自分の申請');
    await page
      .getByTestId('approvals-list')
      .getByRole('row', { name: new RegExp(entryName) })
      .getByText('承認済み')
      .waitFor();
    await page.getByRole('menuitem', { name: '個人情報管理台帳' }).click();
    await page.getByTestId('inventory-search').locator('input').fill(entryName);
    await page.getByTestId('inventory-search').locator('input').press('Enter');
    await page
      .getByTestId('inventory-table')
      .getByRole('row', { name: new RegExp(entryName) })
      .waitFor();
    // Back on the 承認 page (the 台帳's screens are checked by their own journey).
    await openList('自分の申請');
  });

  it('axe-core が歩いた画面（承認の一覧と詳細を含む）を検査した', () => {
    expect([...accessibility.checked]).toEqual(expect.arrayContaining(['/approvals']));
    expect([...accessibility.checked].some((p) => /^\/approvals\/[0-9a-f-]+$/.test(p))).toBe(true);
  });
});
