import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sources whose change makes out/ stale. */
const SOURCE_ROOTS = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

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

/** Why out/ needs a build, or null when it is up to date with every source. */
export function staleReason(root: string): string | null {
  const missing = OUTPUTS.find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  // Every build rewrites all three, so the oldest of them dates the build.
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(root, f)).mtimeMs));
  const changed = SOURCE_ROOTS.find((s) => newestMtime(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}
