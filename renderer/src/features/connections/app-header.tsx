import { useRef } from 'react';
import { useConnectionStore } from './connection-store.js';
import { useConnectStore } from './connect-store.js';
import { ConnectDialog } from './connect-dialog.js';
import { ConnectionStatus } from './connection-status.js';
import { ConnectionSwitcher } from './connection-switcher.js';
import { SANDBOX_BADGE } from './connection-names.js';
import { SkipLink } from '../../components/skip-link.js';
import { focusMemberList } from '../directory/directory-focus.js';
import { useViewStore, VIEW_HEADINGS, VIEW_LABELS } from '../navigation/view-store.js';

/** Which team this window is working on, its state, and how to connect another. */
export function AppHeader() {
  const connection = useConnectionStore((s) => s.connection);
  const loading = useConnectionStore((s) => s.loading);
  const error = useConnectionStore((s) => s.error);
  // Once a real team is connected, connecting one is no longer the main thing to do.
  const hasDropboxTeam = useConnectionStore((s) => s.connections.some((c) => c.kind === 'dropbox'));
  const openNew = useConnectStore((s) => s.openNew);
  const connectButton = useRef<HTMLButtonElement>(null);
  const view = useViewStore((s) => s.view);

  return (
    <header className="app-header">
      {/* Before the header's controls and the toolbar's: one Tab, then Enter, reaches the rows (or, in another view, its heading: the rows are hidden then). */}
      {view === 'members' ? (
        <SkipLink label="Skip to member list" target="directory-title" onSkip={focusMemberList} />
      ) : (
        <SkipLink label={`Skip to ${VIEW_LABELS[view]}`} target={VIEW_HEADINGS[view]} onSkip={() => document.getElementById(VIEW_HEADINGS[view])?.focus()} />
      )}
      <span className="app-header__brand">Teamkeeper</span>
      <div className="app-header__team">
        {connection && <ConnectionSwitcher connection={connection} />}
        {connection?.kind === 'sandbox' && <span className="badge badge--sandbox">{SANDBOX_BADGE}</span>}
        {!connection && !loading && <span className="muted">{error ? `Couldn't reach the app: ${error.message}` : 'No team connected'}</span>}
        <ConnectionStatus />
      </div>
      <button ref={connectButton} type="button" className={hasDropboxTeam ? 'button' : 'button button--primary'} onClick={openNew}>
        Connect your Dropbox team
      </button>
      {/* Opened from the teams panel or the sign-in banner, both gone by the time it closes: the teams button is nearest. */}
      <ConnectDialog fallbackFocus={() => document.querySelector<HTMLElement>('.switcher__button') ?? connectButton.current} />
    </header>
  );
}
