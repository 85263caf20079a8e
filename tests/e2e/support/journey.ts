import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type E2EApp, startAppForE2E } from './appServer.ts';
import { launchBrowser, signedInPage } from './browser.ts';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'test-results');

/** Saves the whole page as `test-results/<name>.png` (the journeys' screenshots, kept as CI evidence). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
}

export type Journey = {
  /** The server's address. */
  readonly url: string;
  /**
   * A page of a new browser context signed in as `loginId` (the demo password) at the home screen;
   * the previous person's context is closed (one person at a time, as in the office).
   */
  signIn(loginId: string): Promise<Page>;
};

/**
 * The set-up every journey repeats, registered on the calling `describe`: one app server with the
 * demo organization and one Chromium for the file (started in `beforeAll`, stopped in `afterAll`),
 * and `signIn` for each person the journey follows. `before`: `mamori` commands run before the
 * server starts (e.g. another organization's user, `user create`; see startAppForE2E).
 */
export function useJourney(options: { viewport?: { width: number; height: number }; before?: string[][] } = {}): Journey {
  const viewport = options.viewport ?? { width: 1440, height: 900 };
  let app: E2EApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    app = await startAppForE2E(options.before ? { before: options.before } : {});
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });
  return {
    get url() {
      if (!app) throw new Error('useJourney: the app server is not started (call inside describe, use in tests)');
      return app.url;
    },
    async signIn(loginId: string) {
      if (!app || !browser) throw new Error('useJourney: the app server is not started');
      await context?.close();
      const opened = await signedInPage(browser, app.url, loginId, viewport);
      context = opened.context;
      await opened.page.goto(`${app.url}/`);
      return opened.page;
    },
  };
}

/**
 * Clicks what downloads a .docx and returns its body text (word/document.xml), one line per
 * paragraph — how the journeys read a generated Word file back.
 */
export async function downloadedDocxText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
}
