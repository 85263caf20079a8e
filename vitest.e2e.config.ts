import { defineConfig } from 'vitest/config';

// Browser journeys (tests/e2e/**/*.e2e.ts): playwright-core driving Debian's Chromium against a
// real `mamori serve` child process. One worker, files in sequence: each journey starts its own
// server and browser, and CI has two cores. `npm test` runs this when Chromium is installed;
// alone: `npx vitest run --config vitest.e2e.config.ts`.
export default defineConfig({
  test: {
    setupFiles: ['tests/support/setup.ts'],
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
