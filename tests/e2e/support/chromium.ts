import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type LaunchOptions } from 'playwright-core';

/** The Chromium binary: MAMORI_CHROMIUM, else Debian's package (`apt-get install chromium`). */
export function chromiumPath(): string {
  return process.env.MAMORI_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium through playwright-core (`npx playwright install` cannot download
 * browsers here, so the system browser is driven). `--no-sandbox` because CI runs as root.
 * Close it in afterAll: `await browser.close()`.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    timeout: 60_000,
    ...options,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
}

/**
 * A browser context as a Japanese user sees the app: ja-JP locale, Asia/Tokyo time, a desktop
 * viewport, reduced motion. `baseURL` lets tests write `page.goto('/login')`.
 */
export async function newJapaneseContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
    // The app drops antd's animations for reduced motion: a click never lands on a dropdown or
    // dialog still sliding in (under a loaded CPU such clicks missed, or hit the neighbour).
    reducedMotion: 'reduce',
    ...options,
  });
}
