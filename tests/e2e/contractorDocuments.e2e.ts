import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, signedInPage } from './support/browser.ts';

/**
 * 契約書等 on the 委託先 (issue #13, J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」):
 * the 個人情報保護管理者 attaches the signed 契約書 on the 委託先's page, reads its 保存期限 with the
 * reason, and finds the delete button disabled, saying why, until then.
 */
describe('journey: 委託先の契約書を添付し、保存期限までは削除できないことを確かめる', () => {
  let app: E2EApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    ({ page } = await signedInPage(browser, app.url, 'pms@demo.mamori.local'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  it('種別は選ぶまで空で添付できず、契約書を選んで添付すると種別と保存期限（理由つき）が出て、削除ボタンは理由を示して押せない', async () => {
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').click();
    const card = page.locator('.ant-card').filter({ has: page.getByText('契約書等', { exact: true }) });
    await card.waitFor();
    const retention = card.getByTestId('attach-retention');
    await expect.poll(() => retention.textContent()).toContain('契約書・特記事項（署名済み）・覚書・変更契約・秘密保持誓約書の保存期限');
    expect(await retention.textContent()).toContain('J.9.4 5');

    // J.9.4 5 keeps the 契約書: a file is filed as one only when chosen — nothing is preselected, and
    // the upload waits for the choice (a 委任状 is never filed as the first kind, 契約書, unnoticed).
    const kindSelect = card.locator('.ant-select');
    expect(await kindSelect.textContent()).toBe('種別を選択');
    expect(await card.getByRole('combobox').getAttribute('aria-label')).toBe('種別');
    expect(await card.getByRole('button', { name: 'ファイルを添付' }).isDisabled()).toBe(true);
    expect(await card.getByTestId('attach-choose-kind').textContent()).toBe('種別を選ぶと、ファイルを添付できます');
    await kindSelect.click();
    await page.getByTitle('契約書', { exact: true }).click();
    expect(await kindSelect.textContent()).toBe('契約書');
    expect(await card.getByRole('button', { name: 'ファイルを添付' }).isDisabled()).toBe(false);
    await card.locator('input[type="file"]').setInputFiles({ name: '業務委託契約書_発送.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const item = card.locator('.ant-list-item').filter({ hasText: '業務委託契約書_発送.pdf' });
    await item.waitFor();
    expect(await item.textContent()).toContain('契約書・PDF');
    const kept = item.getByTestId('attach-kept');
    expect(await kept.textContent()).toMatch(/^保存期限(（.+）まで|が決まるまで)削除できません$/);
    const remove = item.getByRole('button', { name: /削除できません/ });
    expect(await remove.isDisabled()).toBe(true);
    // The next file is chosen afresh: the 種別 does not carry over from the 契約書.
    expect(await kindSelect.textContent()).toBe('種別を選択');
    expect(await card.getByRole('button', { name: 'ファイルを添付' }).isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/contractor-documents-kind.png', fullPage: true });
  });
});
