import type { ActionFormProps } from '../action-spec.js';
import { TransferPickers, type TransferChoice } from './transfer-pickers.js';

export type TransferLaterValues = TransferChoice;

export function TransferLaterForm({ member, values, onChange, errors, members, idPrefix }: ActionFormProps<TransferLaterValues>) {
  return (
    <>
      <p>Every file left in the removed account moves into a folder in the colleague&apos;s Dropbox. Cannot be undone: afterwards the member can no longer be recovered.</p>
      <TransferPickers leaver={member} members={members} idPrefix={idPrefix} values={values} errors={errors} onChange={(patch) => onChange({ ...values, ...patch })} />
    </>
  );
}
