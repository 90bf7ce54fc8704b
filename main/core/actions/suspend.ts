import { trackedCall } from '../jobs/tracked-call.js';
import { readAdminContext, type AdminContext } from './admin-context.js';
import { memberAction, reread } from './member-action.js';
import { byMemberId, statusOf } from './member-reads.js';
import { dropAdmin, mustBeStatus, notLastTeamAdmin, notYourself } from './rules.js';
import { suspendParams, type SuspendParams } from '../../../preload/contract/member-actions.js';


export const suspend = memberAction<SuspendParams, AdminContext>({
  kind: 'member.suspend',
  label: 'Suspend',
  irreversible: false,
  confirmByEmail: false,
  params: suspendParams,
  prepare: readAdminContext,
  decide({ input, info, admin, context }) {
    if (statusOf(info) === 'suspended') return { skip: 'Already suspended.', problems: [], calls: [], consequences: [] };
    const problems = [
      mustBeStatus(info, ['active'], statusOf(info) === 'invited' ? 'An invited member cannot be suspended, only removed (cancel the invite).' : 'A removed member cannot be suspended.'),
      notYourself(info, admin, 'suspend'),
      notLastTeamAdmin(info, context.admins, context.teamAdminRoleId, 'suspend'),
    ].filter((p): p is string => p !== undefined);
    if (problems.length === 0) dropAdmin(context.admins, info);
    return {
      problems,
      calls: [`team/members/suspend (wipe linked devices: ${input.wipeData ? 'on' : 'off'})`],
      consequences: [
        `${info.profile.name.display_name} is signed out everywhere and cannot sign in; their files stay in their account.`,
        input.wipeData ? 'Linked computers and phones delete their copies of Dropbox files at their next connection.' : 'Files already on linked computers and phones stay there.',
        'The licence stays in use while the member is suspended.',
        'Reversible: unsuspend them at any time.',
      ],
    };
  },
  async run({ team, signal }, item) {
    const { requestId } = await trackedCall(team.client, 'team/members/suspend', 'write', (dbx, o) => dbx.teamMembersSuspend({ user: byMemberId(item.member!.id), wipe_data: item.input.wipeData }, o), { signal });
    return { outcome: 'done', ...(requestId ? { requestId } : {}) };
  },
  async verify(team, item) {
    const info = await reread(team, item);
    return info && statusOf(info) === 'suspended' ? 'applied' : 'not_applied';
  },
  auditOptions: ({ wipeData }) => ({ wipeData }),
});
