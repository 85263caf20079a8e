import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { checkAccessibilityAfterEachStep, expectAccessible } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext, signedInPage } from './support/browser.ts';

const facts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: { desk: '個人情報お問合せ窓口', method: 'このページのフォーム', identityCheck: '運転免許証等の写し', fees: { purposeNotice: null, disclosure: null } },
  safetyMeasures: ['個人情報保護規程の策定'],
};

const lines = [
  '1. 事業の内容及び規模を考慮し、適切に個人情報を取得・利用・提供します。',
  '2. 個人情報の取扱いに関する法令、国が定める指針その他の規範を遵守します。',
  '3. 個人情報の漏えい、滅失又は毀損の防止に努めます。',
  '4. 個人情報保護マネジメントシステムを継続的に改善します。',
];
const contact = '本方針の内容についての窓口: 総務部 03-0000-0001';
const policyText = [...lines, contact].join('\n');
const complaints = '5. 苦情及び相談には迅速かつ誠実に対応します。';

/**
 * 個人情報保護方針 (J.2.2): the 個人情報保護管理者 writes the 外部向け policy without d) 苦情及び相談
 * (its submission is refused naming J.2.2 2 d)), completes it and submits it; トップマネジメント
 * approves it (J.2.2 1); the public page shows it, linked from the portal (J.2.2 3). 周知 (J.2.2 3):
 * staff@ confirms the published version, pms@ sees staff@ as 確認済み and exports the 周知状況;
 * a revision's draft is compared with the published version line by line.
 */
describe('journey: 外部向け個人情報保護方針の作成・承認・公開', () => {
  let app: E2EApp;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `test-results/policy-${name}.png`, fullPage: true });

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    const pms = await signedInPage(browser, app.url, 'pms@demo.mamori.local');
    contexts.push(pms.context);
    page = pms.page;
    // The portal page is published first (its own journey is portal.e2e.ts).
    const session = await (await pms.context.request.get(`${app.url}/api/auth/session`)).json();
    const saved = await pms.context.request.put(`${app.url}/api/portal/settings`, {
      data: { slug: 'mamori-demo', published: true, facts },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  it('d) 苦情及び相談 を欠いた外部向け方針は、承認申請で J.2.2 2 d) を名指しして断られる', async () => {
    await page.goto('/policy');
    await page.getByRole('heading', { name: '個人情報保護方針' }).first().waitFor();
    await page.getByTestId('policy-edit-external').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('policy-body').fill(policyText);
    await dialog.getByTestId('policy-top').fill('山田 太郎');
    await dialog.getByLabel('制定年月日（J.2.2 2 g)）').fill('令和8年4月1日');
    for (const letter of ['a', 'b', 'c', 'e', 'h']) await dialog.getByTestId(`policy-item-J.2.2-2-${letter}`).click();
    await dialog.getByTestId('policy-missing').getByText('J.2.2 2 d) 苦情及び相談への対応に関する事項').waitFor();
    await shot('editor-missing');
    await expectAccessible(page, '/policy（編集）');
    await dialog.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByText('下書きを保存しました').waitFor();
    await page.getByTestId('policy-submit-external').click();
    await page.getByTestId('policy-submit-error').getByText('J.2.2 2 d) 苦情及び相談への対応に関する事項 が記載されていません', { exact: false }).waitFor();
    await shot('submit-refused');
  });

  it('d) を書き足すと申請でき、状態が「承認待ち」になる', async () => {
    await page.getByTestId('policy-edit-external').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('policy-body').fill([...lines, complaints, contact].join('\n'));
    await dialog.getByTestId('policy-item-J.2.2-2-d').click();
    await dialog.getByTestId('policy-complete').waitFor();
    await dialog.getByRole('button', { name: '下書きを保存' }).click();
    // The modal closes once the draft is saved (the first save's message may still be showing).
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('policy-submit-external').click();
    await page.getByText('第1版をトップマネジメントの承認に回しました').waitFor();
    await page.getByTestId('policy-external').getByText('承認待ち').waitFor();
    await shot('pending');
  });

  it('トップマネジメントが承認すると公開され、公開窓口のページから方針が読める', async () => {
    const top = await signedInPage(browser, app.url, 'top@demo.mamori.local');
    contexts.push(top.context);
    page = top.page;
    await page.goto('/approvals');
    const link = page.getByRole('link', { name: /外部向け個人情報保護方針 第1版/ });
    await link.first().click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    await page.getByTestId('approval-approve').waitFor();
    await shot('approval');
    await page.getByTestId('approval-approve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承認の確認').waitFor();
    await dialog.getByRole('button', { name: /承\s*認/ }).click();
    await page.getByTestId('approval-status').first().getByText('承認済み').waitFor();

    await page.goto('/policy');
    await page.getByTestId('policy-published-external').getByText('苦情及び相談には迅速かつ誠実に対応します', { exact: false }).waitFor();
    await page.getByTestId('policy-external').getByText('公開', { exact: true }).waitFor();
    await shot('published');
    await expectAccessible(page, '/policy（公開後）');

    const visitor = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1280, height: 900 } });
    contexts.push(visitor);
    page = await visitor.newPage();
    await page.goto('/p/mamori-demo');
    await page.getByTestId('portal-policy').getByRole('link', { name: '個人情報保護方針（第1版）を読む' }).click();
    await page.waitForURL(/\/p\/mamori-demo\/policy$/);
    const text = page.getByTestId('public-policy');
    await text.getByText('苦情及び相談には迅速かつ誠実に対応します', { exact: false }).waitFor();
    await text.getByText('山田 太郎').waitFor();
    await text.getByText('2026/04/01').waitFor();
    await shot('public');
  });

  it('J.2.2 3 周知: staff@ は公開中の版を読み「内容を確認しました」を押す（タスクが届いている）', async () => {
    const staff = await signedInPage(browser, app.url, 'staff@demo.mamori.local');
    contexts.push(staff.context);
    page = staff.page;
    await page.goto('/tasks');
    await page.getByText('外部向け個人情報保護方針（第1版）の確認').first().waitFor();
    await page.goto('/policy');
    const card = page.getByTestId('policy-external');
    await card.getByTestId('policy-published-external').getByText('苦情及び相談には迅速かつ誠実に対応します', { exact: false }).waitFor();
    // staff@ holds no role: no editing, no 周知状況.
    await expect(page.getByTestId('policy-edit-external').count()).resolves.toBe(0);
    await expect(page.getByTestId('policy-acks-external').count()).resolves.toBe(0);
    await card.getByTestId('policy-acknowledge-external').click();
    await page.getByText('第1版の内容を確認したことを記録しました').waitFor();
    await card
      .getByTestId('policy-ack-external')
      .getByText(/^内容を確認しました（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）$/)
      .waitFor();
    await shot('staff-acknowledged');
    await expectAccessible(page, '/policy（従業者の確認）');
  });

  it('pms@ は周知状況で staff@ を確認済みとして見て、Excel に出力する; 改訂の下書きを公開中の版と行ごとに比べる', async () => {
    const pms = await signedInPage(browser, app.url, 'pms@demo.mamori.local');
    contexts.push(pms.context);
    page = pms.page;
    await page.goto('/policy');
    const acks = page.getByTestId('policy-acks-external');
    await acks.getByRole('row', { name: /渡辺 さくら.*確認済み/ }).waitFor();
    await acks.getByRole('row', { name: /佐藤 花子.*未確認/ }).waitFor();
    await pickOption(page, 'policy-acks-status-external', '確認済み');
    await acks.getByRole('row', { name: /佐藤 花子/ }).waitFor({ state: 'hidden' });
    await shot('acknowledgements');
    const [download] = await Promise.all([page.waitForEvent('download'), acks.getByTestId('policy-acks-export-external').click()]);
    expect(download.suggestedFilename()).toMatch(/^周知状況_外部向け個人情報保護方針_第1版_\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('周知状況');
    expect(sheet?.rowCount).toBe(2);
    expect([sheet?.getRow(2).getCell(4).value, sheet?.getRow(2).getCell(5).value]).toEqual(['渡辺 さくら', '確認済み']);

    // 改訂の比較: a 第2版 draft with one more line, against the published 第1版.
    await page.getByTestId('policy-edit-external').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('policy-body').fill([...lines, complaints, '6. 従業者への教育を毎年行います。', contact].join('\n'));
    await dialog.getByLabel('最終改正年月日（J.2.2 2 g)、第2版から）').fill('2026/05/11');
    await dialog.getByRole('button', { name: '下書きを保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const diff = page.getByTestId('policy-diff-external');
    await diff.locator('ins', { hasText: '6. 従業者への教育を毎年行います。' }).waitFor();
    await diff.locator('del', { hasText: '最終改正年月日: （未記入）' }).waitFor();
    await page.getByTestId('policy-compare-check-1').getByText('a)〜h) すべて記載あり').waitFor();
    await page.getByTestId('policy-compare-external').scrollIntoViewIfNeeded();
    await shot('compare');
    await expectAccessible(page, '/policy（周知状況・改訂の比較）');
  });
});
