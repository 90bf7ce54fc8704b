import { spawnSync } from 'node:child_process';
import { staleReason } from '../../../scripts/build-state.js';

/**
 * `electron-vite build` (out/, the production build) and `electron-vite
 * build --mode test` (out-test/, which the suites drive: the app plus its
 * test hooks) when missing or stale, so the tests run the code on disk and
 * can check what production ships.
 */
export function buildIfNeeded(root: string): void {
  for (const [outDir, extra] of [['out', []], ['out-test', ['--mode', 'test']]] as const) {
    const reason = staleReason(root, outDir);
    if (!reason) continue;
    console.log(`e2e: building ${outDir}/ (npx electron-vite build ${extra.join(' ')}): ${reason}…`);
    const result = spawnSync('npx', ['electron-vite', 'build', ...extra], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
  }
}
