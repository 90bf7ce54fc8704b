import { useState } from 'react';
import type { AppErrorInfo, ConnectAttempt } from '../../../../preload/contract.js';
import { useConnectStore } from './connect-store.js';
import { TextField } from '../../components/text-field.js';
import { webUrl } from './open-consent-page.js';

/** In case the new tab was blocked or closed: the same page, one click away. */
function ConsentLink({ attempt }: { attempt: ConnectAttempt }) {
  const href = webUrl(attempt.authorizeUrl);
  if (!href) return null;
  return (
    <p className="muted">
      {attempt.opened ? 'Dropbox opened in your browser. ' : 'No Dropbox tab? '}
      <a href={href} target="_blank" rel="noopener noreferrer">
        Open the Dropbox page
      </a>
    </p>
  );
}

/** Loopback: the admin approves in the browser; Dropbox's redirect to the app ends the wait. */
export function ConnectWaiting({ attempt }: { attempt: ConnectAttempt }) {
  const cancelAttempt = useConnectStore((s) => s.cancelAttempt);
  return (
    <div>
      <div className="connect__waiting" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>Waiting for you to approve Teamkeeper in Dropbox…</span>
      </div>
      <ConsentLink attempt={attempt} />
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={cancelAttempt}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Paste fallback: Dropbox shows a code after the admin approves; it comes back here. */
export function ConnectPasteCode({ attempt, busy, error }: { attempt: ConnectAttempt; busy: boolean; error: AppErrorInfo | null }) {
  const [code, setCode] = useState('');
  const { submitCode, cancelAttempt } = useConnectStore.getState();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submitCode(code);
      }}
    >
      <p>Approve Teamkeeper in Dropbox, then copy the code Dropbox shows and paste it here.</p>
      <ConsentLink attempt={attempt} />
      <TextField label="Authorization code" value={code} onChange={setCode} error={error} code autoFocus />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={cancelAttempt}>
          Start over
        </button>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
