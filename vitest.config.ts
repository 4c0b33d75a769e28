import { defineConfig } from 'vitest/config';

/** `npm run test:chaos` runs the fault-injection tests (private Redis and PostgreSQL, killed workers, full disks). */
const chaos = process.env.VIGIE_CHAOS === '1';

export default defineConfig({
  test: {
    include: chaos ? ['test/chaos/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: chaos ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/chaos/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one Redis and one PostgreSQL; each file uses its own prefix / schema.
    pool: 'forks',
    maxWorkers: 2,
  },
});
