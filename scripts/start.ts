import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LAUNCH_USAGE, parseLaunchArgs } from '../main/core/launch-options.js';
import { closeOnSignals, runBrowserMode } from '../main/browser-host/run.js';
import { ensureBuilt, TEST_BUILD_ENV } from './ensure-build.js';
import { electronBinary, electronUnavailableReason } from './electron-binary.js';

/**
 * `npm start`: builds when out/ is stale, then the Electron app, or browser
 * mode where Electron cannot run (or with --browser).
 */
const ROOT = join(import.meta.dirname, '..');
/**
 * A young generation of up to 64 MB for the process that syncs the team: a
 * 50,000-member sync parses a megabyte page every few dozen milliseconds, and
 * with the default 16 MB its scavenges copied each live page again and again
 * (refresh CPU 970 → 880 ms, `npm run bench -- directory-refresh`). Browser
 * mode gets it from package.json's start script (it runs in this process); the
 * Electron main process only takes V8 flags on its command line.
 */
const HOST_V8_FLAGS = '--max-semi-space-size=64';
const argv = process.argv.slice(2);
const parsed = parseLaunchArgs(argv);
if (!parsed.ok) {
  console.error(`${parsed.message}\n${LAUNCH_USAGE}`);
  process.exit(2);
}
const options = parsed.options;
// Tests and benchmarks drive the test build's renderer in browser mode (see electron.vite.config.ts).
const testBuild = process.env[TEST_BUILD_ENV] === '1';

try {
  ensureBuilt(undefined, testBuild);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const unavailable = options.browser ? undefined : electronUnavailableReason(ROOT);
const binary = options.browser || unavailable ? undefined : electronBinary(ROOT);
if (binary) {
  const child = spawn(binary, [`--js-flags=${HOST_V8_FLAGS}`, ROOT, ...argv], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  if (unavailable) console.log(`Starting Teamkeeper in browser mode: ${unavailable}.`);
  try {
    closeOnSignals(await runBrowserMode(options, testBuild ? join(ROOT, 'out-test', 'renderer') : undefined));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
