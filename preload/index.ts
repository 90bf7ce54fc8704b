import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, type ApiMethod, type SequencedEvent, type TeamkeeperBridge } from './contract.js';
import { channelFor, IPC_EVENT_CHANNEL, type RpcEnvelope } from './contract/transport.js';

/**
 * The bridge rejects with the AppErrorInfo itself: a plain object survives
 * the context bridge, an Error's fields do not.
 */
function method(name: ApiMethod) {
  return async (arg?: unknown): Promise<unknown> => {
    const reply = (await ipcRenderer.invoke(channelFor(name), arg ?? null)) as RpcEnvelope;
    if (reply.ok) return reply.result;
    throw { code: reply.error.code, message: reply.error.message, dropboxTag: reply.error.dropboxTag };
  };
}

const api: Record<string, unknown> = Object.create(null);
for (const name of API_METHODS) api[name] = method(name);
// IPC has no reconnect: the window and main live and die together, so onReconnect never runs here.
api.onEvent = (listener: (event: SequencedEvent) => void): (() => void) => {
  // Only the payload reaches the page, never the IpcRendererEvent (it exposes `sender`).
  const handler = (_event: IpcRendererEvent, payload: SequencedEvent) => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
  return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
};

// Only the methods of the contract exist on the bridge: anything else is undefined in the page.
contextBridge.exposeInMainWorld('teamkeeper', Object.freeze(api as unknown as TeamkeeperBridge));
