import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemorySecretStore } from '../core/auth/secret-store.js';
import { defaultDataDir, type LaunchOptions } from '../core/launch-options.js';
import { TeamkeeperService } from '../core/service.js';
import { JsonSettingsStore } from '../core/settings/json-settings-store.js';
import { DownloadRegistry } from './downloads.js';
import { openInBrowser } from './open-browser.js';
import { startBrowserHost, type BrowserHost } from './server.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface RunningBrowserMode {
  host: BrowserHost;
  service: TeamkeeperService;
  close(): Promise<void>;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * Browser mode: the core service (opening the sandbox team) behind the
 * loopback host. Prints the two URL lines callers parse.
 */
export async function runBrowserMode(options: LaunchOptions, rendererDir = join(ROOT, 'out', 'renderer')): Promise<RunningBrowserMode> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`The renderer is not built (${rendererDir} has no index.html). Run: npm run build`);
  const dataDir = options.dataDir ?? defaultDataDir();
  const downloads = new DownloadRegistry();
  const service = await TeamkeeperService.start({
    mode: 'browser',
    version: appVersion(),
    dataDir,
    // Browser mode keeps tokens in memory only: nothing to protect on disk.
    secrets: new MemorySecretStore(),
    secretsPersist: false,
    settings: new JsonSettingsStore(dataDir),
    exportSink: downloads,
    // No opener: the renderer opens the consent page itself (window.open).
    dropboxUrl: options.dropboxUrl,
    oauthPort: options.oauthPort,
    preferSandbox: options.sandbox,
  });
  const host = await startBrowserHost({ app: service, downloads, rendererDir, port: options.port });
  // The app's own page is the one web page its sandbox's control API answers.
  service.sandboxTeam.controlOrigins.add(new URL(host.appUrl).origin);
  process.stdout.write(`TEAMKEEPER_URL=${host.appUrl}\n`);
  if (service.sandboxUrl) process.stdout.write(`SANDBOX_URL=${service.sandboxUrl}\n`);
  if (options.open) openInBrowser(host.appUrl);
  return {
    host,
    service,
    close: async () => {
      await host.close();
      await service.close();
    },
  };
}

/** Stops cleanly on Ctrl-C / SIGTERM so the sandbox team is saved. */
export function closeOnSignals(running: RunningBrowserMode): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    running.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
