import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { pickOption, pickTreeNode } from './support/antd.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { approveOpenRequest, openApproval } from './support/approvals.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext, signedInPage } from './support/browser.ts';
import { fillSubcontractStaff } from './support/contractorPortal.ts';

/**
 * Issue #13 「Shows when done」: one journey with two organizations in the same Mamori. The 委託元
 * (the demo's 株式会社まもりデモ; pms@ is 個人情報保護管理者 and 総務部の所属長) registers a contractor, links
 * a 台帳 entry, generates the 個人情報特記事項 (.docx, read back), invites it; the contractor — its own
 * organization, created for this test (`mamori user create` before the server starts) — accepts, answers
 * the 調査票 and a 遵守報告書 with one 「いいえ」, asks for 再委託 naming the 作業責任者・作業従事者
 * (豊島区 守るべき事項 3 ウ) and reports an incident; the 委託元 accepts the 調査票, トップマネジメント approves
 * the 再委託 (the 個人情報保護管理者 put it to approval: 職務の分離), the incident opens in M4 with the
 * 委託元's duties, and the December 委託先評価 (J.9.4 t)) is made from the 調査票, approved by top@ and
 * leaves the home's 期限.
 */
const CONTRACTOR = '株式会社ジャーニー印刷';
const CONTRACTOR_LOGIN = 'privacy@journey-print.example';
const CONTRACTOR_PERSON = '印刷 一子';
const shot = (p: Page, name: string) => p.screenshot({ path: `test-results/contractor-journey-${name}.png`, fullPage: true });

describe('journey: 委託元と委託先の2つの組織 — 登録・特記事項・招待から、調査票・遵守報告書・再委託・事故、12月の委託先評価まで', () => {
  let app: E2EApp;
  let browser: Browser;
  let principal: BrowserContext;
  let page: Page;
  let vendorPage: Page;
  let current: Page | undefined;
  /** The server's date in Japan (the 再委託 period and the December 評価 are computed from it). */
  let today = '';

  const signIn = async (context: BrowserContext, loginId: string, password = DEMO_PASSWORD) => {
    await context.clearCookies();
    const res = await context.request.post(`${app.url}/api/auth/login`, { data: { loginId, password } });
    expect(res.status()).toBe(200);
  };
  const openContractor = async () => {
    await page.goto('/contractors');
    await page.getByText(CONTRACTOR, { exact: true }).first().click();
    await page.getByRole('heading', { name: CONTRACTOR }).waitFor();
  };

  beforeAll(async () => {
    app = await startAppForE2E({
      before: [
        ['demo'],
        ['user', 'create', '--login', CONTRACTOR_LOGIN, '--name', CONTRACTOR_PERSON, '--organization', CONTRACTOR, '--role', 'pms_manager', '--password', DEMO_PASSWORD],
      ],
    });
    browser = await launchBrowser();
    principal = await newJapaneseContext(browser, { baseURL: app.url, viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page = await principal.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(principal, 'pms@demo.mamori.local');
    ({ page: vendorPage } = await signedInPage(browser, app.url, CONTRACTOR_LOGIN, { width: 1280, height: 1000 }));
    const served = new Date((await principal.request.get(`${app.url}/healthz`)).headers().date ?? Date.now());
    today = served.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    // Two `mamori` runs (the demo, the contractor's organization) before the server starts.
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepFailureEvidence(() => current);
  checkAccessibilityAfterEachStep(() => current);

  it('委託元: 委託先を登録し（法人番号・所管の所属・台帳の項目・再委託の制限）、特記事項を Word で出して読み返す', async () => {
    current = page;
    await page.goto('/contractors');
    await page.getByTestId('contractors-add').click();
    await page.getByTestId('ct-name').fill(CONTRACTOR);
    await page.getByTestId('ct-corporateNumber').fill('1000012160153');
    await pickTreeNode(page, 'field-departmentId', '総務部');
    await page.getByTestId('ct-entrustedWork').fill('健康診断結果の集計・通知書の印刷');
    await pickOption(page, 'field-entryIds', '健康診断結果', '健康診断');
    await page.getByLabel('契約開始日').fill('令和8年4月1日');
    await page.getByText('再委託の制限（甲の承認）').click();
    await page.getByTestId('ct-save').click();
    await page.getByRole('heading', { name: CONTRACTOR }).waitFor();

    const card = page.getByTestId('special-clauses');
    await card.getByTestId('sc-subcontracting').getByText('制限（甲の承認による）').click();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('sc-docx').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^個人情報特記事項_${CONTRACTOR}_\\d{8}\\.docx$`));
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const text = strFromU8(files['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');
    expect(text).toContain('株式会社まもりデモ');
    expect(text).toContain(`${CONTRACTOR}（以下「乙」という。）`);
    expect(text).toContain('（再委託の制限）');
    expect(text).not.toContain('（再委託の禁止）');
    // 第2条 (取り扱う個人情報) lists the 台帳 entry linked to the contractor.
    expect(text).toContain('健康診断結果');
    await shot(page, 'principal-contractor');
  });

  let code = '';
  it('委託元: 委託先の担当者を招待し、調査票と遵守報告書を依頼する', async () => {
    current = page;
    const card = page.getByTestId('portal-card');
    await card.getByTestId('portal-invite-email').fill(CONTRACTOR_LOGIN);
    await card.getByTestId('portal-invite').click();
    code = ((await card.getByTestId('portal-invite-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[\w-]{32}$/);
  });

  it('委託先: 自分の組織の Mamori で招待を受ける', async () => {
    current = vendorPage;
    await vendorPage.goto('/');
    await vendorPage.getByRole('menuitem', { name: '委託元からの依頼' }).click();
    await vendorPage.waitForURL(/\/contractor-portal$/);
    await vendorPage.getByTestId('portal-accept-code').fill(code);
    await vendorPage.getByTestId('portal-accept-submit').click();
    await vendorPage.getByTestId('portal-reports').getByText('株式会社まもりデモ').first().waitFor();
    await shot(vendorPage, 'contractor-accepted');
  });

  it('委託元: 接続済みの委託先に調査票と遵守報告書を依頼する', async () => {
    current = page;
    await openContractor();
    const card = page.getByTestId('portal-card');
    await card.getByText('接続済み').waitFor();
    for (const kind of ['個人情報管理状況調査票（添付つき）', '特記事項遵守報告書']) {
      await card.getByTestId('portal-request-kind').click();
      await page.getByTitle(kind).click();
      await card.locator('#portal-due').fill(`${Number(today.slice(0, 4)) + 1}/01/31`);
      await card.getByTestId('portal-request').click();
      await card
        .getByText(kind === '特記事項遵守報告書' ? '依頼中' : '調査票を開く')
        .first()
        .waitFor();
    }
  });

  it('委託先: 調査票に回答する（1 プライバシーマーク いいえ と対策、2〜9 はい）', async () => {
    current = vendorPage;
    await vendorPage.reload();
    const answer = vendorPage.getByRole('link', { name: '調査票に回答する' }).first();
    await answer.waitFor();
    await answer.click();
    await vendorPage.waitForURL(/\/contractor-exchanges\//);
    const form = vendorPage.getByTestId('questionnaire-form');
    await form.getByTestId('questionnaire-item-1').getByText('いいえ', { exact: true }).click();
    await form.getByTestId('questionnaire-item-1-details').fill('2027年度に取得を予定（ISMS は取得済み）');
    for (let n = 2; n <= 9; n++) await form.getByTestId(`questionnaire-item-${n}`).getByText('はい', { exact: true }).click();
    await form.getByTestId('questionnaire-answered-by').fill(CONTRACTOR_PERSON);
    await form.getByTestId('questionnaire-submit').click();
    await vendorPage.getByTestId('questionnaire-status').getByText('回答済み（確認待ち）').waitFor();
  });

  it('委託先: 遵守報告書を (9) 「いいえ」とその内容つきで送る', async () => {
    current = vendorPage;
    await vendorPage.goto('/contractor-portal');
    const form = vendorPage.locator('[data-testid^="portal-answer-"]');
    await form.first().waitFor();
    const choose = async (n: number, label: 'はい' | 'いいえ') => form.getByTestId(`portal-item-${n}`).getByText(label, { exact: true }).click();
    await choose(1, 'いいえ');
    for (const n of [2, 3, 4, 5]) await choose(n, 'はい');
    await form.getByTestId('portal-item-4-details').fill('2026/10/1 全作業従事者に個人情報保護研修');
    await choose(6, 'いいえ');
    await choose(9, 'いいえ');
    await form.getByTestId('portal-item-9-details').fill('持ち出し記録に1件の漏れ（11月）');
    await form.getByTestId('portal-answered-by').fill(CONTRACTOR_PERSON);
    await form.getByTestId('portal-answer-submit').click();
    await vendorPage.getByText('回答済み（確認待ち）').first().waitFor();
  });

  it('委託先: 再委託申請に作業責任者・作業従事者を書き（空なら項目の下に日本語のエラー）、誓約書を添付して送る', async () => {
    current = vendorPage;
    const year = Number(today.slice(0, 4)) + 1;
    const reports = vendorPage.getByTestId('portal-reports');
    await reports.getByRole('tab', { name: '再委託申請' }).click();
    const form = vendorPage.getByTestId('portal-subcontract-form');
    await form.getByTestId('sub-name').fill('株式会社ジャーニー封入');
    await form.getByTestId('sub-work').fill('通知書の封入・封かん作業');
    await form.getByTestId('sub-personal-data').fill('受診者の氏名・住所（宛名）');
    await form.locator('#report-startsOn').fill(`${year}/01/10`);
    await form.locator('#report-endsOn').fill(`${year}/03/31`);
    await form.getByTestId('sub-safety').fill('入退室管理された作業場で作業し、宛名は作業後に返却する');
    await form.getByTestId('sub-supervision').fill('作業開始時と月1回、作業場を実地で確認し、結果を委託元に報告する');
    await form.locator('#report-workStartsOn').fill(`${year}/01/15`);
    await form.getByTestId('sub-reason').fill('通知書の発送が集中する時期の人手不足のため');
    await form.getByTestId('sub-reporter').fill(CONTRACTOR_PERSON);
    // 守るべき事項 3 ウ: without the 作業責任者・作業従事者 the request is refused under each field.
    await form.getByTestId('sub-submit').click();
    await form.getByText('作業責任者の氏名を入力してください').waitFor();
    await form.getByText('作業従事者（1人目）の氏名を入力してください').waitFor();
    await fillSubcontractStaff(form);
    await form.locator('input[type="file"]').setInputFiles({ name: '誓約書.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await shot(vendorPage, 'contractor-subcontract-form');
    await form.getByTestId('sub-submit').click();
    const sent = vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '再委託承認申請' });
    await sent.first().getByText('受付済み（委託元の確認待ち）').waitFor();
    await sent.first().click();
    await vendorPage.getByText('封入 太郎（作業課長） 連絡先: 03-1234-5678').waitFor();
    await vendorPage.getByText('誓約書・名簿: 誓約書.pdf').waitFor();
  });

  it('委託先: 事故等の報告を直ちに送る', async () => {
    current = vendorPage;
    const reports = vendorPage.getByTestId('portal-reports');
    await reports.getByRole('tab', { name: '事故等の報告' }).click();
    const form = vendorPage.getByTestId('portal-incident-form');
    await form.getByTestId('incident-title').fill('通知書の誤封入');
    await form.getByTestId('incident-what').fill('別の受診者の宛名の封筒に1名分の健康診断結果通知書を誤って封入し発送した');
    await form.getByTestId('incident-known').locator('input').first().fill(today.replaceAll('-', '/'));
    await form.getByTestId('incident-known-time').fill('9:30');
    await form.getByTestId('incident-events').getByText('漏えい', { exact: true }).click();
    await form.getByTestId('incident-personal-data').fill('受診者の氏名・健康診断結果');
    await form.getByTestId('incident-persons').fill('1');
    await form.getByTestId('incident-measures').fill('誤送付先に連絡し回収を依頼した');
    await form.getByTestId('incident-reporter').fill(CONTRACTOR_PERSON);
    await form.getByTestId('incident-submit').click();
    const sent = vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '通知書の誤封入' });
    await sent.first().getByText('委託元で対応中').waitFor();
    await shot(vendorPage, 'contractor-sent');
  });

  it('委託元: 遵守報告書の指摘を見て確認し、調査票を受理する', async () => {
    current = page;
    await openContractor();
    const card = page.getByTestId('portal-card');
    await card.getByText('指摘 1件').waitFor();
    await card.getByText('持ち出し記録に1件の漏れ（11月）').waitFor();
    await card.getByTestId('portal-accept').click();
    await card.getByText('確認済み', { exact: true }).first().waitFor();
    await page.getByText('調査票の回答を確認する').click();
    await page.waitForURL(/\/contractor-exchanges\//);
    await page.getByTestId('questionnaire-answers').getByText('2027年度に取得を予定（ISMS は取得済み）').waitFor();
    await page.getByTestId('questionnaire-accept').click();
    await page.getByTestId('questionnaire-status').getByText('確認済み').waitFor();
  });

  it('委託元: 再委託申請の作業責任者・作業従事者と誓約書を見て承認手続に回し、トップマネジメントが記載内容を読んで承認する', async () => {
    current = page;
    await openContractor();
    const card = page.getByTestId('received-reports');
    const request = card.locator('[data-testid^="received-CPR-"]').filter({ hasText: '再委託承認申請' });
    await request.first().click();
    await card.getByText('封入 花子、封入 次郎（2人）').waitFor();
    await card.getByRole('link', { name: /誓約書・名簿: 誓約書\.pdf/ }).waitFor();
    await shot(page, 'principal-received');
    await card.locator('[data-testid^="received-submit-"]').click();
    await request.first().getByText('委託元で承認手続中').waitFor();
    // The 個人情報保護管理者 put it to approval, so the approve button is not theirs (職務の分離).
    await openApproval(page, /株式会社ジャーニー封入/, 'submitted');
    await page.getByTestId('approval-current-approvers').waitFor();
    expect(await page.getByTestId('approval-approve').count()).toBe(0);

    await signIn(principal, 'top@demo.mamori.local');
    await openApproval(page, /株式会社ジャーニー封入/);
    await page.getByText('封入 太郎（作業課長） 連絡先: 03-1234-5678').waitFor();
    await page.getByText('封入 花子、封入 次郎（2人）').waitFor();
    await shot(page, 'top-approval-subcontract');
    await approveOpenRequest(page);
    await vendorPage.reload();
    await vendorPage.locator('[data-testid^="portal-sent-CPR-"]').filter({ hasText: '再委託承認申請' }).first().getByText('承認', { exact: true }).waitFor();
  });

  it('委託元: 事故等の報告から M4 の記録を開き、委託元としての事実（委託したデータ）と義務を見る', async () => {
    current = page;
    await signIn(principal, 'pms@demo.mamori.local');
    await openContractor();
    const card = page.getByTestId('received-reports');
    await card.locator('[data-testid^="received-CPR-"]').filter({ hasText: '通知書の誤封入' }).first().click();
    await card.locator('[data-testid^="received-incident-"]').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]+$/);
    await page.getByTestId('incident-title').getByText(`【委託先 ${CONTRACTOR}】通知書の誤封入`).waitFor();
    // The facts say the 委託元 entrusted the data, and the deadlines count from the day the 委託先 told it
    // (通則編3-5-3-5): the Privacy-Mark holder's JIPDEC 確報 within 30 days is among the duties.
    expect(await page.getByLabel('委託したデータ（当社が委託元）').isChecked()).toBe(true);
    await page.getByText(/委託元として、遅くとも委託先から通知を受けた日（\d{4}\/\d{2}\/\d{2}）に当該事態を知ったものとして/).waitFor();
    await page.getByTestId('stored-duties').getByText('審査機関への事故等の確報（プライバシーマーク推進センター経由）').waitFor();
    await shot(page, 'principal-incident');
  });

  it('12月の委託先評価（J.9.4 t)）: 期限に出て、調査票から下書きし、所属長兼個人情報保護管理者が申請し、トップマネジメントが承認すると期限から消える', async () => {
    current = page;
    const december = today.slice(5, 7) === '12';
    const year = today.slice(0, 4);
    const deadline = page.getByRole('link', { name: `${CONTRACTOR} ${year}年の委託先評価` });
    await page.goto('/');
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.getByTestId('home-deadlines').waitFor();
    // The 期限 is open from 1 December (rules/contractors/decemberEvaluation.ts); outside December it is not listed.
    if (december) await deadline.waitFor();
    else expect(await deadline.count()).toBe(0);
    await shot(page, 'principal-home-before');

    await openContractor();
    const card = page.getByTestId('ct-evaluation');
    await card.getByTestId('ct-eval-prefill').click();
    await card
      .getByTestId('ct-eval-citation-1')
      .getByText(/回答: いいえ — 2027年度に取得を予定/)
      .waitFor();
    await card.getByTestId('ct-eval-submit').click();
    await page.getByText('承認を申請しました').waitFor();
    await card.getByText('承認待ち').first().waitFor();
    await shot(page, 'principal-evaluation');

    await signIn(principal, 'top@demo.mamori.local');
    await openApproval(page, new RegExp(`${CONTRACTOR} \\d{4}年 委託先審査表`));
    await shot(page, 'top-approval-evaluation');
    // The approver can open the 委託先 (its 調査票, earlier years, 実地検査) from the approval.
    await page.getByRole('button', { name: '記録を開く' }).waitFor();
    await approveOpenRequest(page);

    await signIn(principal, 'pms@demo.mamori.local');
    await openContractor();
    await page.getByTestId('ct-evaluation').getByText('承認済み').first().waitFor();
    await page.goto('/');
    await page.getByTestId('home-deadlines').waitFor();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    expect(await deadline.count()).toBe(0);
    await shot(page, 'principal-home-after');
  });
});
