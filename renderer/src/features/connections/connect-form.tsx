import { useId } from 'react';
import { useConnectStore, type ConnectMode } from './connect-store.js';
import { TextField } from '../../components/text-field.js';
import { DialogClose } from '../../components/dialog-shell.js';

const MODES: Array<{ value: ConnectMode; label: string; hint: string }> = [
  {
    value: 'loopback',
    label: 'Redirect to this app (recommended)',
    hint: 'Dropbox sends you back to Teamkeeper by itself. Needs the redirect URI registered.',
  },
  { value: 'paste', label: "I'll paste a code", hint: 'Dropbox shows a code to copy here. Works without a redirect URI.' },
];

/** Step 2: the app key, and how Dropbox hands the sign-in back. */
export function ConnectForm() {
  const id = useId();
  const appKey = useConnectStore((s) => s.appKey);
  const mode = useConnectStore((s) => s.mode);
  const step = useConnectStore((s) => s.step);
  const reconnecting = useConnectStore((s) => s.reconnect !== null);
  const { setAppKey, setMode, start, openNew } = useConnectStore.getState();
  const busy = step.kind === 'form' && step.busy;
  const error = step.kind === 'form' ? step.error : null;
  const keyError = error?.code === 'invalid_argument';

  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <h3 id={`${id}-title`} className="connect__step-title">
        {reconnecting ? 'Sign in with your app key' : 'Step 2 of 2: sign in with your app'}
      </h3>
      <TextField
        label="App key"
        value={appKey}
        onChange={setAppKey}
        error={error}
        invalid={keyError}
        hint="From your app's Settings tab in the Dropbox App Console."
        code
        autoFocus
      />
      <fieldset className="fieldset">
        <legend>After you approve in Dropbox</legend>
        {MODES.map((m) => (
          <label key={m.value} className="choice">
            <input type="radio" name={`${id}-mode`} value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} />
            <span>
              {m.label}
              <span className="choice__hint">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dialog__actions">
        <DialogClose className="button" type="button">
          Close
        </DialogClose>
        {!reconnecting && (
          <button type="button" className="button" onClick={openNew}>
            Back to the guide
          </button>
        )}
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? 'Opening Dropbox…' : 'Continue in browser'}
        </button>
      </div>
    </form>
  );
}
