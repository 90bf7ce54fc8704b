import { useId } from 'react';
import { useConnectStore } from './connect-store.js';
import { CopyButton } from '../../components/copy-button.js';
import { DialogClose } from '../../components/dialog-shell.js';
import { SignInStorageNote } from './sign-in-storage-note.js';

const APP_CONSOLE_URL = 'https://www.dropbox.com/developers/apps';

/** Step 1: what to set up in the Dropbox App Console before Teamkeeper can sign in. */
export function ConnectGuide() {
  const id = useId();
  const guide = useConnectStore((s) => s.guide);
  const guideError = useConnectStore((s) => s.guideError);
  const showForm = useConnectStore((s) => s.showForm);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="connect__step-title">
        Step 1 of 2: create your Dropbox app
      </h3>
      <ol className="connect-guide">
        <li>
          Open the{' '}
          <a href={APP_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
            Dropbox App Console
          </a>{' '}
          as a team admin and choose <strong>Create app</strong>.
        </li>
        <li>
          Choose <strong>Scoped access</strong>, then <strong>Full Dropbox</strong> (or team access where offered), and give the
          app a name.
        </li>
        <li>
          On the app&apos;s <strong>Permissions</strong> tab, tick these scopes and press <strong>Submit</strong>:
          {guide ? (
            <ul className="scope-list" aria-label="Scopes to tick">
              {guide.scopes.map((scope) => (
                <li key={scope}>
                  <code>{scope}</code>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted"> {guideError ? guideError.message : 'loading…'}</span>
          )}
        </li>
        <li>
          On the <strong>Settings</strong> tab, add this address under <strong>OAuth 2 · Redirect URIs</strong>:
          {guide && (
            <div className="copy-field">
              <label htmlFor={`${id}-redirect`} className="visually-hidden">
                Redirect URI
              </label>
              <input id={`${id}-redirect`} className="input mono" readOnly value={guide.redirectUri} onFocus={(e) => e.target.select()} />
              <CopyButton text={guide.redirectUri} label="Copy the redirect URI" />
            </div>
          )}
        </li>
        <li>
          Copy the <strong>App key</strong> shown on the Settings tab.
        </li>
      </ol>
      <SignInStorageNote />
      <div className="dialog__actions">
        <DialogClose className="button">Close</DialogClose>
        <button type="button" className="button button--primary" onClick={showForm}>
          Next: enter the app key
        </button>
      </div>
    </section>
  );
}
