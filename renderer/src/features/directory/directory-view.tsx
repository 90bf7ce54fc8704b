import { useEffect } from 'react';
import { useDirectoryStore } from './directory-store.js';
import { useConnectionStore } from '../connections/connection-store.js';
import { StatusMessage } from '../../components/status-message.js';
import { DirectoryToolbar } from './directory-toolbar.js';
import { DirectorySummary } from './directory-summary.js';
import { MemberTable } from './member-table.js';
import { MemberDetailPanel } from './member-detail.js';
import { ActionDialogHost } from '../member-actions/action-dialog.js';
import { isFiltering } from './filter-members.js';
import { formatDateTime, loadingLabel } from './format.js';
import { SyncAnnouncer } from './sync-announcer.js';
import { directoryHeading, focusAfterRender, refreshButton, searchBox } from './directory-focus.js';

/** The first load's page count: only this message re-renders as the pages come in. */
function FirstLoad() {
  const syncLoaded = useDirectoryStore((s) => s.syncLoaded);
  return (
    <StatusMessage tone="busy" title="Loading members…" progress={loadingLabel(syncLoaded)}>
      <p>Large teams take a moment the first time; after that the directory opens from the local copy.</p>
    </StatusMessage>
  );
}

/** The member directory: everything between the app header and the window edge. */
export function DirectoryView() {
  const status = useDirectoryStore((s) => s.status);
  const error = useDirectoryStore((s) => s.error);
  const directory = useDirectoryStore((s) => s.directory);
  const shownCount = useDirectoryStore((s) => s.shown.length);
  const filtering = useDirectoryStore((s) => isFiltering(s.filter));
  const load = useDirectoryStore((s) => s.load);
  const refresh = useDirectoryStore((s) => s.refresh);
  const clearFilter = useDirectoryStore((s) => s.clearFilter);
  // The sign-in banner above already says why a refresh fails; one message is enough.
  const needsSignIn = useConnectionStore((s) => s.connection?.state === 'needs_reauth');

  useEffect(() => {
    void load();
  }, [load]);

  // Both the button and the filters it clears go away: the search box is where they were set.
  const clearAll = () => {
    clearFilter();
    focusAfterRender(searchBox);
  };

  if (status === 'loading' || (status === 'error' && !directory)) {
    return (
      <main className="directory directory--centered" aria-labelledby="directory-title">
        <SyncAnnouncer />
        <h1 id="directory-title" className="visually-hidden" tabIndex={-1}>
          Members
        </h1>
        {status === 'loading' ? (
          <FirstLoad />
        ) : (
          <StatusMessage tone="error" title={error?.code === 'missing_scope' ? 'Teamkeeper needs another permission' : "Couldn't load the members"} action={{
              label: 'Retry',
              onClick: () => {
                // The button goes with the error message while loading: the page's heading keeps focus.
                void load();
                focusAfterRender(directoryHeading);
              },
            }}>
            <p>{error?.message}</p>
          </StatusMessage>
        )}
      </main>
    );
  }

  return (
    <main className="directory" aria-labelledby="directory-title">
      <SyncAnnouncer />
      <div className="directory__heading">
        <h1 id="directory-title" tabIndex={-1}>
          Members
        </h1>
        {directory && <p className="muted">Synced {formatDateTime(directory.syncedAt)}</p>}
      </div>
      <DirectoryToolbar />
      {error && !needsSignIn && (
        <div className="banner banner--error" role="alert">
          <span>Refresh failed: {error.message}</span>
          <button
            type="button"
            className="button"
            onClick={() => {
              // The banner leaves as the retry starts; Refresh, which shows its progress, takes focus.
              void refresh();
              focusAfterRender(refreshButton);
            }}
          >
            Retry
          </button>
        </div>
      )}
      <DirectorySummary />
      {directory && directory.members.length === 0 ? (
        <StatusMessage tone="info" title="No members yet">
          <p>This team has nobody in it{directory.includeRemoved ? '' : ' (removed members are hidden)'}.</p>
        </StatusMessage>
      ) : shownCount === 0 && filtering ? (
        <StatusMessage tone="info" title="No members match" action={{ label: 'Clear search and filters', onClick: clearAll }}>
          <p>Nobody matches the search and filters.</p>
        </StatusMessage>
      ) : (
        <MemberTable />
      )}
      <MemberDetailPanel />
      <ActionDialogHost />
    </main>
  );
}
