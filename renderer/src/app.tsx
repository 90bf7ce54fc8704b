import { useEffect } from 'react';
import { api } from './api.js';
import { connectAppEvents } from './app-events.js';
import { useConnectionStore } from './features/connections/connection-store.js';
import { AppHeader } from './features/connections/app-header.js';
import { ConnectionProblem } from './features/connections/connection-status.js';
import { DirectoryView } from './features/directory/directory-view.js';

export function App() {
  const loadConnection = useConnectionStore((s) => s.load);

  useEffect(() => {
    void loadConnection();
    // Every store registered itself when its module loaded; the views above import them all.
    return connectAppEvents(api);
  }, [loadConnection]);

  return (
    <div className="app">
      <AppHeader />
      <ConnectionProblem />
      <DirectoryView />
    </div>
  );
}
