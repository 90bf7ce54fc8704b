/**
 * `npm run test:e2e`: finds Chromium, builds the app if out/ is stale, starts
 * a separate sandbox as "Dropbox" (`npm run sandbox`, short token lifetime)
 * and browser mode on a fresh built-in sandbox team pointed at it
 * (--dropbox-url, --oauth-port 0), runs the e2e files with vitest against
 * them, and tears everything down. Exit code: vitest's.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../scripts/ensure-build.js';
import { findChromium, INSTALL_HINT } from './support/find-chromium.js';
import { launchApp, type RunningApp } from './support/launch-app.js';
import { startExternalSandbox, type ExternalSandbox } from './support/external-sandbox.js';
import { E2E_ENV } from './support/e2e-env.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Short enough that the suite outlives several access tokens; long enough for one sync. */
const DROPBOX_TOKEN_TTL_SECONDS = 5;
/** Not the built-in team's size, so a test can tell the two directories apart. */
const DROPBOX_MEMBERS = 30;

async function main(): Promise<number> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error(`e2e: ${INSTALL_HINT}`);
    return 1;
  }
  console.log(`e2e: Chromium at ${chromiumPath}`);
  // The production build (the bundle test checks what ships) and the test build the suites drive.
  ensureBuilt((line) => console.log(line));
  ensureBuilt((line) => console.log(line), true);

  let dropbox: ExternalSandbox | undefined;
  let app: RunningApp | undefined;
  const stop = async () => {
    await Promise.allSettled([app?.stop(), dropbox?.stop()]);
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().finally(() => process.exit(143)));
  try {
    dropbox = await startExternalSandbox(root, { tokenTtlSeconds: DROPBOX_TOKEN_TTL_SECONDS, members: DROPBOX_MEMBERS });
    app = await launchApp(root, ['--dropbox-url', dropbox.url, '--oauth-port', '0']);
    console.log(`e2e: app on ${new URL(app.appUrl).origin}, its sandbox team on ${app.sandboxUrl}, "Dropbox" on ${dropbox.url}`);
    return await runVitest({
      [E2E_ENV.chromium]: chromiumPath,
      [E2E_ENV.appUrl]: app.appUrl,
      [E2E_ENV.sandboxUrl]: app.sandboxUrl,
      ...(app.sandboxToken ? { [E2E_ENV.sandboxToken]: app.sandboxToken } : {}),
      [E2E_ENV.dropboxUrl]: dropbox.url,
      [E2E_ENV.dropboxClientId]: dropbox.clientId,
      [E2E_ENV.dropboxToken]: dropbox.accessToken,
      [E2E_ENV.dropboxTokenTtl]: String(DROPBOX_TOKEN_TTL_SECONDS),
    });
  } finally {
    await stop();
  }
}

function runVitest(env: Record<string, string>): Promise<number> {
  const args = ['vitest', 'run', '--config', 'test/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)];
  const child = spawn('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
