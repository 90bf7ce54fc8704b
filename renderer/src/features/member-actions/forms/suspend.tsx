import type { MemberActionSpec, ActionFormProps } from '../action-spec.js';
import type { SuspendParams } from '../../../../../preload/contract/member-actions.js';
import { WipeDevicesField } from './wipe-devices-field.js';

export interface SuspendValues {
  wipeData: boolean;
}

function SuspendForm({ values, onChange, errors, idPrefix }: ActionFormProps<SuspendValues>) {
  return (
    <>
      <p>They are signed out everywhere and cannot sign in until unsuspended; their files stay in their account. The licence stays in use while they are suspended.</p>
      <WipeDevicesField id={`${idPrefix}-wipeData`} checked={values.wipeData} onChange={(wipeData) => onChange({ wipeData })} error={errors.wipeData} />
    </>
  );
}

/** Only active members: an invite is cancelled, not suspended. */
export const suspendSpec: MemberActionSpec<SuspendValues> = {
  kind: 'member.suspend',
  label: 'Suspend',
  destructive: true,
  appliesTo: (m) => m.status === 'active',
  // Dropbox wipes by default; the form starts with the choice that loses nothing.
  initialValues: () => ({ wipeData: false }),
  toParams: (values, member): SuspendParams => ({ member: member?.id ?? '', wipeData: values.wipeData }),
  Form: SuspendForm,
};
