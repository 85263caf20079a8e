import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption, pickTreeNode } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'test-results');
const SESSION_COOKIE = 'mamori_session';

/**
 * The 個人情報保護管理者's day, in Chromium against a real server with the demo organization:
 * sign in, home inbox, 所属 → 従業者 → 役割, the J.2.3.2 separation-of-duty refusal, approving
 * the demo's pending 役割任命申請, and the idle logout (J.9.2 c) 13).
 */
describe('journey: 個人情報保護管理者', () => {
  let app: E2EApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = String(Date.now()).slice(-5);
  const departmentName = `品質保証部${stamp}`;
  const personName = `検証 太郎${stamp}`;

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
  // Issue 10: axe-core on every page the journey shows, no serious or critical violation.
  checkAccessibilityAfterEachStep(() => page);

  it('logs in as the demo 個人情報保護管理者 and sees the home page (screenshot)', async () => {
    await page.goto('/login');
    await page.getByLabel('ログインID（メールアドレス）').fill('pms@demo.mamori.local');
    await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.getByText('佐藤 花子 さん、お疲れさまです。').waitFor();
    expect(await page.getByTestId('org-name').textContent()).toBe('株式会社まもりデモ');
    for (const label of ['ホーム', '所属', '従業者', '役割・体制図', 'アカウント', '監査証跡', '設定']) {
      await page.getByRole('menuitem', { name: label }).waitFor();
    }
    await page.getByTestId('home-approvals').getByText('役割任命申請').waitFor();
    await mkdir(resultsDir, { recursive: true });
    const file = path.join(resultsDir, 'home.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
  });

  it('adds a department', async () => {
    await page.getByRole('menuitem', { name: '所属' }).click();
    await page.getByTestId('dept-add').click();
    await page.getByLabel('所属名').fill(departmentName);
    await page.getByLabel('所属コード').fill(`Q${stamp}`);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByRole('cell', { name: departmentName }).waitFor();
  });

  it('adds a person in that department', async () => {
    await page.getByRole('menuitem', { name: '従業者' }).click();
    await page.getByTestId('person-add').click();
    // Client-side validation with the API's zod schema, in Japanese under the field.
    await page.getByTestId('person-save').click();
    await page.getByText('氏名を入力してください').waitFor();
    await page.getByLabel('氏名', { exact: true }).fill(personName);
    await page.getByLabel('氏名（カナ）').fill('ケンショウ タロウ');
    await page.getByLabel('従業者番号').fill(`T${stamp}`);
    await pickTreeNode(page, 'field-departmentId', departmentName);
    // 備考 (issue #12): written on the form, shown in the drawer as typed.
    await page.getByTestId('person-note').fill('育児休業中（令和8年10月まで）');
    await page.getByTestId('person-save').click();
    await page.getByText('従業者の詳細').waitFor();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(departmentName).waitFor();
    await drawer.getByTestId('record-note').getByText('育児休業中（令和8年10月まで）').waitFor();
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: new RegExp(personName) })
      .getByText(departmentName)
      .waitFor();
  });

  it('assigns a role (監査員) to that person', async () => {
    await page.getByRole('menuitem', { name: '役割・体制図' }).click();
    await page.getByTestId('role-add').click();
    await pickOption(page, 'field-personId', personName, personName);
    await pickOption(page, 'field-role', /^監査員$/, '監査員');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('role-group-auditor').getByText(personName).waitFor();
  });

  it('refuses to make 佐藤 花子 (個人情報保護管理者) also 個人情報保護監査責任者, showing the J.2.3.2 rule on the role field', async () => {
    await page.getByTestId('role-add').click();
    await pickOption(page, 'field-personId', '佐藤 花子', '佐藤');
    await pickOption(page, 'field-role', /^個人情報保護監査責任者$/, '監査責任者');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    const refusal = '個人情報保護管理者と個人情報保護監査責任者は異なる者でなければなりません（J.2.3.2 留意事項）';
    const roleItem = page.locator('.ant-form-item', { has: page.locator('#field-role') });
    await roleItem.locator('.ant-form-item-explain-error', { hasText: refusal }).waitFor();
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'separation-of-duties.png') });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /キャンセル/ })
      .click();
    // What was chosen is not saved: closing asks first.
    await page.getByRole('dialog').filter({ hasText: '保存していない変更があります' }).getByRole('button', { name: '保存せずに閉じる' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('role-group-audit_manager').getByText('佐藤 花子').count()).toBe(0);
  });

  it('opens the pending 役割任命申請 from the home inbox and approves it on the approval screen (screenshot)', async () => {
    await page.getByRole('menuitem', { name: 'ホーム' }).click();
    const row = page.getByTestId('home-approvals').getByRole('row', { name: /田中 美咲/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('役割任命申請');
    await row.getByRole('link', { name: /渡辺 さくら/ }).click();
    // The approval screen: the record as submitted under Japanese labels, the chain, no stamps yet.
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    const record = page.getByTestId('approval-record');
    for (const text of ['対象者', '渡辺 さくら', '役割', '個人情報取扱責任者', '所属', '営業部', '開始日', '理由']) await record.getByText(text, { exact: true }).first().waitFor();
    await page.getByTestId('approval-chain').getByText('個人情報保護管理者').waitFor();
    await page.getByTestId('approval-stamps').getByText('まだ承認・差戻しはありません').waitFor();
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'approval.png'), fullPage: true });

    await page.getByTestId('approval-approve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承認の確認').waitFor();
    await dialog.getByLabel('コメント（任意）').fill('承認します');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/approvals\/[^/]+\/approve$/.test(new URL(r.url()).pathname)),
      dialog.getByRole('button', { name: /承\s*認/ }).click(),
    ]);
    expect(response.status(), await response.text()).toBe(200);
    await page.getByText('承認しました').waitFor();
    await page.getByTestId('approval-status').first().getByText('承認済み').waitFor();
    await page.getByTestId('approval-stamps').getByText('承認します').waitFor();
    await page.getByRole('button', { name: 'ホームへ戻る' }).click();
    await page.getByTestId('home-approvals').getByText('承認待ちの案件はありません').waitFor();
  });

  it('logs out after the idle timeout and the old session cookie no longer works', async () => {
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeTruthy();
    const session = await fetch(`${app.url}/api/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` } });
    expect(session.status).toBe(200);
    const { idleTimeoutMinutes } = (await session.json()) as { idleTimeoutMinutes: number };
    expect(idleTimeoutMinutes).toBe(10);

    // The idle timer runs in the page, so the fake clock goes in before the app loads again (only
    // here: under a loaded CPU a fake clock from the start made the earlier steps' dialogs and
    // pickers miss their animation ends). No user activity from here: jump past the timeout.
    await page.clock.install();
    await page.reload();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.clock.fastForward((idleTimeoutMinutes + 1) * 60_000);
    await page.getByText('一定時間操作がなかったため、ログアウトしました').waitFor();
    await page.getByLabel('ログインID（メールアドレス）').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    const after = await fetch(`${app.url}/api/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` } });
    expect(after.status).toBe(401);
    expect(await page.evaluate(async () => (await fetch('/api/auth/session')).status)).toBe(401);
  });
});
