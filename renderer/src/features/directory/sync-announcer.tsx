import { useEffect, useRef, useState } from 'react';
import { useDirectoryStore } from './directory-store.js';
import { formatCount } from './format.js';

/**
 * The one live region for syncs: "Loading members…" when one starts and
 * "47,987 members loaded" when it ends, nothing in between (the page count
 * stays visible on the Refresh button without being pushed to screen
 * readers). A failure is left to the error banner, which is an alert.
 */
export function SyncAnnouncer() {
  const syncing = useDirectoryStore((s) => s.syncing);
  const [message, setMessage] = useState('');
  const was = useRef(syncing);

  useEffect(() => {
    if (syncing === was.current) return;
    was.current = syncing;
    if (syncing) {
      setMessage('Loading members…');
      return;
    }
    const { error, directory } = useDirectoryStore.getState();
    setMessage(error || !directory ? '' : `${formatCount(directory.members.length, 'member', 'members')} loaded`);
  }, [syncing]);

  return (
    <p role="status" className="visually-hidden">
      {message}
    </p>
  );
}
