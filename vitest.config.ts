import { defineConfig } from 'vitest/config';

// Unit and integration tests. The database under test is chosen by MAMORI_TEST_DB
// (`pglite` or `postgres`); scripts/test.mjs runs the suite once for each.
export default defineConfig({
  test: {
    setupFiles: ['tests/support/setup.ts'],
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
