import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload', 'out/renderer/index.html'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when out/ is missing a part or older than any source it is built from. */
export function buildIsStale(root: string): boolean {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (outputs.some((p) => !existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** `electron-vite build` when out/ is missing or stale, so the tests drive the code on disk. */
export function buildIfNeeded(root: string): void {
  if (!buildIsStale(root)) return;
  console.log('e2e: building the app (npx electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
}
