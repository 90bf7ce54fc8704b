import { useEffect } from 'react';
import { api } from './api.js';
import { connectAppEvents } from './app-events.js';
import { useConnectionStore } from './features/connections/connection-store.js';
import { AppHeader } from './features/connections/app-header.js';
import { ConnectionProblem } from './features/connections/connection-status.js';
import { AppNav } from './features/navigation/app-nav.js';
import { ViewSwitcher } from './features/navigation/view-switcher.js';
import { UnfinishedJobsBanner } from './features/jobs/unfinished-jobs-banner.js';

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
      <AppNav />
      <ConnectionProblem />
      <UnfinishedJobsBanner />
      <ViewSwitcher />
    </div>
  );
}
