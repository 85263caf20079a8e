import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Builds the SPA once before the journeys, so the server under test serves the current web
 * code (web/dist). MAMORI_E2E_SKIP_BUILD=1 skips it (e.g. while iterating on a test).
 */
export default function setup(): void {
  if (process.env.MAMORI_E2E_SKIP_BUILD === '1') return;
  if (!existsSync(path.join(root, 'web', 'vite.config.ts'))) return;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const started = Date.now();
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`e2e: building the web app failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  console.log(`e2e: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
