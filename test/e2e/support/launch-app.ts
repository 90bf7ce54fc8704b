import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_BUILD_ENV } from '../../../scripts/ensure-build.js';
import { killGroup, spawnReporting, stopGroup } from './child-process.js';

export interface RunningApp {
  /** TEAMKEEPER_URL: the app with its token in the fragment. */
  appUrl: string;
  sandboxUrl: string;
  /** SANDBOX_ACCESS_TOKEN, when the launcher prints one. */
  sandboxToken?: string;
  dataDir: string;
  /** Ends the app and removes its data dir (unless the caller brought the data dir). */
  stop(): Promise<void>;
  /** SIGKILL to the app and everything it started, as a crash would: the data dir stays for a restart. */
  crash(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 90_000;

/**
 * `npm start -- --browser --sandbox --no-open --port 0 --data-dir <tmp>`
 * with the test build (TEAMKEEPER_TEST_BUILD=1: the renderer with the hooks
 * the suites read), with `prepare` run on the empty data dir first, in its
 * own process group so stop() ends npm and everything it started.
 * `reuseDataDir`: start again on the data dir of an app that stopped (a restart).
 */
export async function launchApp(root: string, extraArgs: string[] = [], prepare?: (dataDir: string) => void, reuseDataDir?: string): Promise<RunningApp> {
  const dataDir = reuseDataDir ?? mkdtempSync(join(tmpdir(), 'teamkeeper-e2e-'));
  const removeData = () => {
    if (!reuseDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  // E.g. a sandbox team of a chosen size, saved where the app looks for it.
  prepare?.(dataDir);
  const args = ['start', '--', '--browser', '--sandbox', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs];
  let started;
  try {
    started = await spawnReporting('npm', args, { cwd: root, keys: ['TEAMKEEPER_URL', 'SANDBOX_URL'], timeoutMs: STARTUP_TIMEOUT_MS, what: 'npm start', env: { [TEST_BUILD_ENV]: '1' } });
  } catch (err) {
    removeData();
    throw err;
  }
  const { child, values } = started;
  return {
    appUrl: values.get('TEAMKEEPER_URL')!,
    sandboxUrl: values.get('SANDBOX_URL')!,
    sandboxToken: values.get('SANDBOX_ACCESS_TOKEN'),
    dataDir,
    stop: () => stopGroup(child).finally(removeData),
    crash: () => killGroup(child),
  };
}
