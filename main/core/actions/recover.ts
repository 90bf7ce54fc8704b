import { trackedCall } from '../jobs/tracked-call.js';
import type { JobTeam } from '../jobs/job-kind.js';
import { memberAction, reread } from './member-action.js';
import { byMemberId, licences, statusOf } from './member-reads.js';
import { recoverParams, type RecoverParams } from '../../../preload/contract/member-actions.js';


export const recover = memberAction<RecoverParams, { free: number }>({
  kind: 'member.recover',
  label: 'Recover',
  irreversible: false,
  confirmByEmail: false,
  params: recoverParams,
  prepare: async (t: JobTeam) => {
    const l = await licences(t.client);
    return { free: l.licensed - l.provisioned };
  },
  decide({ info, context }) {
    const status = info.profile.status;
    if (status['.tag'] !== 'removed') return { skip: 'Already on the team.', problems: [], calls: [], consequences: [] };
    const problems: string[] = [];
    if (status.is_disconnected) problems.push(`${info.profile.email} kept their account as a personal Basic account when removed, so cannot be recovered.`);
    else if (!status.is_recoverable) problems.push(`${info.profile.email} cannot be recovered: more than 7 days have passed since the removal, or their files were transferred or deleted.`);
    if (context.free <= 0) problems.push('Recovering needs a free licence, and the team has none: free one up or add licences first.');
    if (problems.length === 0) context.free--;
    return {
      problems,
      calls: ['team/members/recover'],
      consequences: [`${info.profile.name.display_name} is back on the team with their files; group memberships are not restored.`, 'Uses a licence.'],
    };
  },
  async run({ team, signal }, item) {
    const { requestId } = await trackedCall(team.client, 'team/members/recover', 'write', (dbx, o) => dbx.teamMembersRecover({ user: byMemberId(item.member!.id) }, o), { signal });
    return { outcome: 'done', ...(requestId ? { requestId } : {}) };
  },
  async verify(team, item) {
    const info = await reread(team, item);
    return info && statusOf(info) !== 'removed' ? 'applied' : 'not_applied';
  },
  auditOptions: () => ({}),
});
