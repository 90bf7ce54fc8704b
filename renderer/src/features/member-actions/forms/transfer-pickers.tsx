import { useMemo } from 'react';
import type { MemberRow } from '../../../../../preload/contract.js';
import { canHearAboutTransfer, canReceiveFiles, colleaguesWhere } from './colleague-choices.js';
import { ColleaguePicker } from './colleague-picker.js';

export interface TransferChoice {
  transferTo: string;
  transferAdmin: string;
}

/**
 * Who receives a leaver's files and which admin hears of transfer errors: the
 * two colleagues Dropbox asks for together, whether the files move at removal
 * or later.
 */
export function TransferPickers({
  leaver,
  members,
  idPrefix,
  values,
  errors,
  onChange,
}: {
  leaver: MemberRow | undefined;
  members: readonly MemberRow[];
  idPrefix: string;
  values: TransferChoice;
  errors: Readonly<Record<string, string>>;
  onChange(patch: Partial<TransferChoice>): void;
}) {
  const leaverId = leaver?.id;
  const receivers = useMemo(() => colleaguesWhere(members, (m) => canReceiveFiles(m, leaverId)), [members, leaverId]);
  const admins = useMemo(() => colleaguesWhere(members, (m) => canHearAboutTransfer(m, leaverId)), [members, leaverId]);
  return (
    <>
      <ColleaguePicker
        id={`${idPrefix}-transferTo`}
        label="Transfer the files to"
        colleagues={receivers}
        value={values.transferTo}
        onChange={(transferTo) => onChange({ transferTo })}
        hint="An active member with a verified email address."
        error={errors.transferTo}
      />
      <ColleaguePicker
        id={`${idPrefix}-transferAdmin`}
        label="Admin told about transfer errors"
        colleagues={admins}
        value={values.transferAdmin}
        onChange={(transferAdmin) => onChange({ transferAdmin })}
        hint="An active member with an admin role; Dropbox emails them if part of the transfer fails."
        error={errors.transferAdmin}
      />
    </>
  );
}
