import * as Dialog from '@radix-ui/react-dialog';
import { useConnectStore } from './connect-store.js';
import { ConnectGuide } from './connect-guide.js';
import { ConnectForm } from './connect-form.js';
import { ConnectPasteCode, ConnectWaiting } from './connect-progress.js';
import { ConnectDone, ConnectFailed } from './connect-outcome.js';

/**
 * Connecting a team (or signing in to one again): opened from the header,
 * the teams menu or the re-authorisation banner, so its state lives in a store.
 */
export function ConnectDialog() {
  const open = useConnectStore((s) => s.open);
  const reconnect = useConnectStore((s) => s.reconnect);
  const step = useConnectStore((s) => s.step);
  const close = useConnectStore((s) => s.close);
  const title = reconnect ? `Sign in to ${reconnect.name} again` : 'Connect your Dropbox team';

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--connect">
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            You sign in as a team admin in your browser with your own Dropbox app. Teamkeeper keeps the access on this computer
            and talks only to Dropbox.
          </Dialog.Description>
          {step.kind === 'guide' && <ConnectGuide />}
          {step.kind === 'form' && <ConnectForm />}
          {step.kind === 'waiting' && <ConnectWaiting attempt={step.attempt} />}
          {step.kind === 'paste' && <ConnectPasteCode key={step.attempt.attemptId} attempt={step.attempt} busy={step.busy} error={step.error} />}
          {step.kind === 'done' && <ConnectDone connection={step.connection} />}
          {step.kind === 'failed' && <ConnectFailed error={step.error} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
