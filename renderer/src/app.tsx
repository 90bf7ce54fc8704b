import { useEffect } from 'react';
import { api } from './api.js';
import { useConnectionStore } from './stores/connection-store.js';
import { useDirectoryStore } from './stores/directory-store.js';
import { AppHeader } from './features/connection/app-header.js';
import { DirectoryView } from './features/directory/directory-view.js';

export function App() {
  const loadConnection = useConnectionStore((s) => s.load);

  useEffect(() => {
    void loadConnection();
    return api.onEvent((event) => {
      useConnectionStore.getState().handleEvent(event);
      useDirectoryStore.getState().handleEvent(event);
    });
  }, [loadConnection]);

  return (
    <div className="app">
      <AppHeader />
      <DirectoryView />
    </div>
  );
}
