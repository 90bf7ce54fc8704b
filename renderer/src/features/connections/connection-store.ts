import { create } from 'zustand';
import type { AppErrorInfo, AppInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { announce, registerEventClient, type StoreEvent } from '../../app-events.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';

interface ConnectionState {
  /** The connection the app is showing. */
  connection: ConnectionSummary | null;
  /** Every team Teamkeeper knows, the sandbox included. */
  connections: ConnectionSummary[];
  appInfo: AppInfo | null;
  loading: boolean;
  error: AppErrorInfo | null;
  load(): Promise<void>;
  /** Fetches the list and the active connection again (after a connect, switch or disconnect). */
  refresh(): Promise<void>;
  switchTo(connectionId: string): Promise<void>;
  /** Resolves with the renamed connection; rejects with main's error for the dialog to show. */
  rename(connectionId: string, label: string): Promise<void>;
  disconnect(connectionId: string): Promise<void>;
  handleEvent(event: StoreEvent): void;
}

function upsert(list: ConnectionSummary[], c: ConnectionSummary): ConnectionSummary[] {
  const i = list.findIndex((x) => x.id === c.id);
  if (i < 0) return [...list, c];
  const next = list.slice();
  next[i] = c;
  return next;
}

/** Only one connection is active: mark the list accordingly when main says which. */
function withActive(list: ConnectionSummary[], active: ConnectionSummary): ConnectionSummary[] {
  return upsert(list, active).map((c) => (c.id === active.id || !c.active ? c : { ...c, active: false }));
}

export const useConnectionStore = create<ConnectionState>()((set, get) => {
  /** Makes `next` the shown connection and says so: the directory follows when the team changed or had failed. */
  function showConnection(next: ConnectionSummary | null): void {
    const previous = get().connection;
    set({ connection: next, connections: next ? withActive(get().connections, next) : get().connections });
    if (!next) return;
    announce({ type: 'renderer.team-shown', connection: next, changed: !!previous && previous.id !== next.id });
  }

  return {
    connection: null,
    connections: [],
    appInfo: null,
    loading: true,
    error: null,

    async load() {
      set({ loading: true, error: null });
      try {
        const [connection, connections, appInfo] = await Promise.all([api.getActiveConnection(), api.listConnections(), api.getAppInfo()]);
        set({ connection, connections, appInfo, loading: false });
      } catch (err) {
        set({ loading: false, error: toAppErrorInfo(err) });
      }
    },

    async refresh() {
      try {
        const [active, connections] = await Promise.all([api.getActiveConnection(), api.listConnections()]);
        set({ connections, error: null });
        showConnection(active);
      } catch (err) {
        set({ error: toAppErrorInfo(err) });
      }
    },

    async switchTo(connectionId) {
      showConnection(await api.switchConnection({ connectionId }));
    },

    async rename(connectionId, label) {
      const renamed = await api.renameConnection({ connectionId, label });
      set({ connections: upsert(get().connections, renamed) });
      if (get().connection?.id === renamed.id) set({ connection: renamed });
    },

    async disconnect(connectionId) {
      await api.disconnect({ connectionId });
      set({ connections: get().connections.filter((c) => c.id !== connectionId) });
      await get().refresh();
    },

    handleEvent(event) {
      if (event.type === 'renderer.team-connected') {
        void get().refresh();
        return;
      }
      if (event.type === 'connection.active') {
        showConnection(event.connection);
        void api.listConnections().then((connections) => set({ connections }), () => undefined);
        return;
      }
      if (event.type === 'connect.result' && event.ok) {
        set({ connections: upsert(get().connections, event.connection) });
        return;
      }
      if (event.type !== 'connection.state') return;
      const updated = event.connection;
      set({ connections: upsert(get().connections, updated) });
      const current = get().connection;
      if (current?.id !== updated.id) return;
      set({ connection: updated });
      // Back from offline or a new sign-in: what failed meanwhile loads now.
      if (current.state !== 'connected' && updated.state === 'connected') announce({ type: 'renderer.team-usable' });
    },
  };
});

registerEventClient({
  name: 'connection',
  handleEvent: (event) => useConnectionStore.getState().handleEvent(event),
  resync: () => void useConnectionStore.getState().refresh(),
  state: () => useConnectionStore.getState(),
});
