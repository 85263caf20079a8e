import type { Locator } from 'playwright-core';

/**
 * The 再委託申請's 作業責任者・作業従事者 (豊島区 受託者が守るべき事項 3 ウ) on the 委託先's portal form:
 * the 作業責任者's 氏名・役職・連絡先 and two 作業従事者 (the second added with 「作業従事者を追加」).
 */
export async function fillSubcontractStaff(form: Locator, workers: readonly string[] = ['封入 花子', '封入 次郎']): Promise<void> {
  await form.getByTestId('sub-lead-name').fill('封入 太郎');
  await form.getByTestId('sub-lead-title').fill('作業課長');
  await form.getByTestId('sub-lead-contact').fill('03-1234-5678');
  for (const [i, name] of workers.entries()) {
    if (i > 0) await form.getByTestId('sub-worker-add').click();
    await form.getByTestId(`sub-worker-${i}`).fill(name);
  }
}
