import type { MemberActionSpec } from '../action-spec.js';
import type { SuspendParams } from '../../../../../preload/contract/member-actions.js';
import { SuspendForm, type SuspendValues } from '../forms/suspend-form.js';

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
