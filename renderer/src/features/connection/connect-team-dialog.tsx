import * as Dialog from '@radix-ui/react-dialog';

/** "Connect your Dropbox team": one click away from everywhere; the connect flow itself comes in a later version. */
export function ConnectTeamDialog() {
  return (
    <Dialog.Root>
      <Dialog.Trigger className="button button--primary">Connect your Dropbox team</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">Connect your Dropbox team</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Connecting a real Dropbox team comes next. Until then Teamkeeper runs on the sandbox team: practice data on
            this computer only, so you can try every screen without touching real people.
          </Dialog.Description>
          <p>
            You will sign in as a team admin in your browser and approve Teamkeeper&apos;s access. Nothing leaves this
            computer except the calls to Dropbox itself.
          </p>
          <div className="dialog__actions">
            <Dialog.Close className="button">Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
