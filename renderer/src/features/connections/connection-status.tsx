import { useBackendLink } from '../../bridge/backend-link.js';
import { useConnectionStore } from './connection-store.js';
import { useConnectStore } from './connect-store.js';
import { CONNECTION_STATE_LABELS, connectionName } from './connection-names.js';

/**
 * The connection's state in the header. Always mounted, so screen readers
 * hear "Offline — retrying" and the return to "Connected".
 */
export function ConnectionStatus() {
  const state = useConnectionStore((s) => s.connection?.state);
  // Without the back end, the team's last known state is no longer news: say what is.
  const backendLost = useBackendLink((s) => s.lost);
  if (backendLost) {
    return (
      <span role="status" className="connection-state connection-state--needs_reauth">
        {BACKEND_LOST_LABEL}
      </span>
    );
  }
  return (
    <span role="status" className={`connection-state connection-state--${state ?? 'none'}`}>
      {state ? CONNECTION_STATE_LABELS[state] : ''}
    </span>
  );
}

export const BACKEND_LOST_LABEL = 'Lost contact with Teamkeeper';

/** This page can no longer reach Teamkeeper's back end (browser mode): why, and the way back. */
function BackendLost({ message }: { message: string }) {
  return (
    <div className="banner banner--error app-banner" role="alert">
      <span>{message}</span>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}

/** Under the header while the team cannot be used: why, and the way out when the admin has to act. */
export function ConnectionProblem() {
  const connection = useConnectionStore((s) => s.connection);
  const openReconnect = useConnectStore((s) => s.openReconnect);
  const backend = useBackendLink();
  if (backend.lost) return <BackendLost message={backend.message} />;
  if (!connection) return null;

  if (connection.state === 'needs_reauth') {
    return (
      <div className="banner banner--error app-banner" role="alert">
        <span>{connection.problem?.message ?? `Sign in to ${connectionName(connection)} again.`}</span>
        {connection.kind === 'dropbox' && (
          <button type="button" className="button button--primary" onClick={() => openReconnect(connection)}>
            Sign in again
          </button>
        )}
      </div>
    );
  }
  if (connection.state === 'offline') {
    return (
      <div className="banner banner--warning app-banner">
        <span>{connection.problem?.message ?? "Can't reach Dropbox."} Teamkeeper keeps trying and reconnects by itself.</span>
      </div>
    );
  }
  return null;
}
