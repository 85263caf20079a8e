import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFirstSheet } from '../../src/platform/exports/xlsx.ts';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { type E2EApp, startAppForE2E } from './support/appServer.ts';
import { keepFailureEvidence, launchBrowser, newJapaneseContext } from './support/browser.ts';

const resultsDir = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), 'test-results');

/**
 * M6 journey (issue 14): the 個人情報保護管理者 records a 第三者提供記録 (法第29条, J.8.8.2) without
 * 規則第20条第1項第2号ハ 本人を特定するに足りる事項 — the server's refusal is shown under that field
 * with its clause — fills it in, saves, sees the 保存期間 (規則第21条第3号) and finds it in the list;
 * then records a 個人関連情報の提供に係る確認記録 (J.8.8.4 4) with a 和暦 date, the 提供先's 確認記録
 * (J.8.8.4 4 g)〜j)), and publishes a 個人関連情報 consent notice checked with J.8.8.4 1. A mistyped 作成日
 * and a missing address are corrected in the record's own form: the 保存期間 moves, the history shows before → after.
 */
describe('journey: 第三者提供記録の作成（記録事項の不足は項目の下に）', () => {
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

  async function shot(name: string) {
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
  }

  it('規則第20条第1項第2号ハ が欠けた記録は保存されず、その項目の下に条項つきで理由が出る', async () => {
    await page.goto('/login');
    await page.getByLabel('ログインID（メールアドレス）').fill('pms@demo.mamori.local');
    await page.getByLabel('パスワード', { exact: true }).fill('Mamori-demo1!');
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.getByRole('menuitem', { name: '提供記録・確認記録' }).click();
    await page.getByRole('heading', { name: '提供記録・確認記録' }).waitFor();
    await page.getByText('豊島印刷株式会社').waitFor();
    await page.getByTestId('pr-add').click();
    await page.getByRole('heading', { name: '提供記録・確認記録の作成' }).waitFor();
    await page.getByLabel('記録を作成した日').fill('令和8年5月11日');
    await page.getByLabel('提供した年月日').fill('2026/05/11');
    await page.getByTestId('pr-counterpartyName').fill('株式会社ジャーニー発送');
    await page.getByTestId('pr-dataItems').fill('氏名、住所');
    await page.getByTestId('pr-consentObtained').check();
    await page.getByTestId('pr-save').click();
    await page.getByText('規則第20条第1項第2号ハ「当該個人データによって識別される本人の氏名その他の当該本人を特定するに足りる事項」を記録してください').waitFor();
    await shot('provision-record-missing-item');
  });

  it('不足を埋めると保存でき、保存期間（規則第21条第3号）が示され、一覧に出る', async () => {
    await page.getByTestId('pr-subject').fill('会員番号 J-0001');
    await page.getByTestId('pr-save').click();
    await page.getByRole('heading', { name: '第三者提供記録' }).waitFor();
    await page.getByText('2029/05/11まで保存（3年）').waitFor();
    await page.getByText('施行規則 第21条第3号', { exact: false }).waitFor();
    await page.getByRole('button', { name: '一覧へ戻る' }).click();
    await page.getByRole('heading', { name: '提供記録・確認記録' }).waitFor();
    await page.getByRole('cell', { name: '株式会社ジャーニー発送' }).waitFor();
    await shot('provision-record-list');
  });

  it('記録の修正: 「修正する」で同じ様式が記録どおりに開き、未保存のまま離れようとすると確かめ、作成した日の誤記（和暦で入力）と住所を直すと保存期間が計算し直され、履歴に前 → 後が出る', async () => {
    await page.getByRole('row').filter({ hasText: '株式会社ジャーニー発送' }).getByRole('link').click();
    await page.getByRole('heading', { name: '第三者提供記録' }).waitFor();
    await page.getByTestId('pr-correct').click();
    await page.getByRole('heading', { name: '第三者提供記録の修正' }).waitFor();
    // Prefilled with what is recorded (the 和暦 typed at creation is shown as the app shows dates).
    expect(await page.getByLabel('記録を作成した日').inputValue()).toBe('2026/05/11');
    expect(await page.getByTestId('pr-subject').inputValue()).toBe('会員番号 J-0001');
    await page.getByLabel('記録を作成した日').fill('令和8年5月10日');
    await page.getByTestId('pr-counterpartyAddress').fill('東京都豊島区東池袋1-18-1');
    // Unsaved changes: leaving asks first, and 「このページに残る」 keeps what was typed.
    await page.getByRole('button', { name: '記録へ戻る' }).click();
    const leave = page.getByRole('dialog').filter({ hasText: '保存していない変更があります' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'このページに残る' }).click();
    expect(await page.getByTestId('pr-counterpartyAddress').inputValue()).toBe('東京都豊島区東池袋1-18-1');
    await shot('provision-record-correct-form');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/provision-records/')),
      page.getByTestId('pr-save').click(),
    ]);
    expect(response.status()).toBe(200);
    await page.getByRole('heading', { name: '第三者提供記録' }).waitFor();
    await page.getByText('2029/05/10まで保存（3年）').waitFor();
    const history = page.getByTestId('pr-history');
    await history.getByText('作成', { exact: true }).waitFor();
    await history.getByText('変更', { exact: true }).waitFor();
    const change = history.getByRole('listitem').filter({ hasText: '記録を作成した日' });
    expect(await change.locator('del').textContent()).toBe('2026/05/11');
    expect(await change.locator('ins').textContent()).toBe('2026/05/10');
    const address = history.getByRole('listitem').filter({ hasText: '提供先の住所' });
    expect(await address.locator('del').textContent()).toBe('（なし）');
    expect(await address.locator('ins').textContent()).toBe('東京都豊島区東池袋1-18-1');
    await shot('provision-record-corrected');
    await page.getByRole('button', { name: '一覧へ戻る' }).click();
    await page.getByRole('heading', { name: '提供記録・確認記録' }).waitFor();
  });

  it('個人関連情報の確認記録（J.8.8.4 4）: 和暦の作成日で記録し、c) が欠ければその項目の下に条項つきで理由が出て、埋めると保存期間が示される', async () => {
    await page.getByTestId('pr-add').click();
    await page.getByRole('heading', { name: '提供記録・確認記録の作成' }).waitFor();
    await page.getByRole('radio', { name: '個人関連情報の確認記録（提供した側、J.8.8.4 4 c)〜f)）' }).check();
    await page.getByLabel('記録を作成した日').fill('令和8年12月1日');
    await page.getByLabel('個人関連情報を提供した年月日').fill('2026/12/01');
    await page.getByTestId('pr-counterpartyName').fill('株式会社ジャーニー広告');
    await page.getByTestId('pr-counterpartyAddress').fill('東京都豊島区東池袋1-1-1');
    await page.getByTestId('pr-counterpartyRepresentative').fill('代表取締役 佐藤花子');
    await page.getByTestId('pr-dataItems').fill('Cookie ID、閲覧履歴');
    // The provider side names no 本人 (J.8.8.4 4 c)〜f)): the field is not offered.
    await page.getByTestId('pr-subject').waitFor({ state: 'detached' });
    await page.getByTestId('pr-save').click();
    await page.getByText('J.8.8.4 4 c)「a)で本人の同意が得られていることを確認した旨」を記録してください').waitFor();
    await shot('related-info-record-missing-item');
    await page.getByTestId('pr-consentObtained').check();
    await page.getByTestId('pr-save').click();
    await page.getByRole('heading', { name: '個人関連情報の提供に係る確認記録' }).waitFor();
    await page.getByText('2026/12/01', { exact: true }).first().waitFor();
    await page.getByText('2029/12/01まで保存（3年）').waitFor();
    await page.getByText('第31条第3項（第30条第4項の準用）', { exact: false }).waitFor();
    await shot('related-info-record');
    await page.getByRole('button', { name: '一覧へ戻る' }).click();
    await page.getByText('個人関連情報（提供元）', { exact: true }).click();
    await page.getByRole('cell', { name: '株式会社ジャーニー広告' }).waitFor();
    await page.getByRole('cell', { name: '株式会社ジャーニー発送' }).waitFor({ state: 'detached' });
    // The export follows the filter: only the 個人関連情報 records, with their 記録事項 in Japanese.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pr-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^提供記録・確認記録_\d{8}\.xlsx$/);
    const sheet = await readFirstSheet(await readFile(await download.path()));
    expect(sheet.headers).toContain('個人データ・個人関連情報の項目');
    expect(sheet.rows.map((r) => r.cells[1])).toContain('個人関連情報の提供に係る確認記録');
    expect(JSON.stringify(sheet.rows)).toContain('株式会社ジャーニー広告');
    expect(JSON.stringify(sheet.rows)).not.toContain('株式会社ジャーニー発送');
  });

  it('個人関連情報の提供先の確認記録（J.8.8.4 4 g)〜j)）: i) 本人を特定するに足りる事項が欠ければその項目の下に理由が出て、埋めると確認記録に準じた保存期間が示される', async () => {
    await page.getByTestId('pr-add').click();
    await page.getByRole('heading', { name: '提供記録・確認記録の作成' }).waitFor();
    await page.getByRole('radio', { name: '個人関連情報の確認記録（提供を受けた側、J.8.8.4 4 g)〜j)）' }).check();
    await page.getByLabel('記録を作成した日').fill('令和8年12月2日');
    await page.getByTestId('pr-counterpartyName').fill('株式会社ジャーニーデータ');
    await page.getByTestId('pr-counterpartyAddress').fill('東京都豊島区南池袋2-2-2');
    await page.getByTestId('pr-counterpartyRepresentative').fill('代表取締役 鈴木一郎');
    await page.getByTestId('pr-dataItems').fill('Cookie ID に紐づく閲覧履歴');
    await page.getByTestId('pr-consentObtained').check();
    await page.getByTestId('pr-save').click();
    await page.getByText('J.8.8.4 4 i)「当該個人データ（個人関連情報）によって識別される本人の氏名その他当該本人を特定するに足りる事項」を記録してください').waitFor();
    await shot('related-receipt-record-missing-item');
    await page.getByTestId('pr-subject').fill('会員番号 J-0003');
    await page.getByTestId('pr-save').click();
    await page.getByRole('heading', { name: '個人関連情報の提供先の確認記録' }).waitFor();
    await page.getByText('2029/12/02まで保存（3年）').waitFor();
    await page.getByText('法令に保存期間の定めがないため', { exact: false }).waitFor();
    await shot('related-receipt-record');
    await page.getByRole('button', { name: '一覧へ戻る' }).click();
    await page.getByText('個人関連情報（提供先）', { exact: true }).click();
    await page.getByRole('cell', { name: '株式会社ジャーニーデータ' }).waitFor();
    await page.getByRole('cell', { name: '株式会社ジャーニー広告' }).waitFor({ state: 'detached' });
  });

  it('個人関連情報の同意を求める通知（J.8.8.4 1）: 提供元の文言で不足があれば公開できず、揃えると公開できる', async () => {
    await page.getByRole('menuitem', { name: '通知・同意' }).click();
    await page.getByRole('heading', { name: '通知・同意' }).waitFor();
    await page.getByTestId('notice-add').click();
    await page.getByRole('radio', { name: '個人関連情報の同意を求める通知（J.8.8.4 1）' }).check();
    await page.getByRole('radio', { name: '同意を取得する主体が個人関連情報の提供元である場合（提供元が通知又は明示する事項）' }).check();
    await page.getByLabel('名称', { exact: true }).fill('広告配信のための閲覧履歴の提供について');
    await page.getByTestId('notice-missing').getByText('J.8.8.4 1 7) 個人関連情報の取扱いに関する契約がある場合はその旨', { exact: false }).waitFor();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByRole('heading', { name: '広告配信のための閲覧履歴の提供について' }).waitFor();
    await page.getByText('公開できない理由').waitFor();
    expect(await page.getByTestId('notice-publish').isDisabled()).toBe(true);
    await shot('related-info-notice-missing');
    await page.getByTestId('notice-edit').click();
    for (const n of [1, 2, 3, 4, 5, 6, 7])
      await page
        .locator('#notice-editor')
        .getByRole('checkbox', { name: new RegExp(`^J\\.8\\.8\\.4 1 ${n}\\) `) })
        .check();
    await page.getByText('J.8.8.4 1 の通知又は明示する事項は揃っています').waitFor();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByTestId('notice-publish').click();
    // A toast from the previous step may still be showing; the publish is done when its button (the draft) is gone.
    await page.getByTestId('notice-publish').waitFor({ state: 'detached' });
    await page.getByText('公開しました').first().waitFor();
    await page.getByText('公開中', { exact: true }).first().waitFor();
    await shot('related-info-notice-published');
  });

  it('通知文を改訂すると版の比較に変更行が出て、公開した版に同意を記録できる（J.8.5 1）', async () => {
    await page.getByRole('menuitem', { name: '通知・同意' }).click();
    await page.getByRole('heading', { name: '通知・同意' }).waitFor();
    await page.getByRole('link', { name: '会員申込書の個人情報の取扱いについて' }).click();
    await page.getByTestId('notice-edit').click();
    const body = page.getByLabel('本文');
    await body.fill(`${await body.inputValue()}\n会報は年4回お届けします。`);
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByTestId('notice-diff').getByText('＋ 会報は年4回お届けします。').waitFor();
    await page.getByTestId('notice-publish').click();
    // A toast from the previous step may still be showing; the publish is done when its button (the draft) is gone.
    await page.getByTestId('notice-publish').waitFor({ state: 'detached' });
    await page.getByText('公開しました').first().waitFor();
    await page.getByTestId('consent-add').click();
    // The newest published version is chosen by default.
    await page.locator('#consent-record').getByText('第2版').waitFor();
    await page.getByLabel('本人（氏名又は識別子）').fill('会員番号 J-0002');
    await page.getByLabel('同意日').fill('2026/05/11');
    await page.getByRole('button', { name: '記録する' }).click();
    await page.getByRole('cell', { name: '会員番号 J-0002' }).waitFor();
    await shot('notice-consent');
  });

  it('J.8.8.1 3 l): 根拠 b) の外国にある第三者への提供記録は 1)〜7) の不足を項目の下に示し、本人の求めの画面で 1)〜7) を示して、提供しない決定は理由（J.8.8.1 4）を求める', async () => {
    await page.getByRole('menuitem', { name: '提供記録・確認記録' }).click();
    await page.getByRole('heading', { name: '提供記録・確認記録' }).waitFor();
    await page.getByTestId('pr-add').click();
    await page.getByRole('heading', { name: '提供記録・確認記録の作成' }).waitFor();
    await page.getByLabel('記録を作成した日').fill('令和8年5月11日');
    await page.getByLabel('提供した年月日').fill('2026/05/11');
    await page.getByTestId('pr-counterpartyName').fill('Journey Asia Pte. Ltd.');
    await page.getByTestId('pr-subject').fill('会員番号 J-0100 海外 次郎');
    await page.getByTestId('pr-dataItems').fill('氏名、メールアドレス');
    await page.getByTestId('pr-consentObtained').check();
    await page.getByTestId('pr-overseas').check();
    await page.getByLabel('外国にある第三者への提供の根拠（J.8.8.1 1）').click();
    await page.getByTitle('b) 個人情報保護委員会規則で定める基準に適合する体制を整備している者への提供').click();
    await page.getByTestId('pr-overseasCountry').fill('シンガポール');
    await page.getByTestId('pr-overseasMeasures').fill('年1回、提供先の相当措置の実施状況とシンガポールの制度を書面で確認する');
    await page.getByTestId('pr-save').click();
    await page.getByText('J.8.8.1 3 l) 1)「当該第三者による体制の整備の方法」を記録してください').waitFor();
    await shot('overseas-record-missing-item');
    await page.getByTestId('pr-overseasSystemMethod').fill('提供先との委託契約で、法の規定の趣旨に沿った措置の実施を確保している');
    await page.getByTestId('pr-overseasEquivalentMeasures').fill('利用目的の特定、安全管理措置、再提供の禁止');
    await page.getByTestId('pr-overseasForeignSystem').fill('個人情報保護法（PDPA）あり。影響を及ぼすおそれのある制度はなし');
    await page.getByTestId('pr-overseasObstacle').getByText('なし').click();
    await page.getByTestId('pr-save').click();
    await page.getByRole('heading', { name: '第三者提供記録' }).waitFor();
    await page.getByText('提供先との委託契約で、法の規定の趣旨に沿った措置の実施を確保している').waitFor();

    await page.getByRole('menuitem', { name: '開示等の請求・苦情' }).click();
    await page.getByRole('heading', { name: '開示等の請求・苦情相談' }).waitFor();
    await page.getByTestId('request-add').click();
    await page.locator('#field-kind').click();
    await page.getByTitle('外国にある第三者への提供に係る情報提供の求め').click();
    await page.getByLabel('受付日').fill('令和8年11月27日');
    await page.getByLabel('請求者の氏名').fill('海外 次郎');
    await page.getByLabel('請求の内容').fill('外国の提供先の相当措置について情報の提供を求めます');
    await page.getByRole('button', { name: '受け付ける' }).click();
    await page.getByTestId('request-status').getByText('受付').waitFor();
    const card = page.getByTestId('overseas-records');
    await card.getByText('提供先 Journey Asia Pte. Ltd.', { exact: false }).waitFor();
    await card.getByText('1) 当該第三者による体制の整備の方法').waitFor();
    await card.getByText('支障がないため、講ずる措置はありません').waitFor();
    await page.getByText('不提供', { exact: true }).click();
    await page.getByTestId('decision-grounds').locator('.ant-checkbox-wrapper').first().click();
    await page.getByTestId('decision-save').click();
    await page.getByText('情報の全部又は一部を提供しない決定には、本人に通知する理由の説明を記入してください（J.8.8.1 4）').waitFor();
    await shot('overseas-info-request');
    await page
      .getByLabel('提供しない理由の説明（本人に通知します。J.8.8.1 4）')
      .fill('提供先との守秘契約により、措置の詳細の提供が業務の適正な実施に著しい支障を及ぼすおそれがあるため');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('request-status').getByText('決定待ち').waitFor();
  });
});
