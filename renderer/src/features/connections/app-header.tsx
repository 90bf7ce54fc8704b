import { useConnectionStore } from './connection-store.js';
import { useConnectStore } from './connect-store.js';
import { ConnectDialog } from './connect-dialog.js';
import { ConnectionStatus } from './connection-status.js';
import { ConnectionSwitcher } from './connection-switcher.js';
import { SANDBOX_BADGE } from './connection-names.js';

/** Which team this window is working on, its state, and how to connect another. */
export function AppHeader() {
  const connection = useConnectionStore((s) => s.connection);
  const loading = useConnectionStore((s) => s.loading);
  const error = useConnectionStore((s) => s.error);
  const openNew = useConnectStore((s) => s.openNew);

  return (
    <header className="app-header">
      <span className="app-header__brand">Teamkeeper</span>
      <div className="app-header__team">
        {connection && <ConnectionSwitcher connection={connection} />}
        {connection?.kind === 'sandbox' && <span className="badge badge--sandbox">{SANDBOX_BADGE}</span>}
        {!connection && !loading && <span className="muted">{error ? `Couldn't reach the app: ${error.message}` : 'No team connected'}</span>}
        <ConnectionStatus />
      </div>
      <button type="button" className="button button--primary" onClick={openNew}>
        Connect your Dropbox team
      </button>
      <ConnectDialog />
    </header>
  );
}
