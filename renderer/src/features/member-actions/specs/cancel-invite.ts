import type { MemberActionSpec } from '../action-spec.js';
import { CancelInviteForm } from '../forms/cancel-invite-form.js';

export const cancelInviteSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.cancel-invite',
  label: 'Cancel invite',
  destructive: false,
  appliesTo: (m) => m.status === 'invited',
  initialValues: () => ({}),
  toParams: (_v, member) => ({ member: member?.id ?? '' }),
  Form: CancelInviteForm,
};
