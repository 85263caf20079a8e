import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';

// The launcher lives in chromium.ts (no vitest import), so bench/ scripts drive the same browser.
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
