import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { approveOpenRequest } from './support/approvals.ts';
import { checkAccessibilityAfterEachStep, expectAccessible } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';
import { fillSubcontractStaff } from './support/contractorPortal.ts';

/**
 * Issue #13 委託先からの報告, two organizations: the demo's 委託先 株式会社デモ発送サービス
 * (vendor@demo.mamori.local, its own organization) asks its 委託元 株式会社まもりデモ for 再委託 approval
 * (個人情報特記事項 第6条第2項 — refused first while the 特記事項 forbids it) and reports an incident
 * (第16条第2項 / 条例時代 第15条: 直ちに報告); the 委託元 (pms@) puts the 再委託 to approval, トップマネジメント approves it as the
 * 個人情報保護管理者's 代行者, and pms@ opens the incident in M4 with its duties.
 */
const PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

describe('journey: 委託先からの再委託申請と事故等の報告 — 委託元が承認し、M4で義務を見る', () => {
  let app: E2EApp;
  let browser: Browser;
  let principal: BrowserContext;
  let contractor: BrowserContext;
  let page: Page;
  let vendorPage: Page;

  const login = async (context: BrowserContext, loginId: string) => {
    await context.clearCookies();
    const res = await context.request.post(`${app.url}/api/auth/login`, { data: { loginId, password: 'Mamori-demo1!' } });
    expect(res.status()).toBe(200);
  };
  const shot = (p: Page, name: string) => p.screenshot({ path: `test-results/contractor-portal-reports-${name}.png`, fullPage: true });

  beforeAll(async () => {
    app = await startAppForE2E();
    browser = await launchBrowser();
    principal = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 1000 } });
    contractor = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1280, height: 1000 } });
    page = await principal.newPage();
    vendorPage = await contractor.newPage();
    page.setDefaultTimeout(60_000);
    vendorPage.setDefaultTimeout(60_000);
    await login(principal, 'pms@demo.mamori.local');
    await login(contractor, 'vendor@demo.mamori.local');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => vendorPage);
  // The 委託先's inbox with its forms, after each step; the 委託元's screens where they are shown.
  checkAccessibilityAfterEachStep(() => vendorPage);

  const fillSubcontract = async () => {
    const form = vendorPage.getByTestId('portal-subcontract-form');
    await form.getByTestId('sub-name').fill('株式会社デモ封入');
    await form.getByTestId('sub-work').fill('会報誌の封入・封かん作業');
    await form.getByTestId('sub-personal-data').fill('会員の氏名・住所（宛名ラベル）');
    await form.locator('#report-startsOn').fill('2027/01/10');
    await form.locator('#report-endsOn').fill('2027/03/31');
    await form.getByTestId('sub-safety').fill('入退室管理された作業場で作業し、宛名ラベルは作業後に返却する');
    await form.getByTestId('sub-supervision').fill('作業開始時と月1回、作業場を実地で確認し、結果を委託元に報告する');
    await form.locator('#report-workStartsOn').fill('2027/01/15');
    await form.getByTestId('sub-reason').fill('繁忙期の封入作業の人手不足のため');
    await fillSubcontractStaff(form);
    await form.getByTestId('sub-reporter').fill('発送 一郎');
    return form;
  };

  it('委託先: 特記事項が再委託を禁止している委託元には、再委託申請のタブが先に条項を示し、入力できない', async () => {
    // The page reads the 委託元 and the sent reports once, for the shortcuts at the top and the reports card.
    const outboxReads: string[] = [];
    const countOutboxRead = (r: Request) => {
      if (new URL(r.url()).pathname === '/api/contractor-portal/my-reports') outboxReads.push(r.url());
    };
    vendorPage.on('request', countOutboxRead);
    await vendorPage.goto('/contractor-portal');
    const reports = vendorPage.getByTestId('portal-reports');
    await reports.getByText('株式会社まもりデモ').first().waitFor();
    await vendorPage.getByTestId('portal-report-shortcuts').waitFor();
    vendorPage.off('request', countOutboxRead);
    expect(outboxReads).toHaveLength(1);
    // The shortcut opens its tab in the reports card below the requests.
    await vendorPage.getByTestId('portal-report-shortcut-subcontract').click();
    await reports.getByRole('tab', { name: '再委託申請', selected: true }).waitFor();
    const form = vendorPage.getByTestId('portal-subcontract-form');
    // Before anything is filled: the clause, and a form that cannot be filled nor sent. The 委託元 is a
    // company: no 豊島区 article in what its 委託先 reads.
    await form
      .getByTestId('sub-prohibited')
      .getByText('特記事項の再委託の条項が「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）のため、この委託元には再委託を申請できません')
      .waitFor();
    expect(await form.getByTestId('sub-name').isDisabled()).toBe(true);
    expect(await form.getByTestId('sub-submit').isDisabled()).toBe(true);
    expect(await form.getByTestId('sub-worker-add').isDisabled()).toBe(true);
    expect(await form.getByText('豊島区').count()).toBe(0);
    await shot(vendorPage, 'subcontract-prohibited');
  });

  it('委託先: 委託元が再委託を「制限」に変えると申請できるようになり、申請が届いて受付番号が出る。空の項目は項目の下に日本語のエラー', async () => {
    // The 委託元 changes the contract's 再委託 clause to 制限 (甲の承認) on its own side.
    const session = await (await principal.request.get(`${app.url}/api/auth/session`)).json();
    const list = await (await principal.request.get(`${app.url}/api/contractors?q=${encodeURIComponent('デモ発送サービス')}`)).json();
    const id = (list as { items: { id: string }[] }).items[0]?.id;
    const changed = await principal.request.patch(`${app.url}/api/contractors/${id}`, {
      data: { subcontractingClause: 'restrict' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(changed.status()).toBe(200);

    await vendorPage.reload();
    await vendorPage.getByTestId('portal-report-shortcut-subcontract').click();
    const form = vendorPage.getByTestId('portal-subcontract-form');
    await form.getByTestId('sub-notice').getByText('再委託は、業務の着手前に書面により株式会社まもりデモに申請し、その承認を得てください（特記事項「再委託の制限」）。').waitFor();
    await fillSubcontract();
    await form.getByTestId('sub-work').fill('');
    await form.getByTestId('sub-submit').click();
    await form.getByText('再委託して処理する業務の内容を入力してください').waitFor();
    await form.getByTestId('sub-work').fill('会報誌の封入・封かん作業');
    await form.getByTestId('sub-submit').click();
    const sent = vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '再委託承認申請' });
    await sent.first().waitFor();
    await sent.first().getByText('受付済み（委託元の確認待ち）').waitFor();
  });

  it('委託先: 事故等の報告を直ちに送ると、受付番号と「委託元で対応中」が見える', async () => {
    const reports = vendorPage.getByTestId('portal-reports');
    await reports.getByRole('tab', { name: '事故等の報告' }).click();
    const form = vendorPage.getByTestId('portal-incident-form');
    // Sent empty: the 知った日時 asks for a date and a time with an example as people type it (no ISO timestamp).
    await form.getByTestId('incident-submit').click();
    await form.getByText('事故等を知った日時を日付と時刻で入力してください（例: 2026/03/02 9:30）').waitFor();
    await form.getByTestId('incident-title').fill('会報誌の誤封入');
    await form.getByTestId('incident-what').fill('別の会員の宛名の封筒に2名分の会報誌を誤って封入し発送した');
    await form.getByTestId('incident-place').fill('当社 第二作業場（封入ライン）');
    await form.getByTestId('incident-known').locator('input').first().fill('2026/12/05');
    // 14時30分 is read as 14:30 and said so; 9:30 needs no echo.
    await form.getByTestId('incident-known-time').fill('14時30分');
    await form.getByTestId('incident-known-time-read').getByText('14:30 として読みました').waitFor();
    // The same reader as the staff's 日時 (src/domain/timeInput.ts): 午後2時30分 is 14:30, 正午 12:00.
    await form.getByTestId('incident-known-time').fill('午後2時30分');
    await form.getByTestId('incident-known-time-read').getByText('14:30 として読みました').waitFor();
    await form.getByTestId('incident-known-time').fill('正午');
    await form.getByTestId('incident-known-time-read').getByText('12:00 として読みました').waitFor();
    await form.getByTestId('incident-known-time').fill('9:30');
    expect(await form.getByTestId('incident-known-time-read').count()).toBe(0);
    await form.getByTestId('incident-events').getByText('漏えい', { exact: true }).click();
    await form.getByTestId('incident-personal-data').fill('会員の氏名・住所・会員番号');
    // 本人の数 as people write it (資料A 第15条「件数」): 「約1,200人」 is read as 1,200 and a 概数, and said so.
    await form.getByTestId('incident-persons').fill('約1,200人');
    await form.getByTestId('incident-persons-read-as').getByText('約1,200人（概数） として読みました').waitFor();
    expect(await form.getByTestId('incident-persons').inputValue()).toBe('約1,200人');
    await form.getByTestId('incident-measures').fill('誤送付先の2名に連絡し回収を依頼した');
    // The facts the 委託元's duties turn on (規則第7条): 不明 until chosen.
    await form.getByTestId('incident-fact-sensitive').getByText('はい', { exact: true }).click();
    await form.getByTestId('incident-fact-myNumber').getByText('いいえ', { exact: true }).click();
    expect(await form.getByTestId('incident-fact-improperPurpose').locator('input[value="unknown"]').isChecked()).toBe(true);
    await form.getByTestId('incident-reporter').fill('発送 一郎');
    await shot(vendorPage, 'incident-form');
    await form.getByTestId('incident-submit').click();
    const sent = vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '会報誌の誤封入' });
    await sent.first().waitFor();
    await sent.first().getByText('委託元で対応中').waitFor();
    await shot(vendorPage, 'sent');
  });

  it('委託先: 返還・廃棄報告を日時・方法・担当者・対象と証明書（PDF）つきで送る。日時が空なら日時の下にエラーで、送らない', async () => {
    const reports = vendorPage.getByTestId('portal-reports');
    await reports.getByRole('tab', { name: '返還・廃棄報告' }).click();
    const form = vendorPage.getByTestId('portal-disposal-form');
    await form.getByTestId('disposal-method').click();
    await vendorPage.locator('.ant-select-item-option', { hasText: '溶解' }).first().click();
    await form.getByTestId('disposal-method-detail').fill('溶解処理業者に引き渡し');
    await form.getByTestId('disposal-person').fill('発送 一郎');
    await form.getByTestId('disposal-target').fill('申込書の原本 一式');
    await form.locator('input[type="file"]').setInputFiles({ name: '溶解証明書.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await form.getByTestId('disposal-reporter').fill('発送 一郎');
    // 第17条: when it was returned or disposed of is the report — left empty, the form says so under the field.
    const sentBefore = await vendorPage.locator('[data-testid^="portal-sent-CPR-"]').count();
    await form.getByTestId('disposal-submit').click();
    await form.getByTestId('portal-report-error').getByText('送れませんでした。赤い項目を直してください（1件）').waitFor();
    await form
      .locator('.ant-form-item', { has: vendorPage.getByTestId('disposal-at') })
      .getByText('返還・廃棄の日時を日付と時刻で入力してください（例: 2026/03/02 9:30）')
      .waitFor();
    await shot(vendorPage, 'disposal-form-error');
    expect(await vendorPage.locator('[data-testid^="portal-sent-CPR-"]').count()).toBe(sentBefore);
    await form.getByTestId('disposal-at').locator('input').first().fill('2026/12/01');
    await form.getByTestId('disposal-at-time').fill('14:00');
    await shot(vendorPage, 'disposal-form');
    await form.getByTestId('disposal-submit').click();
    // The new report by the 受付番号 the message gives (the demo's older 返還・廃棄報告 is listed too).
    const done = vendorPage.getByText(/返還・廃棄報告を送りました（受付番号 CPR-\d{4}-\d{4}）/);
    await done.waitFor();
    const number = /CPR-\d{4}-\d{4}/.exec((await done.textContent()) ?? '')?.[0] ?? '';
    const sent = vendorPage.getByTestId(`portal-sent-${number}`);
    await sent.waitFor();
    await sent.click();
    await vendorPage.getByText('証明書: 溶解証明書.pdf').waitFor();
  });

  it('委託元: 委託先の画面の「委託先からの報告」で再委託申請を承認手続に回し、トップマネジメントが代行して承認する', async () => {
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').first().click();
    const card = page.getByTestId('received-reports');
    const request = card.locator('[data-testid^="received-CPR-"]').filter({ hasText: '再委託承認申請' });
    await request.first().click();
    await card.getByText('会報誌の封入・封かん作業').waitFor();
    await shot(page, 'received');
    await expectAccessible(page, 'contractor page with 委託先からの報告');
    await card.locator('[data-testid^="received-submit-"]').click();
    await request.first().getByText('委託元で承認手続中').waitFor();

    await login(principal, 'top@demo.mamori.local');
    await page.goto('/approvals');
    await page
      .getByText(/株式会社デモ封入/)
      .first()
      .click();
    await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    await page.getByTestId('approval-approve').waitFor();
    await shot(page, 'approval');
    await approveOpenRequest(page);

    await vendorPage.reload();
    const sent = vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '再委託承認申請' });
    await sent.first().getByText('承認', { exact: true }).waitFor();
  });

  it('委託元: 返還・廃棄報告の証明書を見て「確認した」にすると、委託先に「委託元が確認済み」と見える', async () => {
    await login(principal, 'pms@demo.mamori.local');
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').first().click();
    const card = page.getByTestId('received-reports');
    // The newest first: the demo's older 返還・廃棄報告 is below it.
    const report = card.locator('[data-testid^="received-CPR-"]').filter({ hasText: '返還・廃棄報告（溶解）' });
    await report.first().click();
    await card.getByRole('link', { name: /証明書: 溶解証明書\.pdf/ }).waitFor();
    await card.locator('[data-testid^="received-confirm-"]').first().click();
    await report.first().getByText('委託元が確認済み').waitFor();
    await vendorPage.reload();
    await vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '返還・廃棄報告（溶解）' }).first().getByText('委託元が確認済み').waitFor();
  });

  it('委託元: 事故等の報告から M4 の事故等の記録を開き、委託元としての報告等の義務を見る', async () => {
    await login(principal, 'pms@demo.mamori.local');
    await page.goto('/contractors');
    await page.getByText('株式会社デモ発送サービス').first().click();
    const card = page.getByTestId('received-reports');
    await card.locator('[data-testid^="received-CPR-"]').filter({ hasText: '会報誌の誤封入' }).first().click();
    await card.getByRole('row', { name: /要配慮個人情報を含むか\s*はい/ }).waitFor();
    await card.getByRole('row', { name: /不正の目的によるおそれ\s*不明/ }).waitFor();
    await card.getByRole('row', { name: /本人の数\s*約1,200人（概数）/ }).waitFor();
    await card.locator('[data-testid^="received-incident-"]').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]+$/);
    await page.getByText('【委託先 株式会社デモ発送サービス】会報誌の誤封入').first().waitFor();
    // The 報告者 is the 委託先 and its person, not the 委託元's manager who received it.
    await page.getByText('株式会社デモ発送サービス 発送 一郎（委託先ポータル）').first().waitFor();
    // 要配慮個人情報 (the 委託先 answered はい): the 委託元 owes the 個人情報保護委員会 速報 (規則第7条第1号).
    await page
      .getByText(/個人情報保護委員会/)
      .first()
      .waitFor();
    await shot(page, 'incident');
    await expectAccessible(page, 'incident from the 委託先');
  });
});
