import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A consultant-template 法令等一覧表 with a title row above its headings. */
async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('法令等一覧表');
  sheet.addRow(['個人情報保護に関する法令規範一覧']);
  sheet.addRow(['法令名', '区分', '所管官庁', '法令番号', '改正日']);
  sheet.addRow(['不正アクセス行為の禁止等に関する法律', '法律', '国家公安委員会', '平成11年法律第128号', '令和4年6月17日']);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function login(page: Page, loginId: string) {
  await page.goto('/login');
  await page.getByLabel('ログインID（メールアドレス）').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
  await page.getByTestId('login-submit').click();
  await page.getByRole('heading', { name: 'ホーム' }).waitFor();
}

/**
 * 法令規範一覧 (J.1.3): the 個人情報保護管理者 registers an entry (a non-web URL refused under its
 * field, the 最終改正日 typed in 和暦), approves it (J.1.3 a) and imports a template workbook after a
 * dry run; a 従業者 without a role reads the list without the buttons (J.1.3 b).
 */
describe('journey: 法令規範一覧の登録・承認・取込と全職員の閲覧', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    context = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  it('個人情報保護管理者が法令規範を登録し（URL の誤りは項目の下に）、承認する', async () => {
    await login(page, 'pms@demo.mamori.local');
    await page.getByRole('menuitem', { name: '法令規範一覧' }).click();
    await page.getByText('個人情報の保護に関する法律施行令').waitFor();
    await page.getByTestId('laws-add').click();
    await page.getByTestId('law-name').fill('個人情報の保護に関する法律についてのガイドライン（認定個人情報保護団体編）');
    await pickOption(page, 'field-kind', 'ガイドライン・指針');
    await page.getByLabel('最終改正日').fill('令和5年12月1日');
    await page.getByTestId('law-url').fill('javascript:alert(1)');
    await page.getByTestId('law-save').click();
    await page.getByText('参照先URLは http:// または https:// で始まるアドレスで入力してください').waitFor();
    await page.getByTestId('law-url').fill('https://www.ppc.go.jp/personalinfo/legal/');
    await page.getByTestId('law-save').click();
    await page.getByText('保存しました').waitFor();
    await page.getByTestId('law-approve-個人情報の保護に関する法律についてのガイドライン（認定個人情報保護団体編）').click();
    await page.getByTestId('law-approve-ok').click();
    await page.getByText('承認しました').waitFor();
    await expect.poll(() => page.getByTestId('law-approve-個人情報の保護に関する法律についてのガイドライン（認定個人情報保護団体編）').count()).toBe(0);
  });

  it('テンプレートの法令等一覧表を確認してから取り込む', async () => {
    await page.getByTestId('laws-import').click();
    await page.locator('input[type=file]').setInputFiles({ name: '法令等一覧表.xlsx', mimeType: XLSX, buffer: await templateWorkbook() });
    await page.getByTestId('import-dry-run').click();
    await page.getByText('全1行のうち、取込可能 1行（新規 1・更新 0）').waitFor();
    await page.getByTestId('import-execute').click();
    await page.getByText('1件を取り込みました').waitFor();
    await page.getByText('不正アクセス行為の禁止等に関する法律').waitFor();
  });

  it('12月の見直し（J.1.3 c）: 全件を確認済みにして完了する', async () => {
    await page.getByTestId('laws-reviews').click();
    await page.getByText('2025年').waitFor();
    // The year as people write it: an era year the era never had is refused, quoting it, and starts nothing;
    // 令和8年度 is read as the year it starts in, and the field says so.
    const year = page.getByLabel('見直しの年');
    await year.fill('平成32年');
    await page.getByTestId('law-review-year-refused').getByText('見直しの年の元号と年が合いません（入力値: 平成32年）', { exact: false }).waitFor();
    expect(await page.getByTestId('law-review-start').isDisabled()).toBe(true);
    await year.fill('令和8年度');
    await page.getByTestId('law-review-year-read-as').getByText('2026年（年度の始まる年） として読みました').waitFor();
    await page.getByTestId('law-review-start').click();
    await page.getByRole('heading', { name: '2026年 法令規範一覧の見直し' }).waitFor();
    const radios = page.getByRole('radio', { name: '確認済み' });
    const n = await radios.count();
    expect(n).toBeGreaterThan(5);
    // 改訂あり without what changed: refused, naming the entry.
    await page.getByRole('radio', { name: '改訂あり' }).first().check();
    await page.getByTestId('law-review-save').click();
    await page
      .getByTestId('law-review-error')
      .getByText(/: 改訂ありの法令規範は改訂の内容を入力してください/)
      .waitFor();
    for (let i = 0; i < n; i++) await radios.nth(i).check();
    await page.getByTestId('law-review-complete').click();
    await page.getByText(/が完了$/).waitFor();
    expect(await page.getByTestId('law-review-complete').count()).toBe(0);
  });

  it('役割のない従業者は一覧を読めるが、登録・取込・承認のボタンはない', async () => {
    await context.clearCookies();
    await login(page, 'staff@demo.mamori.local');
    await page.getByRole('menuitem', { name: '法令規範一覧' }).click();
    await page.getByText('不正アクセス行為の禁止等に関する法律').waitFor();
    expect(await page.getByTestId('laws-add').count()).toBe(0);
    expect(await page.getByTestId('laws-import').count()).toBe(0);
    expect(await page.locator('[data-testid^="law-approve-"]').count()).toBe(0);
  });
});
