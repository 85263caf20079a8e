import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

const resultsDir = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), 'test-results');

/**
 * M7 journey (issue 13, first slice): the 個人情報保護管理者 registers a 委託先 — a wrong 法人番号 is
 * refused under its field — sees the contract clause check list the missing J.9.4 3 and 豊島区
 * items with their clauses, ticks one, finds the contractor by search and exports the register.
 */
describe('journey: 委託先の登録と契約書の必須事項チェック', () => {
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

  async function shot(name: string) {
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
  }

  it('個人情報保護管理者が委託先を登録する（誤った法人番号は項目の下に日本語で）', async () => {
    await page.goto('/login');
    await page.getByLabel('ログインID（メールアドレス）').fill('pms@demo.mamori.local');
    await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.getByText('株式会社デモ発送サービス').waitFor();
    await page.getByTestId('contractors-add').click();
    await page.getByTestId('ct-name').fill('株式会社ジャーニー印刷');
    await page.getByTestId('ct-corporateNumber').fill('2000012160153');
    await page.getByTestId('ct-entrustedWork').fill('会員向け案内状の印刷・発送');
    await page.getByLabel('契約開始日').fill('令和8年4月1日');
    await page.getByTestId('ct-save').click();
    await page.getByText('法人番号の検査用数字（先頭の1桁）が合いません。番号を確かめてください（入力値: 2000012160153）').waitFor();
    await shot('contractor-form-error');
    await page.getByTestId('ct-corporateNumber').fill('1000012160153');
    await page.getByTestId('ct-clause-J.9.4-3-a').click();
    // 備考 (issue #12): written on the form, shown on the detail page as typed (line breaks kept).
    await page.getByTestId('ct-note').fill('年1回実地確認\n次回は令和9年4月');
    await page.getByTestId('ct-save').click();
    await page.getByRole('heading', { name: '株式会社ジャーニー印刷' }).waitFor();
    expect(await page.getByTestId('record-note').textContent()).toContain('年1回実地確認\n次回は令和9年4月');
  });

  it('契約書の必須事項チェックが不足する事項を条項と本文つきで挙げる', async () => {
    const check = page.getByTestId('ct-clause-check');
    await check.getByText('契約書に定められていない事項が 15 項目あります').waitFor();
    await expect(check.getByTestId('ct-missing-J.9.4-3-g').textContent()).resolves.toContain('J.9.4 3 g) 事件・事故が発生した場合の報告・連絡に関する事項');
    await expect(check.getByTestId('ct-missing-toshima-2-3').textContent()).resolves.toContain('豊島区 守るべき事項 2.(3) 個人情報の複製等の制限に関する事項');
    expect(await check.getByTestId('ct-missing-J.9.4-3-a').count()).toBe(0);
    // The demo organization is a company: the 豊島区 items are shown as a reference example (issue 10).
    await check.getByTestId('ct-missing-toshima-2-3').getByText('参考例').waitFor();
    await page.getByText('2026/04/01〜').waitFor();
    await shot('contractor-clause-check');
  });

  it('委託先審査表（世田谷区 調査票 9 項目）で評価し、承認を申請する（J.9.4 t)）', async () => {
    const card = page.getByTestId('ct-evaluation');
    await card.getByText('個人情報管理状況調査票').first().waitFor();
    // 申請 with nothing answered: refused beside the button with the items marked, and no draft saved.
    await card.getByTestId('ct-eval-submit').click();
    await card.getByTestId('ct-eval-error').getByText('未回答の評価項目があります（1、2、3、4、5、6、7、8、9）').waitFor();
    await card.getByTestId('ct-eval-missing-9').waitFor();
    await shot('contractor-evaluation-unanswered');
    await card.getByText('まだ評価はありません').waitFor();
    expect(await card.getByText('作成中').count()).toBe(0);
    for (let code = 1; code <= 9; code++)
      await card
        .getByTestId(`ct-eval-item-${code}`)
        .getByText(code === 4 ? '不適' : '適', { exact: true })
        .click();
    // An answered item loses its mark.
    expect(await card.getByTestId('ct-eval-missing-9').count()).toBe(0);
    await card.getByTestId('ct-eval-submit').click();
    await page.getByText('承認を申請しました').waitFor();
    await card.getByText('承認待ち').waitFor();
    await card.getByText('4 過去に個人情報の漏えいまたは紛失が無いこと').waitFor();
    await shot('contractor-evaluation');
  });

  it('再委託（特記事項 第6条）: 禁止では申請できず、制限にすると再委託承認申請ができ、再委託先は「承認前」', async () => {
    const card = page.getByTestId('ct-subcontracting');
    await card.getByText('「再委託の禁止」のため、再委託は申請できません').waitFor();
    await page.getByTestId('ct-edit').click();
    await page.getByText('再委託の制限（甲の承認）').click();
    await page.getByTestId('ct-save').click();
    await card.getByTestId('ct-sub-request').click();
    await page.getByLabel('再委託先', { exact: true }).fill('デモ発送');
    await page.getByLabel('再委託先', { exact: true }).press('Enter');
    await page.getByLabel('再委託して処理する内容').fill('封入封緘作業の一部');
    await page.getByLabel('再委託先における安全管理措置').fill('プライバシーマーク取得済み');
    await page.getByLabel('再委託の開始日').fill('2099/01/05');
    await page.getByLabel('再委託する理由').fill('繁忙期のため');
    // 豊島区 守るべき事項 3 ウ: the 再委託先's 作業責任者 and 作業従事者 are named, or the request is refused.
    await page.getByTestId('ct-sub-submit').click();
    await page.getByTestId('ct-sub-form').getByText('作業責任者の氏名を入力してください').waitFor();
    await page.getByLabel('再委託先の作業責任者の氏名').fill('発送 次郎');
    await page.getByLabel('作業責任者の役職').fill('作業主任');
    await page.getByLabel('作業責任者の連絡先').fill('03-1111-2222');
    await page.getByLabel('作業従事者（1人目）の氏名').fill('発送 三郎');
    await page.getByTestId('ct-sub-submit').click();
    await page.getByText('再委託承認申請を提出しました').waitFor();
    await card.getByRole('tree').getByText('承認前（承認待ち）').waitFor();
    await card.getByText('作業従事者: 発送 三郎').waitFor();
    await shot('contractor-subcontracting');
  });

  it('一覧で検索でき、Excel に出力される', async () => {
    await page.getByRole('button', { name: '委託先の一覧' }).click();
    await page.getByTestId('contractors-search').locator('input').fill('ジャーニー');
    await page.getByTestId('contractors-search').locator('input').press('Enter');
    await page.getByRole('cell', { name: '株式会社ジャーニー印刷' }).waitFor();
    expect(await page.getByRole('cell', { name: '株式会社デモ発送サービス' }).count()).toBe(0);
    await shot('contractor-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contractors-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^委託先一覧_\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.name).toBe('委託先一覧');
    const names = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(1).value);
    expect(names).toContain('株式会社ジャーニー印刷');
  });
});
