import { useMemo } from 'react';
import type { ActionFormProps } from '../action-spec.js';
import { canHearAboutTransfer, canReceiveFiles, colleaguesWhere } from './colleague-choices.js';
import { ColleaguePicker } from './colleague-picker.js';

export interface TransferLaterValues {
  transferTo: string;
  transferAdmin: string;
}

export function TransferLaterForm({ member, values, onChange, errors, members, idPrefix }: ActionFormProps<TransferLaterValues>) {
  const leaverId = member?.id;
  const receivers = useMemo(() => colleaguesWhere(members, (m) => canReceiveFiles(m, leaverId)), [members, leaverId]);
  const admins = useMemo(() => colleaguesWhere(members, (m) => canHearAboutTransfer(m, leaverId)), [members, leaverId]);
  return (
    <>
      <p>Every file left in the removed account moves into a folder in the colleague&apos;s Dropbox. Cannot be undone: afterwards the member can no longer be recovered.</p>
      <ColleaguePicker
        id={`${idPrefix}-transferTo`}
        label="Transfer the files to"
        colleagues={receivers}
        value={values.transferTo}
        onChange={(transferTo) => onChange({ ...values, transferTo })}
        hint="An active member with a verified email address."
        error={errors.transferTo}
      />
      <ColleaguePicker
        id={`${idPrefix}-transferAdmin`}
        label="Admin told about transfer errors"
        colleagues={admins}
        value={values.transferAdmin}
        onChange={(transferAdmin) => onChange({ ...values, transferAdmin })}
        hint="An active member with an admin role; Dropbox emails them if part of the transfer fails."
        error={errors.transferAdmin}
      />
    </>
  );
}
