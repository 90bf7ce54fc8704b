import type { ConnectionState } from '../../../../preload/contract.js';
import { useConnectionStore } from '../../stores/connection-store.js';
import { ConnectTeamDialog } from './connect-team-dialog.js';

/** Which team this window is working on, and how to connect a real one. */
export function AppHeader() {
  const connection = useConnectionStore((s) => s.connection);
  const loading = useConnectionStore((s) => s.loading);
  const error = useConnectionStore((s) => s.error);
  const teamName = connection ? (connection.teamName ?? connection.label) : null;

  return (
    <header className="app-header">
      <span className="app-header__brand">Teamkeeper</span>
      <div className="app-header__team">
        {teamName && (
          <span className="app-header__team-name">{teamName}</span>
        )}
        {connection?.kind === 'sandbox' && <span className="badge badge--sandbox">Sandbox — practice data</span>}
        {!connection && !loading && <span className="muted">{error ? `Couldn't reach the app: ${error.message}` : 'No team connected'}</span>}
        {connection && connection.state !== 'connected' && (
          <span className="badge badge--state" role="status">
            {CONNECTION_STATES[connection.state]}
          </span>
        )}
      </div>
      <ConnectTeamDialog />
    </header>
  );
}

const CONNECTION_STATES: Record<Exclude<ConnectionState, 'connected'>, string> = {
  connecting: 'Connecting…',
  refreshing: 'Refreshing access…',
  needs_reauth: 'Sign in again',
  offline: 'Offline',
};
