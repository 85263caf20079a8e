import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeItems } from '../../src/rules/data/requiredItems.ts';
import { en } from '../../web/src/i18n/en.ts';
import { chooseOption } from './support/antd.ts';
import { checkAccessibilityAfterEachStep, expectAccessible } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const EXE = Buffer.from('MZ not a pdf');

/** The public pages' English texts (the catalog's, without placeholders): none may show on a Japanese page. */
const englishTexts = Object.entries(en)
  .filter(([key, value]) => key.startsWith('public.') && !value.includes('{') && value.length > 3)
  .map(([, value]) => value);

const facts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: { desk: '個人情報お問合せ窓口', method: '当社所定の請求書', identityCheck: '運転免許証等の写し', fees: { purposeNotice: null, disclosure: null } },
  safetyMeasures: ['個人情報保護規程の策定'],
};

/**
 * Issue #14 / SPEC §1 5 「Japanese by default (English available)」: a person opens the public page
 * (Japanese, no English on it), switches to English, files a request (an empty field and a
 * refused file answered in English under the field), gets the receipt in English, opens the
 * follow-up link (still English), and gives a consent on a notice page in English. `<html lang>`
 * follows the language; axe checks each step.
 */
describe('journey: 公開ページの英語表示 — English / 日本語 の切替えと、英語での請求・確認用URL・同意', () => {
  let app: E2EApp;
  let browser: Browser;
  let visitor: BrowserContext;
  let page: Page;
  let followUp = '';

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    const staff = await newJapaneseContext(browser, { baseURL: app.url });
    expect((await staff.request.post(`${app.url}/api/auth/login`, { data: { loginId: 'pms@demo.mamori.local', password: 'Mamori-demo1!' } })).status()).toBe(200);
    const session = await (await staff.request.get(`${app.url}/api/auth/session`)).json();
    const headers = { 'x-csrf-token': session.csrfToken };
    const notice = await staff.request.post(`${app.url}/api/notices`, {
      data: {
        title: 'メールマガジン配信のための個人情報の取扱いについて',
        body: '当社はメールマガジンの配信のためにメールアドレスを利用します。',
        ticked: noticeItems.map((i) => i.code),
      },
      headers,
    });
    expect(notice.status()).toBe(201);
    const noticeId = ((await notice.json()) as { id: string }).id;
    expect((await staff.request.post(`${app.url}/api/notices/${noticeId}/publish`, { headers })).status()).toBe(200);
    const saved = await staff.request.put(`${app.url}/api/portal/settings`, { data: { slug: 'mamori-en', published: true, facts, consentNoticeIds: [noticeId] }, headers });
    expect(saved.status()).toBe(200);
    await staff.close();
    visitor = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1024, height: 900 } });
    page = await visitor.newPage();
    page.setDefaultTimeout(60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => page);
  checkAccessibilityAfterEachStep(() => page);

  it('a Japanese browser gets the Japanese page (lang="ja"), with no English text of the public pages on it', async () => {
    await page.goto('/p/mamori-en');
    await page.getByRole('heading', { name: '個人情報の取扱いについて' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByTestId('portal-section-J.10.3-b').getByRole('heading', { name: '個人情報保護管理者' }).waitFor();
    expect(await page.getByTestId('portal-content-language').count()).toBe(0);
    await page.getByTestId('portal-submit').click();
    await page.getByText('氏名を入力してください').waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(englishTexts.filter((e) => text.includes(e))).toEqual([]);
    // The switch names the other language in that language: the one English word on the page.
    await page.getByTestId('public-language').getByRole('button', { name: 'English' }).waitFor();
  });

  it('「English」 switches the page to English (?lang=en, lang="en"); an empty field says so in English under the field', async () => {
    await page.getByTestId('public-language').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'How we handle personal information' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The organization's own 公表事項 stay as written, under English headings (J.10.3 a)〜g)) and a note in English.
    await page.getByTestId('portal-section-J.10.3-b').getByText('個人情報保護管理者 佐藤花子', { exact: false }).waitFor();
    await page.getByTestId('portal-section-J.10.3-b').getByRole('heading', { name: 'Personal information protection manager' }).waitFor();
    await page.getByTestId('portal-content-language').getByText(en['public.portal.contentInJapanese']).waitFor();
    const sectionHeadings = await page.locator('[data-testid^="portal-section-"] h2').allTextContents();
    expect(sectionHeadings).toHaveLength(6); // a)〜g) without e) (no 認定個人情報保護団体 in these settings)
    expect(sectionHeadings.filter((h) => JAPANESE.test(h))).toEqual([]);
    await page.getByTestId('portal-submit').click();
    await page.getByText('Please enter your name.').waitFor();
    await page.getByText('Please enter the details of your request.').waitFor();
    await page.getByTestId('portal-error').getByText('Please check your input (the fields in red)').waitFor();
    expect((await page.locator('#portal-request').textContent()) ?? '').not.toMatch(JAPANESE);
    await page.screenshot({ path: 'test-results/portal-english-form-errors.png', fullPage: true });
  });

  it('files a request in English: a refused file is answered in English by the server, then the receipt is in English', async () => {
    await chooseOption(page, page.getByTestId('portal-kind'), /^Disclosure$/);
    await page.getByTestId('portal-requesterName').fill('Hanako Takahashi');
    await page.getByTestId('portal-requesterContact').fill('hanako@example.jp');
    await page.getByTestId('portal-content').fill('Please disclose my member record.');
    await page.getByTestId('portal-file-input-identity_document').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: EXE });
    await page.waitForTimeout(3_200); // a person takes longer than the bot check's minimum
    await page.getByTestId('portal-submit').click();
    await page.getByTestId('portal-file-error').getByText('The attachment "licence.pdf" is of a type that cannot be sent', { exact: false }).waitFor();
    await page.getByTestId('portal-files-identity_document').getByRole('button', { name: 'Remove licence.pdf' }).click();
    await page.getByTestId('portal-submit').click();
    await page
      .getByTestId('portal-sent')
      .getByText(/Received\. Your receipt number is REQ-\d{4}-\d{4}\./)
      .waitFor();
    followUp = ((await page.getByTestId('portal-followup-url').textContent()) ?? '').trim();
    expect(followUp).toMatch(/\/p\/mamori-en\/receipts\/REQ-\d{4}-\d{4}\?token=[\w-]{43}&lang=en$/);
    const progress = (await page.getByTestId('portal-progress').textContent()) ?? '';
    expect(progress).toContain('Disclosure');
    expect(progress).toContain('Received');
    expect(progress).toMatch(/Received on\s*\d{4}-\d{2}-\d{2}/);
    expect(progress).not.toMatch(JAPANESE);
    await page.screenshot({ path: 'test-results/portal-english-receipt.png', fullPage: true });
  });

  it('the follow-up link opened later stays in English', async () => {
    const later = await visitor.newPage();
    await later.goto(followUp);
    await later.getByRole('heading', { name: 'Status of your request' }).waitFor();
    expect(await later.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await later.getByTestId('portal-progress').textContent()) ?? '').not.toMatch(JAPANESE);
    await expectAccessible(later, 'follow-up page in English');
    await later.close();
  });

  it('a notice page in English: the tick is asked for in English, the consent is received, the withdrawal link keeps English', async () => {
    await page.goto('/p/mamori-en?lang=en');
    await page.getByTestId('portal-notices').getByText('(version 1) and consent', { exact: false }).click();
    await page.getByTestId('portal-notice-body').getByText('メールマガジンの配信のためにメールアドレスを利用します', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.waitForTimeout(3_200);
    await page.getByTestId('portal-consent-submit').click();
    await page.getByText('Please tick "I agree".').waitFor();
    await page.getByTestId('portal-consent-subject').fill('Member A-1024');
    await page.getByTestId('portal-consent-agree').click();
    await page.getByTestId('portal-consent-submit').click();
    await page
      .getByTestId('portal-consent-sent')
      .getByText(/was received \(\d{4}-\d{2}-\d{2}\)/)
      .waitFor();
    const withdrawal = ((await page.getByTestId('portal-withdrawal-url').textContent()) ?? '').trim();
    expect(withdrawal).toMatch(/\/p\/mamori-en\/consent\?token=[\w-]{43}&lang=en$/);
    await page.goto(withdrawal);
    await page.getByRole('heading', { name: 'Your consent: check or withdraw' }).waitFor();
    await page.getByTestId('portal-consent-withdraw').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Withdraw' }).click();
    await page
      .getByTestId('portal-consent-withdrawn')
      .getByText(/This consent was withdrawn on \d{4}-\d{2}-\d{2}\./)
      .waitFor();
  });

  it('「日本語」 switches back: the same follow-up page in Japanese, no English text of the public pages', async () => {
    await page.goto(followUp);
    await page.getByTestId('public-language').getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '受付状況' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByTestId('portal-progress').getByText('開示').waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(englishTexts.filter((e) => text.includes(e))).toEqual([]);
    expect(text).toMatch(/受付日\s*\d{4}\/\d{2}\/\d{2}/);
  });
});
