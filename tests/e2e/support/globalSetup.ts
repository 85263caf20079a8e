import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Builds the SPA once before the journeys, so the server under test serves the current web
 * code. The build goes to a directory of this run (MAMORI_WEB_DIST, which the servers the
 * journeys start inherit): another build of web/dist meanwhile — another run, `npm start` —
 * cannot swap the files under a journey's feet. MAMORI_E2E_SKIP_BUILD=1 skips it and serves
 * web/dist (e.g. while iterating on a test).
 */
export default function setup(): (() => void) | undefined {
  if (process.env.MAMORI_E2E_SKIP_BUILD === '1') return undefined;
  if (!existsSync(path.join(root, 'web', 'vite.config.ts'))) return undefined;
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'mamori-e2e-web-'));
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const started = Date.now();
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 5 * 60_000,
    // Vitest runs with NODE_ENV=test, and Vite builds what NODE_ENV says: React's development
    // build (twice the bytes, console checks) instead of what `npm start` serves.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`e2e: building the web app failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  process.env.MAMORI_WEB_DIST = outDir;
  console.log(`e2e: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return () => rmSync(outDir, { recursive: true, force: true });
}
