import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { staleReason } from './build-state.js';

const ROOT = join(import.meta.dirname, '..');

/** The test build (out-test/: the app plus the hooks tests read), selected with TEAMKEEPER_TEST_BUILD=1. */
export const TEST_BUILD_ENV = 'TEAMKEEPER_TEST_BUILD';

/**
 * Runs `electron-vite build` when out/ is missing or older than its sources;
 * for the test build, `electron-vite build --mode test` into out-test/.
 */
export function ensureBuilt(log: (line: string) => void = (l) => process.stderr.write(l + '\n'), testBuild = false): void {
  const reason = staleReason(ROOT, testBuild ? 'out-test' : 'out');
  if (!reason) return;
  log(`Building Teamkeeper${testBuild ? "'s test build" : ''} (${reason})…`);
  const bin = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  // Build output goes to stderr so stdout keeps only the URL lines callers parse.
  const result = spawnSync(process.execPath, [bin, 'build', ...(testBuild ? ['--mode', 'test'] : [])], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
}

