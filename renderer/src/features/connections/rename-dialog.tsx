import { useState } from 'react';
import type { AppErrorInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useConnectionStore } from './connection-store.js';
import { connectionName } from './connection-names.js';
import { TextField } from '../../components/text-field.js';
import { DialogClose, DialogShell } from '../../components/dialog-shell.js';

interface Props {
  connection: ConnectionSummary | null;
  onClose(): void;
  /** Where focus goes back to: the teams button, since the menu item that opened this is gone. */
  fallbackFocus(): HTMLElement | null;
}

/** Rename a connection: only what Teamkeeper calls it, the Dropbox team keeps its name. */
export function RenameDialog({ connection, onClose, fallbackFocus }: Props) {
  return (
    <DialogShell
      open={connection !== null}
      onClose={onClose}
      title={connection ? `Rename ${connectionName(connection)}` : ''}
      description="The name Teamkeeper shows for this team. Dropbox and the team's members see no change."
      fallbackFocus={fallbackFocus}
    >
      {connection && <RenameForm key={connection.id} connection={connection} onDone={onClose} />}
    </DialogShell>
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
      <TextField label="Name" value={label} onChange={setLabel} error={error} autoFocus />
      <div className="dialog__actions">
        <DialogClose className="button" type="button">
          Cancel
        </DialogClose>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
