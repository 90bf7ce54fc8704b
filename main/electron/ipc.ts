import { ipcMain, type BrowserWindow } from 'electron';
import { API_METHODS, type Api } from '../../preload/contract.js';
import { channelFor, IPC_EVENT_CHANNEL } from '../../preload/contract/transport.js';
import type { CoreEvents } from '../core/events.js';
import { answerIpcCall, isTrustedSender, senderOrigin } from './ipc-guard.js';

/** ipcMain.handle for every Api method, each checking its sender; nothing else is registered. */
export function registerApiHandlers(api: Api, window: () => BrowserWindow | null): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, arg: unknown) => {
      const win = window();
      const trusted = isTrustedSender(event.senderFrame, event.sender.id, win?.webContents.id);
      return answerIpcCall(api, method, arg, trusted, senderOrigin(event.senderFrame));
    });
  }
}

/** Pushes core events, numbered, to the window (and nowhere else). */
export function forwardEvents(core: CoreEvents, window: () => BrowserWindow | null): () => void {
  return core.onEvent((event, seq) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, { ...event, seq });
  });
}
