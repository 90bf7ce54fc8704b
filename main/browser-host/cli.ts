import { LAUNCH_USAGE, parseLaunchArgs } from '../core/launch-options.js';
import { closeOnSignals, runBrowserMode } from './run.js';

/** `tsx main/browser-host/cli.ts [--port N] [--no-open] [--data-dir DIR] [--dropbox-url URL] [--oauth-port N]`: browser mode without the launcher. */
const parsed = parseLaunchArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.message}\n${LAUNCH_USAGE}`);
  process.exit(2);
}
try {
  closeOnSignals(await runBrowserMode(parsed.options));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
