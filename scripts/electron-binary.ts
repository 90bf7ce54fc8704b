import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed by the `electron` package, or undefined.
 * Checked on disk: require('electron') would try to download a missing binary.
 */
export function electronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return undefined;
  const full = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(pkg, 'dist', relative);
  return existsSync(full) ? full : undefined;
}

/** Why Electron cannot show a window here, or undefined when it can. */
export function electronUnavailableReason(root: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!electronBinary(root, env)) return 'the Electron binary is not available (it is downloaded on first use and this machine could not fetch it)';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'there is no graphical display';
  return undefined;
}
