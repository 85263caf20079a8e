import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/platform/demo.ts';
import { afterEach } from 'vitest';

// The launcher lives in chromium.ts (no vitest import), so bench/ scripts drive the same browser.
import { newJapaneseContext } from './chromium.ts';

export { chromiumPath, launchBrowser, newJapaneseContext } from './chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * When a journey step fails, saves what the page showed (`test-results/failed-<step>.png`) and
 * prints any open dialog's text, so a failure on CI leaves its evidence. Call inside `describe`
 * after the page exists: `keepFailureEvidence(() => page)`.
 */
export function keepFailureEvidence(currentPage: () => Page | undefined): void {
  afterEach(async (context) => {
    const page = currentPage();
    if (context.task.result?.state !== 'fail' || !page || page.isClosed()) return;
    const dir = path.join(root, 'test-results');
    await mkdir(dir, { recursive: true });
    const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    await page.screenshot({ path: path.join(dir, `failed-${name}.png`), fullPage: true, timeout: 10_000 }).catch(() => {});
    const dialogs = await page
      .getByRole('dialog')
      .allInnerTexts()
      .catch(() => []);
    for (const text of dialogs) console.error(`[e2e] dialog open when "${context.task.name}" failed:\n${text}`);
  });
}

/**
 * A page of its own browser context, in Japanese, signed in as `loginId` (the demo password) —
 * what every journey opens for each person it follows.
 */
export async function signedInPage(
  browser: Browser,
  baseURL: string,
  loginId: string,
  viewport: { width: number; height: number } = { width: 1440, height: 1000 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newJapaneseContext(browser, { baseURL, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const res = await context.request.post(`${baseURL}/api/auth/login`, { data: { loginId, password: DEMO_PASSWORD } });
  if (res.status() !== 200) throw new Error(`login ${loginId}: ${res.status()}`);
  return { context, page };
}
