import { trackedCall } from '../jobs/tracked-call.js';
import { memberAction, reread } from './member-action.js';
import { byMemberId, statusOf } from './member-reads.js';
import { mustBeStatus } from './rules.js';
import { cancelInviteParams, type CancelInviteParams } from '../../../preload/contract/member-actions.js';


/** An invited member cannot be suspended, only removed: cancelling is members/remove of someone who never joined. */
export const cancelInvite = memberAction<CancelInviteParams>({
  kind: 'member.cancel-invite',
  label: 'Cancel invite',
  irreversible: false,
  confirmByEmail: false,
  params: cancelInviteParams,
  decide({ info }) {
    if (statusOf(info) === 'removed') return { skip: 'The invitation was already cancelled.', problems: [], calls: [], consequences: [] };
    const problem = mustBeStatus(info, ['invited'], `${info.profile.email} has already joined: remove them instead.`);
    return {
      problems: problem ? [problem] : [],
      calls: ['team/members/remove (wipe linked devices: off)'],
      consequences: ['The invitation link stops working.', 'Frees the licence.', 'Reversible in effect: invite them again at any time.'],
    };
  },
  async run({ team, signal }, item) {
    const { requestId } = await trackedCall(team.client, 'team/members/remove', 'write', (dbx, o) => dbx.teamMembersRemove({ user: byMemberId(item.member!.id), wipe_data: false }, o), { signal });
    return { outcome: 'done', ...(requestId ? { requestId } : {}) };
  },
  async verify(team, item) {
    const info = await reread(team, item);
    return !info || statusOf(info) === 'removed' ? 'applied' : 'not_applied';
  },
  auditOptions: () => ({}),
});
