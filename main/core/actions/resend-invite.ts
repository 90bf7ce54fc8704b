import { trackedCall } from '../jobs/tracked-call.js';
import { memberAction } from './member-action.js';
import { byMemberId, statusOf } from './member-reads.js';
import { mustBeStatus } from './rules.js';
import { resendInviteParams, type ResendInviteParams } from '../../../preload/contract/member-actions.js';


export const resendInvite = memberAction<ResendInviteParams>({
  kind: 'member.resend-invite',
  label: 'Resend invite',
  irreversible: false,
  confirmByEmail: false,
  params: resendInviteParams,
  decide({ info }) {
    const problem = mustBeStatus(info, ['invited'], statusOf(info) === 'active' ? `${info.profile.email} has already joined: there is no invitation to resend.` : `${info.profile.email} is not invited.`);
    return { problems: problem ? [problem] : [], calls: ['team/members/send_welcome_email'], consequences: [`Dropbox emails the invitation to ${info.profile.email} again.`] };
  },
  async run({ team, signal }, item) {
    const { requestId } = await trackedCall(team.client, 'team/members/send_welcome_email', 'write', (dbx, o) => dbx.teamMembersSendWelcomeEmail(byMemberId(item.member!.id), o), { signal });
    return { outcome: 'done', ...(requestId ? { requestId } : {}) };
  },
  // Dropbox shows no trace of a sent email; a second email would be worse than none, so an unknown send counts as sent.
  verify: async () => 'applied',
  auditOptions: () => ({}),
});
