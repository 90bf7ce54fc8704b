import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { staleReason } from './build-state.js';

const ROOT = join(import.meta.dirname, '..');

/** Runs `electron-vite build` when out/ is missing or older than its sources. */
export function ensureBuilt(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  const reason = staleReason(ROOT);
  if (!reason) return;
  log(`Building Teamkeeper (${reason})…`);
  const bin = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  // Build output goes to stderr so stdout keeps only the URL lines callers parse.
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
}

