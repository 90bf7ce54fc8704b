import type { ActionFormProps } from '../action-spec.js';
import { WipeDevicesField } from './wipe-devices-field.js';

export interface SuspendValues {
  wipeData: boolean;
}

export function SuspendForm({ values, onChange, errors, idPrefix }: ActionFormProps<SuspendValues>) {
  return (
    <>
      <p>They are signed out everywhere and cannot sign in until unsuspended; their files stay in their account. The licence stays in use while they are suspended.</p>
      <WipeDevicesField id={`${idPrefix}-wipeData`} checked={values.wipeData} onChange={(wipeData) => onChange({ wipeData })} error={errors.wipeData} />
    </>
  );
}
