import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Opens the request whose link text matches `title` from 「承認」 (/approvals), as the signed-in person:
 * from 承認待ち (`waiting`) for an approver, from 申請したもの (`submitted`) for its submitter.
 */
export async function openApproval(page: Page, title: RegExp, view: 'waiting' | 'submitted' | 'decided' = 'waiting'): Promise<void> {
  await page.goto(`/approvals?view=${view}`);
  await page.getByTestId('approvals-list').getByRole('link', { name: title }).first().click();
  await page.waitForURL(/\/approvals\/[0-9a-f-]+$/);
}

/**
 * Approves the open request through the confirmation dialog (トップマネジメント as the 代行者 in the
 * journeys). Fails at this step when the approve button is missing or the server refuses.
 */
export async function approveOpenRequest(page: Page): Promise<void> {
  await page.getByTestId('approval-approve').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('承認の確認').waitFor();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/approvals\/[^/]+\/approve$/.test(new URL(r.url()).pathname)),
    dialog.getByRole('button', { name: /承\s*認/ }).click(),
  ]);
  expect(response.status(), await response.text()).toBe(200);
}
