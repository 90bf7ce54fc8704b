import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Checks every sandbox answer against Dropbox's spec and fails the test that received a broken one.
    setupFiles: ['test/support/spec-check-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
