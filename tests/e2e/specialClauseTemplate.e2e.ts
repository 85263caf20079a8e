import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'test-results');

/**
 * Issue #13 「a private company gets its own editable template set built the same way (J.9.4 3
 * wording)」, in Chromium against a real server with the demo organization: the 個人情報保護管理者 opens
 * 特記事項のひな型 from the 委託先 list (既定: the 民間事業者向け set), edits the 持ち出し「制限」 paragraph,
 * is refused naming 第1条 when the 差し込み項目【委託元】 is removed, saves 第1版 and sees the diff in
 * the history; on a 委託先's page 「自社のひな型（第1版）」 generates the .docx (read back) with the
 * edited text and the chosen variant. axe-core checks every page a step ends on.
 */
describe('journey: 自社の特記事項のひな型を編集して第1版にし、委託先の特記事項に使う', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const edited = '持ち出し管理台帳（持ち出し事由・日時・返却日時・担当者）に記録';

  async function shot(name: string) {
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    ({ context, page } = await signedInPage(browser, app.url, 'pms@demo.mamori.local', { width: 1440, height: 900 }));
    await page.goto(`${app.url}/`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  const accessibility = checkAccessibilityAfterEachStep(() => page);

  it('委託先の一覧から特記事項のひな型を開く: 既定（民間事業者向け）の条と変種、J.9.4 3 の事項', async () => {
    await page.getByRole('menuitem', { name: '委託先' }).click();
    await page.getByTestId('contractors-template').click();
    await page.getByRole('heading', { name: '特記事項のひな型（自社のひな型）', level: 1 }).waitFor();
    const current = page.getByTestId('tp-current');
    await current.getByText('使用中の版: 既定').waitFor();
    await current.getByText('第6条（再委託）').waitFor();
    await current.getByText('J.9.4 3 c)').waitFor();
    expect(await current.getByTestId('tp-missing').count()).toBe(0);
    await shot('special-clause-template-default');
  });

  it('編集: 第1条から【委託元】を消すと第1条を名指して拒まれ、戻して持ち出し「制限」を書き換えて第1版を保存する', async () => {
    await page.getByTestId('tp-edit').click();
    const editor = page.getByTestId('tp-editor');
    await editor.getByText('第1版の編集').waitFor();
    const first = editor.getByTestId('tp-p-basicDuty-text-1');
    const original = await first.inputValue();
    await first.fill(original.replace('【委託元】', '委託者'));
    await editor.getByTestId('tp-save').click();
    await editor
      .getByTestId('tp-error-basicDuty-text')
      .getByText('第1条（委託者及び受託者の責任）から差し込み項目「【委託元】」を消すことはできません', { exact: false })
      .waitFor();
    await first.fill(original);
    const takingOut = editor.getByTestId('tp-p-takingOut-restrict-1');
    await takingOut.fill((await takingOut.inputValue()).replace('持ち出し記録（持ち出し事由・日時・返却日時・担当者等）を作成しなければならない', `${edited}しなければならない`));
    await editor.getByTestId('tp-note').fill('持ち出しの記録を当社の管理台帳に合わせた');
    await shot('special-clause-template-editor');
    await editor.getByTestId('tp-save').click();
    await page.getByText('第1版を保存しました').waitFor();
    await page.getByTestId('tp-current').getByText('使用中の版: 第1版').waitFor();
    const history = page.getByTestId('tp-history');
    await history.getByText('既定からの変更').waitFor();
    await history.getByTestId('tp-changes-第1版').getByText('第8条（持ち出し）「制限（甲の承認による）」 第1項').waitFor();
    expect(await history.getByTestId('tp-changes-第1版').locator('ins').first().textContent()).toContain('管理台帳');
    await history.getByText('持ち出しの記録を当社の管理台帳に合わせた').waitFor();
    await shot('special-clause-template-v1');
  });

  it('委託先の特記事項: 「自社のひな型（第1版）」と持ち出しの制限で Word を作ると、編集した条文と版の名が入る', async () => {
    await page.getByRole('link', { name: '委託先の一覧' }).click();
    await page.getByTestId('contractors-search').locator('input').fill('デモ発送');
    await page.getByTestId('contractors-search').locator('input').press('Enter');
    await page.getByRole('cell', { name: '株式会社デモ発送サービス' }).click();
    const card = page.getByTestId('special-clauses');
    await card.getByTestId('sc-template').getByText('自社のひな型（第1版）').click();
    await card.getByTestId('sc-takingOut').getByText('制限（甲の承認による）').click();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('sc-docx').click()]);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const text = strFromU8(files['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');
    expect(text).toContain('ひな型：自社のひな型（第1版）');
    expect(text).toContain(edited);
    expect(text).toContain('（持ち出しの制限）');
    expect(text).not.toContain('（持ち出しの禁止）');
    expect(text).toContain('株式会社デモ発送サービス（以下「乙」という。）');
    expect(text).not.toContain('【委託元】');
    await shot('special-clause-template-generated');
  });

  it('axe-core が歩いた画面（特記事項のひな型・委託先の詳細）を検査した', () => {
    expect([...accessibility.checked]).toEqual(expect.arrayContaining(['/contractors/special-clause-template']));
  });
});
