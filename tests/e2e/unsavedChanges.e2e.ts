import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { chooseOption, pickOption } from './support/antd.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * Leaving a page mid-edit (issue 10: work was lost by clicking a menu item). A half-typed
 * 事故等の報告 asks before the page is left, and stays when the person chooses to; a saved form
 * leaves without a question; a page holding several forms (設定) asks for any of them. The same
 * for a complaint's 原因・対応 (J.11.1 d)), a 実地検査's findings (J.9.4, 豊島区 守るべき事項 5.) and
 * the 個人情報保護方針 (J.2.2) — whose editor, a modal, asks on its 「キャンセル」 and on a reload —
 * and for the public request form (公開窓口) on a reload.
 */
describe('journey: 入力途中でページを離れる', () => {
  let app: E2EApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const menu = (name: string) => page.getByRole('navigation').getByRole('menuitem', { name });
  const question = () => page.getByRole('dialog').filter({ hasText: '保存していない変更があります' });
  /** Whether closing or reloading the tab now would ask (the page's beforeunload handler cancels the unload). */
  const asksOnReload = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  /** Clicks 「このページに残る」 / 「入力に戻る」 and waits for the question to go. */
  const stay = async (name: RegExp) => {
    await question().getByRole('button', { name }).click();
    await expect.poll(() => question().count()).toBe(0);
  };

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

  it('苦情相談窓口責任者: 受付処理票の「キャンセル」は入力を確かめ、受け付けた後と完了の記録の後は尋ねない。書きかけの原因・対応（J.11.1 d)）は残る', async () => {
    const desk = await signedInPage(browser, app.url, 'desk@demo.mamori.local');
    contexts.push(desk.context);
    page = desk.page;
    await page.goto(`${app.url}/requests`);
    await page.getByTestId('request-add').click();
    await pickOption(page, 'field-kind', '苦情・相談');
    await page.getByLabel('請求者の氏名').fill('苦情 四郎');
    await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await question().getByText('閉じると、入力した内容は失われます。').waitFor();
    await page.screenshot({ path: 'test-results/unsaved-modal-cancel-question.png', fullPage: true });
    await stay(/入力に戻る/);
    expect(await page.getByLabel('請求者の氏名').inputValue()).toBe('苦情 四郎');
    await page.getByLabel('受付日').fill('令和8年11月2日');
    await page.getByLabel('請求の内容').fill('電話口で他の顧客の住所を読み上げられた');
    await page.getByRole('button', { name: '受け付ける' }).click();
    // The saved request opens without a question (release() before the navigation).
    await page.getByTestId('request-status').getByText('受付').waitFor();
    expect(await question().count()).toBe(0);
    const requestPath = new URL(page.url()).pathname;

    const cause = '電話での本人確認の手順がなかった。手順を定め、申出者に説明した';
    await page.getByLabel('原因・対応').fill(cause);
    await menu('ホーム').click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await stay(/残\s*る/);
    expect(new URL(page.url()).pathname).toBe(requestPath);
    expect(await page.getByLabel('原因・対応').inputValue()).toBe(cause);
    await page.getByLabel('完了日').fill('2026/11/20');
    await page.getByTestId('complaint-close').click();
    await page.getByTestId('complaint-closed').waitFor();
    await menu('ホーム').click();
    await page.waitForURL(`${app.url}/`);
    expect(await question().count()).toBe(0);
  });

  it('個人情報保護管理者: 書きかけの実地検査の指摘事項（J.9.4）はメニューでも「キャンセル」でも確かめ、記録した後は尋ねない', async () => {
    const pms = await signedInPage(browser, app.url, 'pms@demo.mamori.local');
    contexts.push(pms.context);
    page = pms.page;
    await page.goto(`${app.url}/contractors`);
    await page.getByText('デモ給与計算センター株式会社', { exact: true }).click();
    const card = page.getByTestId('ct-inspections');
    await card.getByTestId('in-add').click();
    await card.getByTestId('in-add-finding').click();
    const finding = '保管庫の鍵が施錠されていなかった';
    await card.getByLabel('指摘事項 1 指摘事項の内容').fill(finding);
    const contractorPath = new URL(page.url()).pathname;
    await menu('ホーム').click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/unsaved-inspection-question.png', fullPage: true });
    await stay(/残\s*る/);
    expect(new URL(page.url()).pathname).toBe(contractorPath);
    expect(await card.getByLabel('指摘事項 1 指摘事項の内容').inputValue()).toBe(finding);
    await card.getByRole('button', { name: 'やめる' }).click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await stay(/入力に戻る/);
    expect(await card.getByLabel('指摘事項 1 指摘事項の内容').inputValue()).toBe(finding);

    await card.getByLabel('検査日').fill('令和8年12月1日');
    await card.getByLabel('検査者').fill('総務部 佐藤 花子');
    await card.getByLabel('検査の範囲').fill('保管庫・端末');
    await chooseOption(page, card.getByTestId('in-finding-1').locator('.ant-select'), '軽微');
    await card.getByLabel('検査の結果').fill('軽微な指摘1件。施錠を徹底する。');
    await card.getByTestId('in-save').click();
    await card.getByTestId('in-record-2026-12-01').getByText(finding).waitFor();
    await menu('ホーム').click();
    await page.waitForURL(`${app.url}/`);
    expect(await question().count()).toBe(0);
  });

  it('個人情報保護管理者: 個人情報保護方針（J.2.2）の編集は「キャンセル」と再読み込みで確かめ、下書きを保存した後は尋ねない', async () => {
    await page.goto(`${app.url}/policy`);
    await page.getByTestId('policy-edit-external').click();
    const editor = page.getByRole('dialog').filter({ has: page.getByTestId('policy-body') });
    const text = '当社は、個人情報を適切に取り扱います。';
    await editor.getByTestId('policy-body').fill(text);
    expect(await asksOnReload()).toBe(true);
    await editor.getByRole('button', { name: 'キャンセル' }).click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await stay(/入力に戻る/);
    expect(await editor.getByTestId('policy-body').inputValue()).toBe(text);
    await editor.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByText('下書きを保存しました').first().waitFor();
    await expect.poll(() => editor.count()).toBe(0);
    expect(await asksOnReload()).toBe(false);
    await menu('ホーム').click();
    await page.waitForURL(`${app.url}/`);
    expect(await question().count()).toBe(0);
  });

  it('公開窓口の請求の書式: 書き始めると再読み込み・タブを閉じる前にブラウザーが確かめる', async () => {
    await page.goto(`${app.url}/p/mamori-demo`);
    await page.getByTestId('portal-content').waitFor();
    expect(await asksOnReload()).toBe(false);
    await page.getByTestId('portal-content').fill('保有個人データの開示を求めます');
    expect(await asksOnReload()).toBe(true);
  });
});
