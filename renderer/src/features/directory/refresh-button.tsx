import { useDirectoryStore } from './directory-store.js';
import { loadingLabel } from './format.js';
import { REFRESH_BUTTON_ID } from './directory-focus.js';

/**
 * Refresh, which counts the pages of a running sync. Its own component so a
 * progress event re-renders this button and nothing else of the directory.
 */
export function RefreshButton() {
  const syncing = useDirectoryStore((s) => s.syncing);
  const syncLoaded = useDirectoryStore((s) => s.syncLoaded);
  const refresh = useDirectoryStore((s) => s.refresh);
  return (
    // aria-disabled, not disabled: a disabled button would drop keyboard focus mid-sync.
    // Not a live region: SyncAnnouncer says start and end once; the count here is for the eye.
    <button
      id={REFRESH_BUTTON_ID}
      type="button"
      className="button"
      aria-disabled={syncing}
      onClick={() => {
        if (!syncing) void refresh();
      }}
    >
      {syncing ? loadingLabel(syncLoaded) : 'Refresh'}
    </button>
  );
}
