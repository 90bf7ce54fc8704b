import { defineConfig } from 'vitest/config';

/**
 * The browser-mode e2e suite, started by test/e2e/run.ts (which provides the
 * running app). One file at a time: they share one app and one sandbox team.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
