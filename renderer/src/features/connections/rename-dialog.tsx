import { useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { AppErrorInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useConnectionStore } from './connection-store.js';
import { connectionName } from './connection-names.js';
import { TextField } from '../../components/text-field.js';

interface Props {
  connection: ConnectionSummary | null;
  onClose(): void;
  /** Where focus goes back to: the teams button, since the menu item that opened this is gone. */
  onCloseAutoFocus(event: Event): void;
}

/** Rename a connection: only what Teamkeeper calls it, the Dropbox team keeps its name. */
export function RenameDialog({ connection, onClose, onCloseAutoFocus }: Props) {
  return (
    <Dialog.Root open={connection !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          {connection && <RenameForm key={connection.id} connection={connection} onDone={onClose} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RenameForm({ connection, onDone }: { connection: ConnectionSummary; onDone(): void }) {
  const [label, setLabel] = useState(connection.label);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const rename = useConnectionStore((s) => s.rename);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await rename(connection.id, label);
      onDone();
    } catch (err) {
      setError(toAppErrorInfo(err));
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Dialog.Title className="dialog__title">Rename {connectionName(connection)}</Dialog.Title>
      <Dialog.Description className="dialog__description">
        The name Teamkeeper shows for this team. Dropbox and the team&apos;s members see no change.
      </Dialog.Description>
      <TextField label="Name" value={label} onChange={setLabel} error={error} autoFocus />
      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          Cancel
        </Dialog.Close>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
