import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { electronBinary, electronUnavailableReason } from '../../scripts/electron-binary.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const unavailable = electronUnavailableReason(root);
if (unavailable) console.log(`Electron shell suite skipped: ${unavailable}.`);

describe.skipIf(unavailable !== undefined)('Electron shell', () => {
  let app: ElectronApplication;
  let win: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'teamkeeper-electron-'));
    app = await _electron.launch({
      executablePath: electronBinary(root),
      args: [join(root, 'out', 'main', 'index.js'), '--sandbox', '--data-dir', dataDir],
      cwd: root,
    });
    win = await app.firstWindow();
    await win.getByRole('grid', { name: 'Members' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the sandbox team in one window, badged', async () => {
    expect(app.windows()).toHaveLength(1);
    await win.getByText('Sandbox — practice data', { exact: true }).waitFor();
  });

  it('gives the page the bridge and nothing of Node or Electron', async () => {
    const globals = await win.evaluate(() => ({
      bridge: typeof window.teamkeeper,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
  });

  it('denies permission requests', async () => {
    expect(await win.evaluate(() => Notification.requestPermission())).toBe('denied');
  });

  it('denies window.open and navigation away from the app', async () => {
    expect(await win.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    const before = win.url();
    await win.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await win.waitForTimeout(300);
    expect(win.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
