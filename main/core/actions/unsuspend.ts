import { trackedCall } from '../jobs/tracked-call.js';
import { memberAction, reread, skipOnTag } from './member-action.js';
import { byMemberId, licences, statusOf } from './member-reads.js';
import type { JobTeam } from '../jobs/job-kind.js';
import { unsuspendParams, type UnsuspendParams } from '../../../preload/contract/member-actions.js';


export const unsuspend = memberAction<UnsuspendParams, { licensed: number; provisioned: number }>({
  kind: 'member.unsuspend',
  label: 'Unsuspend',
  irreversible: false,
  confirmByEmail: false,
  params: unsuspendParams,
  prepare: (t: JobTeam) => licences(t.client),
  decide({ info, context }) {
    const status = statusOf(info);
    if (status === 'active') return { skip: 'Already active.', problems: [], calls: [], consequences: [] };
    const problems: string[] = [];
    if (status !== 'suspended') problems.push(status === 'invited' ? 'This member is invited, not suspended.' : 'A removed member cannot be unsuspended; recover them instead.');
    // A suspended member already holds a licence; Dropbox refuses only when the team is over its count.
    if (context.provisioned > context.licensed) problems.push(`The team uses ${context.provisioned} licences but has ${context.licensed}: free one up or add licences first.`);
    return {
      problems,
      calls: ['team/members/unsuspend'],
      consequences: [`${info.profile.name.display_name} can sign in again with their files as they were.`, 'Uses the licence the member already holds.', 'Reversible: suspend them again at any time.'],
    };
  },
  async run({ team, signal }, item) {
    try {
      const { requestId } = await trackedCall(team.client, 'team/members/unsuspend', 'write', (dbx, o) => dbx.teamMembersUnsuspend({ user: byMemberId(item.member!.id) }, o), { signal });
      return { outcome: 'done', ...(requestId ? { requestId } : {}) };
    } catch (err) {
      const skip = skipOnTag(err, { unsuspend_non_suspended_member: 'Already active.' });
      if (skip) return skip;
      throw err;
    }
  },
  async verify(team, item) {
    const info = await reread(team, item);
    return info && statusOf(info) === 'active' ? 'applied' : 'not_applied';
  },
  auditOptions: () => ({}),
});
