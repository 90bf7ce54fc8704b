import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { windowOptions } from './window-options.js';

const here = import.meta.dirname;

app.whenReady().then(async () => {
  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  await win.loadFile(join(here, '../renderer/index.html'));
});

app.on('window-all-closed', () => app.quit());
