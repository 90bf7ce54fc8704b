import type { AppErrorInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { useConnectStore } from './connect-store.js';
import { licenseUse } from './connection-names.js';
import { SignInStorageNote } from './sign-in-storage-note.js';
import { DialogClose } from '../../components/dialog-shell.js';

/** Connected: which team, how full it is, and who signed in — so the admin can tell it is the right one. */
export function ConnectDone({ connection }: { connection: ConnectionSummary }) {
  const team = connection.teamName ?? connection.label;
  const licenses = licenseUse(connection.licenses);
  return (
    <div>
      <div role="status">
        <h3 className="connect__step-title">Connected to {team}</h3>
        <dl className="facts">
          <dt>Team</dt>
          <dd>{team}</dd>
          {licenses && (
            <>
              <dt>Licenses</dt>
              <dd>{licenses}</dd>
            </>
          )}
          {connection.admin && (
            <>
              <dt>Connected by</dt>
              <dd>
                {connection.admin.name} ({connection.admin.email})
              </dd>
            </>
          )}
        </dl>
      </div>
      <SignInStorageNote />
      <div className="dialog__actions">
        <DialogClose className="button button--primary" autoFocus>
          Show {team}</DialogClose>
      </div>
    </div>
  );
}

export function ConnectFailed({ error }: { error: AppErrorInfo }) {
  const showForm = useConnectStore((s) => s.showForm);
  return (
    <div>
      <div role="alert">
        <h3 className="connect__step-title connect__step-title--error">Couldn&apos;t connect</h3>
        <p>{error.message}</p>
      </div>
      <div className="dialog__actions">
        <DialogClose className="button">Close</DialogClose>
        <button type="button" className="button button--primary" autoFocus onClick={showForm}>
          Try again
        </button>
      </div>
    </div>
  );
}
