import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, type AppErrorInfo, type AppEvent, type TeamkeeperBridge } from './contract.js';
import { channelFor, IPC_EVENT_CHANNEL } from '../main/electron/ipc-channels.js';

/**
 * Main answers every call with an envelope because Electron drops custom
 * Error fields on the way back; the bridge rejects with the AppErrorInfo
 * itself (a plain object survives the context bridge, an Error's fields do not).
 */
type Envelope = { ok: true; result: unknown } | { ok: false; error: AppErrorInfo };

function method(name: (typeof API_METHODS)[number]) {
  return async (arg?: unknown): Promise<unknown> => {
    const reply = (await ipcRenderer.invoke(channelFor(name), arg ?? null)) as Envelope;
    if (reply.ok) return reply.result;
    throw { code: reply.error.code, message: reply.error.message, dropboxTag: reply.error.dropboxTag };
  };
}

const api: Record<string, unknown> = Object.create(null);
for (const name of API_METHODS) api[name] = method(name);
api.onEvent = (listener: (event: AppEvent) => void): (() => void) => {
  // Only the payload reaches the page, never the IpcRendererEvent (it exposes `sender`).
  const handler = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
  return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
};

// Only the methods of the contract exist on the bridge: anything else is undefined in the page.
contextBridge.exposeInMainWorld('teamkeeper', Object.freeze(api as unknown as TeamkeeperBridge));
