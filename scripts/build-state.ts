import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sources whose change makes out/ stale. */
const SOURCE_ROOTS = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'];
const OUTPUTS = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why a build (out/, or the test build's out-test/) is needed, or null when it is up to date with every source. */
export function staleReason(root: string, outDir = 'out'): string | null {
  const outputs = OUTPUTS.map((f) => `${outDir}/${f}`);
  const missing = outputs.find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  // Every build rewrites all three, so the oldest of them dates the build.
  const built = Math.min(...outputs.map((f) => statSync(join(root, f)).mtimeMs));
  const changed = SOURCE_ROOTS.find((s) => newestMtime(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}
