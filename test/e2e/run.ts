/**
 * `npm run test:e2e`: finds Chromium, builds the app if out/ is stale, starts
 * browser mode on a fresh sandbox team, runs the e2e files with vitest against
 * it, and tears everything down. Exit code: vitest's.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './support/build-app.js';
import { findChromium, INSTALL_HINT } from './support/find-chromium.js';
import { launchApp, type RunningApp } from './support/launch-app.js';
import { E2E_ENV } from './support/e2e-env.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<number> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error(`e2e: ${INSTALL_HINT}`);
    return 1;
  }
  console.log(`e2e: Chromium at ${chromiumPath}`);
  buildIfNeeded(root);

  let app: RunningApp | undefined;
  const stop = () => app?.stop();
  process.once('SIGINT', () => void stop()?.finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop()?.finally(() => process.exit(143)));
  try {
    app = await launchApp(root);
    console.log(`e2e: app on ${new URL(app.appUrl).origin}, sandbox on ${app.sandboxUrl}`);
    return await runVitest({
      [E2E_ENV.chromium]: chromiumPath,
      [E2E_ENV.appUrl]: app.appUrl,
      [E2E_ENV.sandboxUrl]: app.sandboxUrl,
      ...(app.sandboxToken ? { [E2E_ENV.sandboxToken]: app.sandboxToken } : {}),
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
