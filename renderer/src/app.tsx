import { useEffect } from 'react';
import { api } from './api.js';
import { useConnectionStore } from './features/connections/connection-store.js';
import { useConnectStore } from './features/connections/connect-store.js';
import { useDirectoryStore } from './features/directory/directory-store.js';
import { AppHeader } from './features/connections/app-header.js';
import { ConnectionProblem } from './features/connections/connection-status.js';
import { DirectoryView } from './features/directory/directory-view.js';

export function App() {
  const loadConnection = useConnectionStore((s) => s.load);

  useEffect(() => {
    void loadConnection();
    return api.onEvent((event) => {
      useConnectionStore.getState().handleEvent(event);
      useConnectStore.getState().handleEvent(event);
      useDirectoryStore.getState().handleEvent(event);
    });
  }, [loadConnection]);

  return (
    <div className="app">
      <AppHeader />
      <ConnectionProblem />
      <DirectoryView />
    </div>
  );
}
