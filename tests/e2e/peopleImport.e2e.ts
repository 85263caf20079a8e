import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chooseOption } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * Issue #12 (one import pipeline, 従業者): the 個人情報保護管理者 uploads a two-sheet roster (a
 * cover first), picks the roster's sheet in the preview, maps a 所属 the file writes its own way to
 * an existing department, checks again and imports; the people are in the 従業者 list.
 */
const resultsDir = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), 'test-results');

describe('journey: 従業者名簿（2枚のシート）を取り込む — シートの選択・所属の対応付け', () => {
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

  /** A cover sheet first; the roster on the second sheet under a title row, one 所属 written its own way (営業本部). */
  async function twoSheetRoster(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const cover = workbook.addWorksheet('表紙');
    cover.addRow(['従業者名簿']);
    cover.addRow(['作成日', '令和8年4月1日']);
    const roster = workbook.addWorksheet('名簿');
    roster.addRow(['従業員名簿（令和8年4月1日現在）']);
    roster.addRow(['社員番号', '氏名', 'フリガナ', '所属部署', '入社年月日']);
    roster.addRow(['E2E001', '名簿取込 一郎', 'メイボトリコミ イチロウ', '総務部', '2024/4/1']);
    roster.addRow(['E2E002', '名簿取込 二郎', 'メイボトリコミ ジロウ', '営業本部', '令和6年4月1日']);
    return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('名簿のシートを選び、見つからない所属を既存の所属に対応付けて取り込み、一覧に出る', async () => {
    await page.goto('/people');
    await page.getByTestId('people-import').click();
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '従業者名簿.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await twoSheetRoster() });
    // The roster's sheet was chosen by its header (the title row skipped), and the modal says so.
    await page.getByTestId('import-sheet-choice').getByText('見出しが最もよく一致したシート「名簿」（2枚目').waitFor();
    // The cover: its preview only; then back to the roster, its row 2 clicked as the header row.
    await page.getByTestId('import-sheet-1').click();
    await page.getByTestId('import-sheet-preview-1').getByText('令和8年4月1日').waitFor();
    await page.getByTestId('import-sheet-2').click();
    await page.getByTestId('import-preview-row-2-2').click();
    await page.getByTestId('import-sheet-choice').getByText('指定したシート「名簿」（2枚目）を読みました').waitFor();

    await page.getByTestId('import-dry-run').click();
    await page.getByText('全2行のうち、取込可能 1行').waitFor();
    await page.getByTestId('import-values').getByText('営業本部').waitFor();
    await chooseOption(page, page.getByTestId('import-map-department-営業本部'), '営業部', '営業部');
    await page.screenshot({ path: path.join(resultsDir, 'people-import-mapping.png'), fullPage: false });
    await page.getByTestId('import-dry-run').click();
    await page.getByText('全2行のうち、取込可能 2行').waitFor();

    await page.getByTestId('import-execute').click();
    await page.getByText('2件を取り込みました').waitFor();
    const search = page.getByPlaceholder('氏名・カナ・従業者番号で検索');
    await search.fill('名簿取込');
    await search.press('Enter');
    await page.getByText('名簿取込 一郎').waitFor();
    const second = page.getByRole('row').filter({ hasText: '名簿取込 二郎' });
    await second.getByText('営業部').waitFor();
  });

  it('見つからない所属を「新しい所属として作る」: 確認で「新規作成」と出て、取り込むと所属ができ、従業者はその所属になる', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名簿');
    sheet.addRow(['社員番号', '氏名', '所属部署']);
    sheet.addRow(['E2E011', '新設取込 一郎', '新規事業開発部']);
    sheet.addRow(['E2E012', '新設取込 二郎', '新規事業開発部']);
    await page.goto('/people');
    await page.getByTestId('people-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '新設.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    });
    await page.getByTestId('import-dry-run').click();
    await page.getByText('全2行のうち、取込可能 0行').waitFor();
    await chooseOption(page, page.getByTestId('import-map-department-新規事業開発部'), '新しい所属として作る');
    await page.getByTestId('import-recheck').click();
    await page.getByText('全2行のうち、取込可能 2行').waitFor();
    await page.getByTestId('import-created-values').getByText('新規作成: 所属「新規事業開発部」（2、3行目）').waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'people-import-create-department.png'), fullPage: false });

    await page.getByTestId('import-execute').click();
    await page.getByText('2件を取り込みました').waitFor();
    const search = page.getByPlaceholder('氏名・カナ・従業者番号で検索');
    await search.fill('新設取込');
    await search.press('Enter');
    await page.getByRole('row').filter({ hasText: '新設取込 二郎' }).getByText('新規事業開発部').waitFor();
  });
});
