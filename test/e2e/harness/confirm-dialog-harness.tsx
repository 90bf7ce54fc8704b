import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfirmDialog } from '../../../renderer/src/components/confirm-dialog.js';

/**
 * The confirm dialog alone on a page, as an action would use it with "type
 * the name to confirm"; window.__confirmed counts the confirmations.
 */
function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <h1>Confirm dialog</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Remove Acme
      </button>
      <ConfirmDialog
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          (window as unknown as { __confirmed: number }).__confirmed++;
          setOpen(false);
        }}
        title="Remove Acme?"
        description="Acme loses access to every team folder."
        confirmLabel="Remove"
        destructive
        confirmPhrase="Acme"
      />
    </main>
  );
}

(window as unknown as { __confirmed: number }).__confirmed = 0;
createRoot(document.getElementById('root')!).render(<Harness />);
