import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The suite's own setup file over one deliberately broken answer (see broken-answer.fixture.ts). */
export default defineConfig({
  root: resolve(import.meta.dirname, '../../..'),
  test: {
    include: ['test/support/spec-check-fixture/*.fixture.ts'],
    setupFiles: ['test/support/spec-check-setup.ts'],
    testTimeout: 30_000,
  },
});
