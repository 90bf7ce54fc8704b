import { ipcMain, type BrowserWindow } from 'electron';
import { API_METHODS, type Api, type AppEvent } from '../../preload/contract.js';
import { answerIpcCall, isTrustedSender } from './ipc-guard.js';
import { channelFor, IPC_EVENT_CHANNEL } from './ipc-channels.js';

/** ipcMain.handle for every Api method, each checking its sender; nothing else is registered. */
export function registerApiHandlers(api: Api, window: () => BrowserWindow | null): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, arg: unknown) => {
      const win = window();
      const trusted = isTrustedSender(event.senderFrame, event.sender.id, win?.webContents.id);
      return answerIpcCall(api, method, arg, trusted);
    });
  }
}

/** Pushes core events to the window (and nowhere else). */
export function forwardEvents(subscribe: (listener: (e: AppEvent) => void) => () => void, window: () => BrowserWindow | null): () => void {
  return subscribe((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
}
