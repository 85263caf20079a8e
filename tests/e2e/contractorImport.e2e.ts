import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * Issue #12 (one import pipeline) with the 委託先一覧 (#13): the 個人情報保護管理者 uploads an office's
 * contractor list — a cover sheet, then the list under a title row, one column headed in the
 * office's own words (取引先) and a 所管部署 written its own way (営業本部) — chooses the field of
 * that column in one click, maps the department after the check, imports, and finds the
 * contractors in the list.
 */
const resultsDir = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), 'test-results');

describe('journey: 委託先一覧（事務所の Excel）を取り込む — 列の対応付け・所属の対応付け', () => {
  let app: E2EApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    ({ page } = await signedInPage(browser, app.url, 'pms@demo.mamori.local', { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);

  async function officeList(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表紙').addRow(['委託先管理台帳（令和8年度）']);
    const list = workbook.addWorksheet('委託先一覧');
    list.addRow(['委託先一覧（令和8年12月1日現在）']);
    list.addRow(['No.', '取引先', '法人番号', '所管部署', '委託業務の内容', 'Pマーク', 'Pマーク有効期限', '契約期間（開始）', '契約期間（終了）', '備考', '管理番号']);
    list.addRow([1, 'E2E封入サービス株式会社', '5010001008846', '総務部', '年賀状の封入', '○', '令和9年3月31日', '2026/4/1', 'R9.3.31', '年1回実地確認', 'K-001']);
    list.addRow([2, 'E2Eコールセンター株式会社', null, '営業本部', '問い合わせ窓口', '×', null, '2026/10/1', '2027/9/30', null, 'K-002']);
    return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('列「取引先」を名称として選び、見つからない所管部署を対応付けて取り込み、一覧に出る', async () => {
    await page.goto('/contractors');
    await page.getByTestId('contractors-import').click();
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '委託先一覧.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await officeList() });
    await page.getByTestId('import-sheet-choice').getByText('見出しが最もよく一致したシート「委託先一覧」（2枚目').waitFor();
    // 名称 is required and no heading names it: the check is refused until a column is chosen.
    await page.getByTestId('import-missing').getByText('「名称」の列がありません').waitFor();
    expect(await page.getByTestId('import-dry-run').isDisabled()).toBe(true);
    await chooseOption(page, page.getByTestId('import-column-取引先'), '名称（必須）');
    await page.getByTestId('import-columns').getByText('選択した対応付け').waitFor();
    // 取込時の追加情報 (issue #12): 管理番号 is no field's column and is kept, ticked by default.
    expect(await page.getByTestId('import-keep').getByRole('checkbox', { name: '管理番号' }).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, 'contractor-import-columns.png'), fullPage: false });

    await page.getByTestId('import-dry-run').click();
    await page.getByText('全2行のうち、取込可能 1行').waitFor();
    await page.getByTestId('import-values').getByText('営業本部').waitFor();
    await chooseOption(page, page.getByTestId('import-map-department-営業本部'), '営業部', '営業部');
    await page.getByTestId('import-dry-run').click();
    await page.getByText('全2行のうち、取込可能 2行（新規 2・更新 0）').waitFor();
    await page.getByTestId('import-kept').getByText('取込時の追加情報に残す列: 管理番号').waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'contractor-import-report.png'), fullPage: false });

    await page.getByTestId('import-execute').click();
    await page.getByText('2件を取り込みました').waitFor();
    await page.getByText('E2E封入サービス株式会社').waitFor();
    const second = page.getByRole('row').filter({ hasText: 'E2Eコールセンター株式会社' });
    await second.getByText('営業部').waitFor();

    // The 委託先's page shows its 備考 and 取込時の追加情報 as the file wrote them.
    await page.getByRole('row').filter({ hasText: 'E2E封入サービス株式会社' }).click();
    await page.getByTestId('record-note').getByText('年1回実地確認').waitFor();
    const extras = page.getByTestId('record-import-extras');
    await extras.getByText('管理番号').waitFor();
    await extras.getByText('K-001').waitFor();
    await extras.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(resultsDir, 'contractor-import-extras.png'), fullPage: false });
  });
});
