import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAccessibilityAfterEachStep } from './support/axe.ts';
import { keepFailureEvidence } from './support/browser.ts';
import { downloadedDocxText, saveScreenshot, useJourney } from './support/journey.ts';

/**
 * Issue #13 「a private company gets its own editable template set built the same way (J.9.4 3
 * wording)」, in Chromium against a real server with the demo organization: the 個人情報保護管理者 opens
 * 特記事項のひな型 from the 委託先 list (既定: the 民間事業者向け set), edits the 持ち出し「制限」 paragraph,
 * is refused naming 第1条 when the 差し込み項目【委託元】 is removed, saves 第1版 and sees the diff in
 * the history; then adds an article 「秘密保持」, moves it up to 第4条 with the keyboard, removes the
 * 複写・複製 article (leaving the page asks first: unsaved) and saves 第2版, whose history shows the
 * article added and removed; on a 委託先's page 「自社のひな型（第2版）」 generates the .docx (read back)
 * with the edited text, the chosen variant and the added article as 第4条. Its hint names 第2条 for
 * 取り扱う個人情報; a 「第二十条」 typed while editing is warned; 第3版 moves that article to 第3条 and
 * the hint on both pages and the generated .docx follow. axe-core checks every page a step ends on.
 */
describe('journey: 自社の特記事項のひな型を編集して第1版にし、委託先の特記事項に使う', () => {
  const journey = useJourney();
  let page: Page;
  const edited = '持ち出し管理台帳（持ち出し事由・日時・返却日時・担当者）に記録';
  const confidentiality = '乙は、受託業務に関して知り得た甲の秘密を、契約の終了後も第三者に漏らしてはならない。';
  const shot = (name: string) => saveScreenshot(page, name);

  keepFailureEvidence(() => page);
  const accessibility = checkAccessibilityAfterEachStep(() => page);

  it('委託先の一覧から特記事項のひな型を開く: 既定（民間事業者向け）の条と変種、J.9.4 3 の事項', async () => {
    page = await journey.signIn('pms@demo.mamori.local');
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

  it('第2版: 条「秘密保持」を追加してキーボードで第4条へ上げ、複写・複製の条を削除して保存すると、履歴に条の追加・削除が出る', async () => {
    await page.getByTestId('tp-edit').click();
    const editor = page.getByTestId('tp-editor');
    await editor.getByText('第2版の編集').waitFor();
    await editor.getByTestId('tp-add-article').click();
    // The new article is 第15条, its heading focused to type in.
    const title = editor.getByTestId('tp-title-custom-1-text');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('秘密保持');
    await editor.getByTestId('tp-p-custom-1-text-1').fill(confidentiality);
    await editor.getByTestId('tp-article-custom-1').getByText('第15条（秘密保持）').waitFor();
    // Up with the keyboard: the focused button moves with its article, Enter each time.
    await editor.getByRole('button', { name: '第15条（秘密保持）を上へ移動' }).focus();
    for (let i = 0; i < 11; i++) await page.keyboard.press('Enter');
    await editor.getByTestId('tp-article-custom-1').getByText('第4条（秘密保持）').waitFor();
    await editor.getByTestId('tp-article-purposeUse').getByText('第5条（目的外利用）').waitFor();
    // Removing 安全管理措置 warns of J.9.4 3 b) before saving; restored, the warning goes.
    await editor.getByRole('button', { name: '第3条（安全管理措置）を削除' }).click();
    await editor.getByTestId('tp-live-missing').getByText('J.9.4 3 b)', { exact: false }).waitFor();
    await editor.getByTestId('tp-restore-safetyMeasures').click();
    await editor.getByTestId('tp-article-safetyMeasures').getByText('第3条（安全管理措置）').waitFor();
    expect(await editor.getByTestId('tp-live-missing').count()).toBe(0);
    await editor.getByTestId('tp-remove-copying').click();
    expect(await editor.getByTestId('tp-article-copying').count()).toBe(0);
    // Leaving with the unsaved structure asks first; staying keeps it.
    await page.getByRole('link', { name: '委託先の一覧' }).click();
    const question = page.getByRole('dialog').filter({ hasText: '保存していない変更があります' });
    await question.getByRole('button', { name: /残\s*る/ }).click();
    await editor.getByTestId('tp-article-custom-1').getByText('第4条（秘密保持）').waitFor();
    await editor.getByTestId('tp-note').fill('秘密保持の条を追加し、複写・複製の条を削除した');
    await shot('special-clause-template-structure');
    await editor.getByTestId('tp-save').click();
    await page.getByText('第2版を保存しました').waitFor();
    await page.getByTestId('tp-current').getByText('使用中の版: 第2版').waitFor();
    const changes = page.getByTestId('tp-history').getByTestId('tp-changes-第2版');
    await changes.getByTestId('tp-article-change-custom-1').getByText('条の追加').waitFor();
    await changes.getByTestId('tp-article-change-custom-1').getByText('第4条（秘密保持）').waitFor();
    await changes.getByTestId('tp-article-change-copying').getByText('条の削除').waitFor();
    await changes.getByTestId('tp-article-change-copying').getByText('第7条（複写・複製）').waitFor();
    await shot('special-clause-template-v2');
  });

  it('委託先の特記事項: 「自社のひな型（第2版）」と持ち出しの制限で Word を作ると、編集した条文・追加した第4条・版の名が入る', async () => {
    await page.getByRole('link', { name: '委託先の一覧' }).click();
    await page.getByTestId('contractors-search').locator('input').fill('デモ発送');
    await page.getByTestId('contractors-search').locator('input').press('Enter');
    await page.getByRole('cell', { name: '株式会社デモ発送サービス' }).click();
    const card = page.getByTestId('special-clauses');
    await card.getByTestId('sc-template').getByText('自社のひな型（第2版）').click();
    await card.getByTestId('sc-takingOut').getByText('制限（甲の承認による）').click();
    // The removed 複写・複製 article offers no choice.
    expect(await card.getByTestId('sc-copying').count()).toBe(0);
    const text = await downloadedDocxText(page, () => card.getByTestId('sc-docx').click());
    expect(text).toContain('ひな型：自社のひな型（第2版）');
    expect(text).toContain(edited);
    expect(text).toContain('（持ち出しの制限）');
    expect(text).not.toContain('（持ち出しの禁止）');
    expect(text).toContain(`（秘密保持）\n第4条　${confidentiality}`);
    expect(text).toContain('（目的外利用の禁止）\n第5条　');
    expect(text).not.toContain('（複写又は複製の禁止）');
    expect(text).toContain('株式会社デモ発送サービス（以下「乙」という。）');
    expect(text).not.toContain('【委託元】');
    await shot('special-clause-template-generated');
  });

  it('第3版: 取り扱う個人情報の条を第3条へ下げると、ひな型の画面と委託先の特記事項の手掛かりが第3条を名指し、Word も第3条になる', async () => {
    const card = page.getByTestId('special-clauses');
    await card.getByTestId('sc-handled-info').getByText('取り扱う個人情報（第2条「取り扱う個人情報の範囲等」）には、委託先に紐付けた台帳の項目が入ります。').waitFor();
    await page.getByTestId('sc-template-link').click();
    await page.getByTestId('tp-handled-info').getByText('第2条「取り扱う個人情報の範囲等」', { exact: false }).waitFor();
    await page.getByTestId('tp-edit').click();
    const editor = page.getByTestId('tp-editor');
    await editor.getByText('第3版の編集').waitFor();
    // A 「第N条」 in 漢数字 beyond the last article is warned while editing (and left as typed); put back, it goes.
    const secret = editor.getByTestId('tp-p-custom-1-text-1');
    await secret.fill(`${confidentiality}第二十条の定めも同様とする。`);
    await editor.getByTestId('tp-live-references').getByText('第4条（秘密保持）の第1項が引用する第二十条はありません（このひな型は第14条までです）').waitFor();
    await secret.fill(confidentiality);
    expect(await editor.getByTestId('tp-live-references').count()).toBe(0);
    await editor.getByRole('button', { name: '第2条（取り扱う個人情報の範囲等）を下へ移動' }).click();
    await editor.getByTestId('tp-article-handledInformation').getByText('第3条（取り扱う個人情報の範囲等）').waitFor();
    await editor.getByTestId('tp-note').fill('取り扱う個人情報の条を安全管理措置の後ろへ移した');
    await editor.getByTestId('tp-save').click();
    await page.getByText('第3版を保存しました').waitFor();
    await page.getByTestId('tp-handled-info').getByText('第3条「取り扱う個人情報の範囲等」', { exact: false }).waitFor();
    await page.getByRole('link', { name: '委託先の一覧' }).click();
    await page.getByTestId('contractors-search').locator('input').fill('デモ発送');
    await page.getByTestId('contractors-search').locator('input').press('Enter');
    await page.getByRole('cell', { name: '株式会社デモ発送サービス' }).click();
    await card.getByTestId('sc-template').getByText('自社のひな型（第3版）').click();
    await card.getByTestId('sc-handled-info').getByText('取り扱う個人情報（第3条「取り扱う個人情報の範囲等」）には、委託先に紐付けた台帳の項目が入ります。').waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot('special-clause-template-handled-info-moved');
    const text = await downloadedDocxText(page, () => card.getByTestId('sc-docx').click());
    expect(text).toContain('ひな型：自社のひな型（第3版）');
    expect(text).toContain('（取り扱う個人情報の範囲等）\n第3条　');
    expect(text).toContain('（安全管理措置）\n第2条　');
  });

  it('axe-core が歩いた画面（特記事項のひな型・委託先の詳細）を検査した', () => {
    expect([...accessibility.checked]).toEqual(expect.arrayContaining(['/contractors/special-clause-template']));
  });
});
