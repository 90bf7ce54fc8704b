import { join } from 'node:path';
import { app, BrowserWindow, Menu, safeStorage, session } from 'electron';
import Store from 'electron-store';
import { defaultDataDir, LAUNCH_USAGE, parseLaunchArgs } from '../core/launch-options.js';
import { TeamkeeperService } from '../core/service.js';
import { appMenuTemplate } from './app-menu.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { ElectronSettingsStore } from './electron-settings-store.js';
import { forwardEvents, registerApiHandlers } from './ipc.js';
import { SafeStorageSecretStore } from './safe-storage-secret-store.js';
import { SaveDialogSink } from './save-dialog-sink.js';
import { applySecurityPolicy, consentPageOpener } from './security.js';
import { APP_ORIGIN } from './trusted-url.js';
import { windowOptions } from './window-options.js';

const here = import.meta.dirname;
// Packaged apps get no app path in argv; `electron <dir>` does.
const parsed = parseLaunchArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd(), true);
if (!parsed.ok) console.error(`${parsed.message} (ignored)\n${LAUNCH_USAGE}`);
const launch = parsed.ok ? parsed.options : undefined;
const dataDir = launch?.dataDir ?? defaultDataDir();
app.setPath('userData', dataDir);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
registerAppScheme();

let win: BrowserWindow | null = null;
let service: TeamkeeperService | undefined;

function createWindow(): void {
  win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), { devTools: !app.isPackaged }));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  applySecurityPolicy(session.defaultSession);
  // Electron's default menu offers "Toggle Developer Tools"; a packaged app gets one without it.
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, !app.isPackaged)));
  serveRenderer(join(here, '../renderer'));
  const secrets = new SafeStorageSecretStore(safeStorage, join(dataDir, 'secrets.json'), { acceptPlainTextBackend: launch?.allowPlainSecrets === true });
  const started = await TeamkeeperService.start({
    mode: 'electron',
    version: app.getVersion(),
    dataDir,
    secrets,
    secretsPersist: await secrets.persists(),
    settings: new ElectronSettingsStore(new Store({ name: 'settings', cwd: dataDir, clearInvalidConfig: true })),
    exportSink: new SaveDialogSink(() => win),
    opener: consentPageOpener(launch?.dropboxUrl),
    dropboxUrl: launch?.dropboxUrl,
    oauthPort: launch?.oauthPort,
    preferSandbox: launch?.sandbox,
    // The app's own page is the one web page its sandbox's control API answers.
    sandbox: { controlOrigins: [APP_ORIGIN] },
  });
  service = started;
  registerApiHandlers(started, () => win);
  forwardEvents(started, () => win);
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  // A failure while starting (not only while waiting for ready) must end the app, not leave it windowless.
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('Teamkeeper could not start:', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!service) return;
    // Saves the sandbox team before the process goes.
    event.preventDefault();
    const closing = service;
    service = undefined;
    void closing.close().finally(() => app.quit());
  });
}
