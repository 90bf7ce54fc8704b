import { useState } from 'react';
import type { AppErrorInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useConnectionStore } from './connection-store.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { connectionName, secondaryTeamName } from './connection-names.js';

interface Props {
  connection: ConnectionSummary | null;
  onClose(): void;
  /** Where focus goes back to: the teams button, since the menu item that opened this is gone. */
  fallbackFocus(): HTMLElement | null;
}

/** Confirms a disconnect, naming the team: it signs Teamkeeper out of that team for good. */
export function DisconnectDialog({ connection, onClose, fallbackFocus }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const disconnect = useConnectionStore((s) => s.disconnect);
  const name = connection ? connectionName(connection) : '';
  const teamName = connection ? secondaryTeamName(connection) : undefined;

  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!connection || busy) return;
    setBusy(true);
    setError(null);
    try {
      await disconnect(connection.id);
      close();
    } catch (err) {
      setError(toAppErrorInfo(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={connection !== null}
      onCancel={close}
      onConfirm={confirm}
      title={`Disconnect ${name}?`}
      description="Teamkeeper will revoke its access and forget the token."
      confirmLabel="Disconnect"
      busyLabel="Disconnecting…"
      destructive
      busy={busy}
      error={error}
      fallbackFocus={fallbackFocus}
    >
      <p>
        {teamName && `${name} is the Dropbox team “${teamName}”. `}You can connect the team again later with your app key.
      </p>
    </ConfirmDialog>
  );
}
