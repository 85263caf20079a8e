import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from 'playwright-core';

/** The JavaScript one page load fetched, and its Largest Contentful Paint. */
export type PageWeight = {
  /** Script files fetched (URL paths), in the order they answered. */
  scripts: { path: string; encoding: string; transferred: number; decoded: number }[];
  /** Body bytes on the wire (after Content-Encoding), summed over the scripts. */
  transferred: number;
  /** Body bytes after decoding (what the browser parses). */
  decoded: number;
  /** The decoded bodies gzipped (level 9) one by one, summed: the size a gzip-only client gets. */
  gzip: number;
  /** largest-contentful-paint, ms since navigation start (0 when the browser reported none). */
  lcp: number;
};

/** Records the page's last largest-contentful-paint entry in `window.__mamoriLcp`. Call once per context, before the first load. */
export async function observeLcp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __mamoriLcp: number };
    w.__mamoriLcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__mamoriLcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/**
 * Loads `url` in `page` (a fresh context: nothing cached), waits for `ready` and for the network
 * to go quiet, and sums the scripts it fetched. `observeLcp(context)` must have run first.
 */
export async function measurePageLoad(page: Page, url: string, ready: (page: Page) => Promise<void>): Promise<PageWeight> {
  const responses: Response[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'script') responses.push(response);
  };
  page.on('response', onResponse);
  try {
    await page.goto(url);
    await ready(page);
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', onResponse);
  }
  const scripts: PageWeight['scripts'] = [];
  let gzip = 0;
  for (const response of responses) {
    await response.finished();
    const sizes = await response.request().sizes();
    const body = await response.body();
    gzip += gzipSync(body, { level: 9 }).length;
    scripts.push({
      path: new URL(response.url()).pathname,
      encoding: response.headers()['content-encoding'] ?? 'identity',
      transferred: sizes.responseBodySize,
      decoded: body.length,
    });
  }
  const lcp = await page.evaluate(() => (window as unknown as { __mamoriLcp?: number }).__mamoriLcp ?? 0);
  return {
    scripts,
    transferred: scripts.reduce((sum, s) => sum + s.transferred, 0),
    decoded: scripts.reduce((sum, s) => sum + s.decoded, 0),
    gzip,
    lcp,
  };
}

/** The login page is ready when its form can be submitted. */
export async function loginPageReady(page: Page): Promise<void> {
  await page.getByTestId('login-submit').waitFor();
}

/** The home page is ready when its heading shows. */
export async function homePageReady(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
}

/** Signs the context in through the API (the session cookie lands in the context). */
export async function signInByApi(context: BrowserContext, baseUrl: string, loginId: string, password: string): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { loginId, password } });
  if (!res.ok()) throw new Error(`login as ${loginId} answered ${res.status()}: ${await res.text()}`);
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
