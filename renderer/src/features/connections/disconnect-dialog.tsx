import { useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { AppErrorInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useConnectionStore } from './connection-store.js';
import { connectionName, secondaryTeamName } from './connection-names.js';

interface Props {
  connection: ConnectionSummary | null;
  onClose(): void;
  onCloseAutoFocus(event: Event): void;
}

/** Confirms a disconnect, naming the team: it signs Teamkeeper out of that team for good. */
export function DisconnectDialog({ connection, onClose, onCloseAutoFocus }: Props) {
  return (
    <Dialog.Root open={connection !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" role="alertdialog" onCloseAutoFocus={onCloseAutoFocus}>
          {connection && <ConfirmDisconnect key={connection.id} connection={connection} onDone={onClose} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ConfirmDisconnect({ connection, onDone }: { connection: ConnectionSummary; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const disconnect = useConnectionStore((s) => s.disconnect);
  const name = connectionName(connection);
  const teamName = secondaryTeamName(connection);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await disconnect(connection.id);
      onDone();
    } catch (err) {
      setError(toAppErrorInfo(err));
      setBusy(false);
    }
  };

  return (
    <>
      <Dialog.Title className="dialog__title">Disconnect {name}?</Dialog.Title>
      <Dialog.Description className="dialog__description">Teamkeeper will revoke its access and forget the token.</Dialog.Description>
      <p>
        {teamName && `${name} is the Dropbox team “${teamName}”. `}You can connect the team again later with your app key.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog__actions">
        <Dialog.Close className="button" autoFocus>
          Cancel
        </Dialog.Close>
        <button type="button" className="button button--danger" aria-disabled={busy} onClick={() => void confirm()}>
          {busy ? 'Disconnecting…' : 'Disconnect'}
        </button>
      </div>
    </>
  );
}
