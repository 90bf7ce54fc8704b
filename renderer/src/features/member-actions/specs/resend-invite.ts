import type { MemberActionSpec } from '../action-spec.js';
import { ResendInviteForm } from '../forms/resend-invite-form.js';

export const resendInviteSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.resend-invite',
  label: 'Resend invite',
  destructive: false,
  appliesTo: (m) => m.status === 'invited',
  initialValues: () => ({}),
  toParams: (_v, member) => ({ member: member?.id ?? '' }),
  Form: ResendInviteForm,
};
