import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const INSTALL_HINT =
  'No Chromium found. Install one with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** Where to look, in order: CHROMIUM_PATH, Playwright's own download, the system package. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates: string[] = [];
  if (env.CHROMIUM_PATH) candidates.push(env.CHROMIUM_PATH);
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core knows no path for this platform: only the system ones remain.
  }
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser');
  return candidates;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH && !existsSync(env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.`);
  }
  return chromiumCandidates(env).find((p) => existsSync(p));
}

/** Headless and quiet: no GPU, no sandbox (containers run as root), no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
