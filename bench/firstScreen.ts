import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/platform/demo.ts';
import { startAppForE2E } from '../tests/e2e/support/appServer.ts';
import { launchBrowser, newJapaneseContext } from '../tests/e2e/support/chromium.ts';
import { homePageReady, kB, loginPageReady, measurePageLoad, observeLcp, type PageWeight, signInByApi } from '../tests/e2e/support/pageWeight.ts';

/**
 * The first screen (issue 10 「Accessibility and first screen」): in headless Chromium against a
 * real `mamori serve` with the demo organization, RUNS cold loads (fresh browser context, nothing
 * cached) each of the login page and of the home page signed in as the demo 個人情報保護管理者.
 * Prints per run and the medians: JavaScript bytes on the wire, after decoding, gzipped, and the
 * Largest Contentful Paint.
 *
 *   npm run bench:first-screen                 # builds web/dist first
 *   BENCH_SKIP_BUILD=1 npm run bench:first-screen
 *   BENCH_RUNS=5 npm run bench:first-screen
 *   BENCH_THROTTLE=1 npm run bench:first-screen   # a 10 Mbit/s, 40 ms line (Chromium's network emulation)
 *   MAMORI_WEB_DIST=/path/to/dist BENCH_SKIP_BUILD=1 …   # another build (e.g. an older commit's)
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PMS_LOGIN = 'pms@demo.mamori.local';
/** BENCH_THROTTLE=1: an office or mobile line rather than loopback, where bytes cost time. */
const THROTTLE = process.env.BENCH_THROTTLE === '1' ? { offline: false, latency: 40, downloadThroughput: (10 * 1024 * 1024) / 8, uploadThroughput: (5 * 1024 * 1024) / 8 } : null;

function buildWeb(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`building the web app failed (exit code ${result.status})`);
  console.log(`web/dist built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function line(label: string, w: Pick<PageWeight, 'transferred' | 'decoded' | 'gzip' | 'lcp'> & { count?: number }): string {
  const files = w.count === undefined ? '' : `  ${w.count} files`;
  return `${label.padEnd(14)} JS transferred ${kB(w.transferred).padStart(10)}  decoded ${kB(w.decoded).padStart(10)}  gzip-9 ${kB(w.gzip).padStart(10)}  LCP ${`${Math.round(w.lcp)} ms`.padStart(8)}${files}`;
}

async function main(): Promise<void> {
  buildWeb();
  const app = await startAppForE2E();
  const browser = await launchBrowser();
  const results: Record<'login' | 'home', PageWeight[]> = { login: [], home: [] };
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const which of ['login', 'home'] as const) {
        const context = await newJapaneseContext(browser, { baseURL: app.url });
        await observeLcp(context);
        if (which === 'home') await signInByApi(context, app.url, PMS_LOGIN, DEMO_PASSWORD);
        const page = await context.newPage();
        page.setDefaultTimeout(60_000);
        if (THROTTLE) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', THROTTLE);
        }
        const weight = await measurePageLoad(page, which === 'login' ? '/login' : '/', which === 'login' ? loginPageReady : homePageReady);
        await context.close();
        results[which].push(weight);
        console.log(line(`${which} #${run}`, { ...weight, count: weight.scripts.length }));
        if (run === 1 && process.env.BENCH_VERBOSE === '1') {
          for (const s of weight.scripts) console.log(`    ${s.path.padEnd(52)} ${s.encoding.padEnd(8)} ${kB(s.transferred).padStart(10)} ${kB(s.decoded).padStart(10)}`);
        }
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  console.log(`\nmedians of ${RUNS} runs (headless Chromium, cold cache${THROTTLE ? ', 10 Mbit/s 40 ms' : ''}, ${new Date().toISOString()})`);
  for (const which of ['login', 'home'] as const) {
    const runs = results[which];
    console.log(
      line(which, {
        transferred: median(runs.map((r) => r.transferred)),
        decoded: median(runs.map((r) => r.decoded)),
        gzip: median(runs.map((r) => r.gzip)),
        lcp: median(runs.map((r) => r.lcp)),
        count: median(runs.map((r) => r.scripts.length)),
      }),
    );
  }
}

await main();
