import { create } from 'zustand';
import type { AppErrorInfo, AppEvent, AppInfo, ConnectionSummary } from '../../../preload/contract.js';
import { api } from '../api.js';
import { toAppErrorInfo } from '../bridge/app-error.js';

interface ConnectionState {
  connection: ConnectionSummary | null;
  appInfo: AppInfo | null;
  loading: boolean;
  error: AppErrorInfo | null;
  load(): Promise<void>;
  handleEvent(event: AppEvent): void;
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  connection: null,
  appInfo: null,
  loading: true,
  error: null,

  async load() {
    set({ loading: true, error: null });
    try {
      const [connection, appInfo] = await Promise.all([api.getActiveConnection(), api.getAppInfo()]);
      set({ connection, appInfo, loading: false });
    } catch (err) {
      set({ loading: false, error: toAppErrorInfo(err) });
    }
  },

  handleEvent(event) {
    if (event.type !== 'connection.state') return;
    const current = get().connection;
    if (!current || current.id === event.connection.id) set({ connection: event.connection });
  },
}));
