import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeItems } from '../../src/rules/data/requiredItems.ts';
import { chooseOption } from './support/antd.ts';
import { expectAccessible } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

/**
 * Issue #14 公開窓口: the 個人情報保護管理者 fills the 公表事項 (publishing is refused while one is
 * missing, under its field), publishes; a person without an account opens the page, sends a 開示
 * request as an agent with the 委任状 (J.10.2 h)), gets the 受付番号 and the follow-up URL; the
 * office asks a 補正, the person answers it through that URL with a document, and the office sees
 * the answer and the files on the request.
 */
describe('journey: 公開窓口 — 公表事項を公開し、アカウントのない人が開示を請求して補正を知る', () => {
  let app: E2EApp;
  let browser: Browser;
  let staff: BrowserContext;
  let visitor: BrowserContext;
  let page: Page;
  let publicPage: Page;
  let followUp = '';

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    staff = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 1000 } });
    visitor = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1024, height: 900 } });
    page = await staff.newPage();
    publicPage = await visitor.newPage();
    page.setDefaultTimeout(60_000);
    publicPage.setDefaultTimeout(60_000);
    const res = await staff.request.post(`${app.url}/api/auth/login`, { data: { loginId: 'pms@demo.mamori.local', password: 'Mamori-demo1!' } });
    expect(res.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => (followUp ? publicPage : page));

  it('デモの公開窓口は公開済み（/p/mamori-demo）。公表事項を消して公開のまま保存すると、足りない項目の欄の下に J.10.3 の条項つきで出る', async () => {
    await page.goto('/portal/settings');
    await expect.poll(() => page.getByTestId('portal-slug').inputValue()).toBe('mamori-demo');
    await page.getByTestId('portal-manager-name').fill('');
    await page.getByTestId('portal-save').click();
    await page.getByTestId('portal-settings-error').getByText('公表事項が揃っていないため公開できません', { exact: false }).waitFor();
    await page.getByText('J.10.3 b): 個人情報保護管理者の氏名又は職名が設定されていません', { exact: false }).first().waitFor();
    await page.screenshot({ path: 'test-results/portal-settings-missing.png', fullPage: true });
  });

  it('足りない項目を入れて保存すると公開され、プレビューに a)〜g) が出る', async () => {
    await page.getByTestId('portal-manager-name').fill('個人情報保護管理者 佐藤花子');
    await page.getByTestId('portal-manager-department').fill('総務部');
    await page.getByTestId('portal-manager-contact').fill('privacy@demo.example.jp');
    await page.getByTestId('portal-purposes').fill('商品の発送及びアフターサービスのため\n採用選考のため');
    await page.getByTestId('portal-complaint-desk').fill('個人情報お問合せ窓口（総務部） 03-0000-0001');
    await page.getByTestId('portal-desk').fill('個人情報お問合せ窓口');
    await page.getByTestId('portal-method').fill('このページのフォーム又は当社所定の請求書');
    await page.getByTestId('portal-identity').fill('運転免許証等の写し（本籍地・個人番号は黒塗り）');
    await page.getByTestId('portal-safety').fill('個人情報保護規程の策定\n従業者の教育');
    // Walkthrough finding 4: 「１０００」 typed with the IME was erased on blur and published as 無料.
    // What is not a number stays, with the reason; full-width digits are read, and the field says so.
    const fee = page.getByTestId('portal-fee');
    await fee.fill('１０００ｘ');
    await page.getByTestId('portal-fee-method').click();
    expect(await fee.inputValue()).toBe('１０００ｘ');
    await page.getByTestId('portal-fee-refused').getByText('開示の手数料は整数で入力してください（例: 1,000円）（入力値: １０００ｘ）').waitFor();
    await page.screenshot({ path: 'test-results/portal-fee-refused.png', fullPage: true });
    await fee.fill('１，０００');
    await page.getByTestId('portal-fee-method').fill('郵便小為替');
    expect(await fee.inputValue()).toBe('１，０００');
    await page.getByTestId('portal-fee-read-as').getByText('1,000円 として読みました').waitFor();
    await page.screenshot({ path: 'test-results/portal-fee-read.png', fullPage: true });
    await page.getByTestId('portal-save').click();
    await page.getByText('保存して公開しました').waitFor();
    await page.getByTestId('portal-preview').getByText('1件につき1,000円', { exact: false }).first().waitFor();
    await page.getByTestId('portal-preview').getByText('保有個人データの利用目的').waitFor();
    expect(await page.getByTestId('portal-preview').getByText('足りない公表事項').count()).toBe(0);
    await page.screenshot({ path: 'test-results/portal-settings-published.png', fullPage: true });
  });

  it('アカウントのない人が公開ページで代理人として開示を請求し、受付番号と確認用URLを受け取る', async () => {
    await publicPage.goto('/p/mamori-demo');
    await publicPage.getByTestId('portal-section-J.10.3-b').getByText('個人情報保護管理者 佐藤花子', { exact: false }).waitFor();
    // Sent empty: each required field says what it needs.
    await publicPage.getByTestId('portal-submit').click();
    await publicPage
      .getByText('請求等の種類の値が正しくありません', { exact: false })
      .or(publicPage.getByText('請求等の種類', { exact: false }).nth(1))
      .first()
      .waitFor();
    await publicPage.getByText('氏名を入力してください').waitFor();
    await chooseOption(publicPage, publicPage.getByTestId('portal-kind'), /^開示$/);
    await publicPage.getByTestId('portal-requesterName').fill('鈴木 一郎');
    await publicPage.getByTestId('portal-requesterContact').fill('ichiro@example.jp');
    await publicPage.getByTestId('portal-agentKind').getByText('任意代理人', { exact: false }).click();
    // J.10.2 h): with an agent the fields say whose they are, and the agent gives its own address and contact.
    await publicPage.getByLabel('本人の氏名', { exact: true }).waitFor();
    expect(await publicPage.getByTestId('portal-requesterName').inputValue()).toBe('鈴木 一郎');
    await publicPage.getByLabel('本人の住所', { exact: true }).waitFor();
    await publicPage.getByTestId('portal-agentName').fill('鈴木 次郎');
    await publicPage.getByTestId('portal-agentAddress').fill('東京都豊島区西池袋4-5-6 鈴木法律事務所');
    await publicPage.getByTestId('portal-agentContact').fill('jiro@example.jp');
    expect(await publicPage.getByTestId('portal-replyTo').locator('input[value="agent"]').isChecked()).toBe(true);
    await publicPage.getByTestId('portal-content').fill('私の購入履歴と登録情報の開示を求めます。');
    await publicPage.getByTestId('portal-identity-warning').getByText('裏面', { exact: false }).waitFor();
    await publicPage.waitForTimeout(3_200); // a person takes longer than the bot check's minimum
    // J.10.2 h) 1): a 任意代理人 without the 委任状 is stopped before sending.
    await publicPage.getByTestId('portal-submit').click();
    await publicPage.getByTestId('portal-file-error').getByText('委任状', { exact: false }).waitFor();
    // A program renamed .pdf is refused by its bytes, naming the file; nothing is sent.
    await publicPage.getByTestId('portal-file-input-power_of_attorney').setInputFiles({ name: '委任状.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await publicPage.getByTestId('portal-submit').click();
    await publicPage.getByTestId('portal-file-error').getByText('「委任状.pdf」は送れない形式です', { exact: false }).waitFor();
    await publicPage.getByTestId('portal-files-power_of_attorney').getByRole('button', { name: '委任状.pdf を外す' }).click();
    await publicPage.getByTestId('portal-file-input-power_of_attorney').setInputFiles({ name: '委任状.pdf', mimeType: 'application/pdf', buffer: PDF });
    await publicPage.getByTestId('portal-files-power_of_attorney').getByText('委任状.pdf', { exact: false }).waitFor();
    await publicPage.screenshot({ path: 'test-results/portal-form.png', fullPage: true });
    await expectAccessible(publicPage, '公開ページ（添付書類つき）');
    // The server checks the files before it spends the bot check: the same page sends again.
    await publicPage.getByTestId('portal-submit').click();
    await publicPage
      .getByTestId('portal-sent')
      .getByText(/受付番号は REQ-\d{4}-\d{4} です/)
      .waitFor();
    followUp = ((await publicPage.getByTestId('portal-followup-url').textContent()) ?? '').trim();
    expect(followUp).toMatch(/\/p\/mamori-demo\/receipts\/REQ-\d{4}-\d{4}\?token=[\w-]{43}$/);
    await publicPage.getByTestId('portal-progress').getByText('受付', { exact: true }).waitFor();
    // J.10.2 1 d): the 開示 fee the page publishes (the demo's), and a way back to the page.
    await publicPage.getByTestId('portal-receipt-fee').getByText('1件につき1,000円（郵便小為替）').waitFor();
    expect(await publicPage.getByTestId('portal-receipt-back').getAttribute('href')).toBe('/p/mamori-demo');
    await publicPage.screenshot({ path: 'test-results/portal-receipt.png', fullPage: true });
  });

  it('事務局が補正を求めると、確認用URLに補正のお願いが日付つきで出る', async () => {
    const number = /receipts\/(REQ-\d{4}-\d{4})/.exec(followUp)?.[1] ?? '';
    const list = await staff.request.get(`${app.url}/api/requests?pageSize=100`);
    const request = ((await list.json()) as { items: { id: string; number: string; receivedOn: string }[] }).items.find((r) => r.number === number);
    expect(request).toBeDefined();
    const session = await (await staff.request.get(`${app.url}/api/auth/session`)).json();
    const asked = await staff.request.post(`${app.url}/api/requests/${request?.id}/corrections`, {
      data: { askedOn: request?.receivedOn, what: '委任状の原本を郵送してください' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(asked.status()).toBe(201);
    await publicPage.goto(followUp);
    await publicPage.getByTestId('portal-corrections').getByText('委任状の原本を郵送してください').waitFor();
    await publicPage.getByTestId('portal-progress').getByText('補正中').waitFor();
    await publicPage.getByTestId('portal-sent-files').getByText('委任状: 委任状.pdf', { exact: false }).waitFor();
    await publicPage.screenshot({ path: 'test-results/portal-correction.png', fullPage: true });
    await expectAccessible(publicPage, '受付状況（補正の回答フォーム）');
  });

  it('請求者が確認用URLから補正に回答し（文と書類）、補正が完了する', async () => {
    await publicPage.getByTestId('portal-answer-text').fill('委任状の原本は本日郵送しました。控えの写真を添付します。');
    await publicPage.getByTestId('portal-file-input-correction_answer').setInputFiles({ name: '郵送の控え.png', mimeType: 'image/png', buffer: PNG });
    await publicPage.getByTestId('portal-answer-submit').click();
    await publicPage.getByTestId('portal-corrections').getByText('委任状の原本は本日郵送しました', { exact: false }).waitFor();
    await publicPage.getByTestId('portal-progress').getByText('受付', { exact: true }).waitFor();
    expect(await publicPage.getByTestId('portal-answer').count()).toBe(0);
    await publicPage.getByTestId('portal-sent-files').getByText('補正の回答: 郵送の控え.png', { exact: false }).waitFor();
    await publicPage.screenshot({ path: 'test-results/portal-answered.png', fullPage: true });
  });

  it('事務局は請求の画面で回答と、委任状・回答の書類を見る', async () => {
    const number = /receipts\/(REQ-\d{4}-\d{4})/.exec(followUp)?.[1] ?? '';
    const list = await staff.request.get(`${app.url}/api/requests?pageSize=100`);
    const request = ((await list.json()) as { items: { id: string; number: string }[] }).items.find((r) => r.number === number);
    await page.goto(`/requests/${request?.id}`);
    await page.getByText('委任状の原本は本日郵送しました', { exact: false }).waitFor();
    await page.getByText('委任状.pdf').waitFor();
    await page.getByText('郵送の控え.png').waitFor();
    await page.getByText('請求者（Web受付）', { exact: false }).first().waitFor();
    await page.screenshot({ path: 'test-results/portal-staff-request.png', fullPage: true });
  });

  it('鍵を変えたURLでは「受付が見つかりません」', async () => {
    await publicPage.goto(followUp.replace(/token=[\w-]+/, `token=${'A'.repeat(43)}`));
    await publicPage.getByText('受付が見つかりません').waitFor();
  });

  it('J.8.5 j) 公開ページに通知文を載せ、アカウントのない人が全文を読んで同意し、撤回用URLで撤回する', async () => {
    const session = await (await staff.request.get(`${app.url}/api/auth/session`)).json();
    const headers = { 'x-csrf-token': session.csrfToken };
    const created = await staff.request.post(`${app.url}/api/notices`, {
      data: {
        title: 'メールマガジン配信のための個人情報の取扱いについて',
        body: '当社はメールマガジンの配信のためにメールアドレスを利用します。',
        ticked: noticeItems.map((i) => i.code),
      },
      headers,
    });
    expect(created.status()).toBe(201);
    const noticeId = ((await created.json()) as { id: string }).id;
    expect((await staff.request.post(`${app.url}/api/notices/${noticeId}/publish`, { headers })).status()).toBe(200);
    await page.goto('/portal/settings');
    await chooseOption(page, page.getByTestId('portal-consent-notices'), /メールマガジン配信のための個人情報の取扱いについて（第1版）/);
    await page.getByTestId('portal-save').click();
    await page.getByText('保存して公開しました').waitFor();

    await publicPage.goto('/p/mamori-demo');
    await publicPage.getByTestId('portal-notices').getByText('メールマガジン配信のための個人情報の取扱いについて（第1版）を読んで同意する').click();
    await publicPage.getByTestId('portal-notice-body').getByText('メールマガジンの配信のためにメールアドレスを利用します', { exact: false }).waitFor();
    await publicPage.waitForTimeout(3_200); // a person reads longer than the bot check's minimum
    await publicPage.getByTestId('portal-consent-submit').click();
    await publicPage.getByText('「同意する」にチェックを入れてください').waitFor();
    await publicPage.getByTestId('portal-consent-subject').fill('会員番号 A-1024');
    await publicPage.getByTestId('portal-consent-agree').click();
    await publicPage.screenshot({ path: 'test-results/portal-consent-form.png', fullPage: true });
    await expectAccessible(publicPage, '通知文と同意のフォーム');
    await publicPage.getByTestId('portal-consent-submit').click();
    await publicPage.getByTestId('portal-consent-sent').waitFor();
    const withdrawal = ((await publicPage.getByTestId('portal-withdrawal-url').textContent()) ?? '').trim();
    expect(withdrawal).toMatch(/\/p\/mamori-demo\/consent\?token=[\w-]{43}$/);
    await publicPage.screenshot({ path: 'test-results/portal-consent-sent.png', fullPage: true });

    const consents = await staff.request.get(`${app.url}/api/notices/${noticeId}/consents`);
    expect(((await consents.json()) as { items: { subject: string; channel: string; versionNo: number }[] }).items).toContainEqual(
      expect.objectContaining({ subject: '会員番号 A-1024', channel: 'web', versionNo: 1 }),
    );

    await publicPage.goto(withdrawal);
    await publicPage.getByTestId('portal-consent-withdraw').click();
    await publicPage.locator('.ant-popconfirm').getByRole('button', { name: '撤回する' }).click();
    await publicPage.getByTestId('portal-consent-withdrawn').waitFor();
    await publicPage.screenshot({ path: 'test-results/portal-consent-withdrawn.png', fullPage: true });
    await expectAccessible(publicPage, '同意の確認・撤回');
  });
});
