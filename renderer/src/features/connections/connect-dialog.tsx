import { useConnectStore } from './connect-store.js';
import { DialogShell } from '../../components/dialog-shell.js';
import { ConnectGuide } from './connect-guide.js';
import { ConnectForm } from './connect-form.js';
import { ConnectPasteCode, ConnectWaiting } from './connect-progress.js';
import { ConnectDone, ConnectFailed } from './connect-outcome.js';

/**
 * Connecting a team (or signing in to one again): opened from the header,
 * the teams menu or the re-authorisation banner, so its state lives in a store.
 * `fallbackFocus`: where focus lands when what opened the dialog has gone
 * (the teams panel closed, the sign-in banner cleared).
 */
export function ConnectDialog({ fallbackFocus }: { fallbackFocus(): HTMLElement | null }) {
  const open = useConnectStore((s) => s.open);
  const reconnect = useConnectStore((s) => s.reconnect);
  const step = useConnectStore((s) => s.step);
  const close = useConnectStore((s) => s.close);
  const title = reconnect ? `Sign in to ${reconnect.name} again` : 'Connect your Dropbox team';

  return (
    <DialogShell
      open={open}
      onClose={close}
      title={title}
      className="dialog dialog--connect"
      fallbackFocus={fallbackFocus}
      description="You sign in as a team admin in your browser with your own Dropbox app. Teamkeeper keeps the access on this computer and talks only to Dropbox."
    >
      {step.kind === 'guide' && <ConnectGuide />}
      {step.kind === 'form' && <ConnectForm />}
      {step.kind === 'waiting' && <ConnectWaiting attempt={step.attempt} />}
      {step.kind === 'paste' && <ConnectPasteCode key={step.attempt.attemptId} attempt={step.attempt} busy={step.busy} error={step.error} />}
      {step.kind === 'done' && <ConnectDone connection={step.connection} />}
      {step.kind === 'failed' && <ConnectFailed error={step.error} />}
    </DialogShell>
  );
}
