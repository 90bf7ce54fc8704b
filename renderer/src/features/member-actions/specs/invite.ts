import type { MemberActionSpec } from '../action-spec.js';
import { InviteForm, type InviteValues } from '../forms/invite-form.js';
import { NO_ROLE } from '../forms/role-options.js';
import { withoutEmpty } from './without-empty.js';

/** Offered from the directory toolbar, not from a member. */
export const inviteSpec: MemberActionSpec<InviteValues> = {
  kind: 'member.invite',
  label: 'Invite member',
  runLabel: 'Send invite',
  destructive: false,
  appliesTo: () => false,
  describe: () => 'Add someone to the team. Nothing is sent until you have reviewed the plan and confirmed.',
  initialValues: () => ({ email: '', givenName: '', surname: '', roleId: NO_ROLE, externalId: '', sendWelcomeEmail: true }),
  toParams: (v) => ({
    ...withoutEmpty({ givenName: v.givenName, surname: v.surname, externalId: v.externalId, roleId: v.roleId }),
    email: v.email.trim(),
    sendWelcomeEmail: v.sendWelcomeEmail,
  }),
  Form: InviteForm,
};
