import type { team } from 'dropbox';
import { pollAsyncJob } from '../dropbox/poll-async-job.js';
import { trackedCall } from '../jobs/tracked-call.js';
import { readAdminContext, type AdminContext } from './admin-context.js';
import { memberAction, reread } from './member-action.js';
import { byMemberId, normalKey, roleIdsOf, selectorOf, statusOf, type MemberInfo } from './member-reads.js';
import { dropAdmin, notLastTeamAdmin, notYourself } from './rules.js';
import { removeParams, type RemoveParams } from '../../../preload/contract/member-actions.js';


const RECOVER_DAYS = 7;

function transferProblems(info: MemberInfo, dest: MemberInfo | undefined, admin: MemberInfo | undefined, p: RemoveParams): string[] {
  const out: string[] = [];
  if (p.transferTo === undefined) return out;
  if (!dest) out.push(`No member ${p.transferTo} is on this team to receive the files.`);
  else if (dest.profile.team_member_id === info.profile.team_member_id) out.push('Files cannot be transferred to the member who is being removed.');
  else if (statusOf(dest) !== 'active') out.push(`${dest.profile.email} is not an active member and cannot receive the files.`);
  else if (!dest.profile.email_verified) out.push(`${dest.profile.email} has not verified their email address and cannot receive the files.`);
  if (!admin) out.push(`No member ${p.transferAdmin} is on this team to be told about transfer problems.`);
  else if (admin.profile.team_member_id === info.profile.team_member_id) out.push('The admin told about transfer problems cannot be the member who is being removed.');
  else if (statusOf(admin) !== 'active') out.push(`${admin.profile.email} is not an active member.`);
  else if (roleIdsOf(admin).length === 0) out.push(`${admin.profile.email} is not an admin, so cannot be told about transfer problems.`);
  return out;
}

export const remove = memberAction<RemoveParams, AdminContext>({
  kind: 'member.remove',
  label: 'Remove',
  irreversible: false,
  confirmByEmail: true,
  params: removeParams,
  alsoRead: (p) => [p.transferTo, p.transferAdmin].filter((k): k is string => k !== undefined),
  prepare: readAdminContext,
  decide({ input, info, admin, context, others }) {
    const status = statusOf(info);
    if (status === 'removed') return { skip: 'Already removed.', problems: [], calls: [], consequences: [] };
    const problems = [notYourself(info, admin, 'remove'), notLastTeamAdmin(info, context.admins, context.teamAdminRoleId, 'remove')].filter((p): p is string => p !== undefined);
    if (input.keepAccount && status === 'invited') problems.push('An invited member who never joined has no account to keep.');
    if (input.keepAccount && context.teamAdminRoleId && !context.admins.has(admin.teamMemberId)) problems.push(`Only a Team admin can leave a removed member a Basic account, and ${admin.email} is not one.`);
    const dest = input.transferTo ? others.get(normalKey(input.transferTo)) : undefined;
    const transferAdmin = input.transferAdmin ? others.get(normalKey(input.transferAdmin)) : undefined;
    problems.push(...transferProblems(info, dest, transferAdmin, input));
    if (problems.length === 0) dropAdmin(context.admins, info);

    const name = info.profile.name.display_name;
    const until = new Date(Date.now() + RECOVER_DAYS * 86_400_000).toISOString().slice(0, 10);
    const consequences = [`${name} loses access to the team and its shared folders.`, 'Frees the licence.'];
    consequences.push(input.wipeData ? 'Linked computers and phones delete their copies of Dropbox files.' : 'Files already on linked computers and phones stay there.');
    const options: string[] = [`wipe linked devices: ${input.wipeData ? 'on' : 'off'}`];
    if (dest) {
      consequences.push(`All files move now to ${dest.profile.email} (in a folder named after ${name}); ${transferAdmin?.profile.email} hears about any transfer errors.`);
      consequences.push('Cannot be undone: after a transfer the member cannot be recovered.');
      options.push(`transfer to ${dest.profile.email}`);
    } else if (input.permanentlyDeleteFiles) {
      consequences.push("The member's files are permanently deleted. Cannot be undone: they cannot be recovered.");
      options.push('permanently delete files');
    } else if (input.keepAccount) {
      consequences.push(`The person keeps a personal Dropbox Basic account under ${info.profile.email}, with the files not restricted to the team${input.retainTeamShares ? ', and keeps folders shared with them directly' : ''}.`);
      consequences.push('Cannot be undone: a member who kept their account cannot be recovered.');
      // Dropbox does not let an app read legal holds, pending terms of service or (without more scopes) the sharing policy ahead.
      consequences.push(
        `Dropbox refuses to leave an account to a member under a legal hold or who must first accept new terms of service${input.retainTeamShares ? ', and refuses to keep team shares while the team does not allow sharing outside it' : ''}; Teamkeeper cannot check this before sending, so if it applies the removal fails and nothing changes.`,
      );
      options.push(input.retainTeamShares ? 'keep account with team shares' : 'keep account');
    } else {
      consequences.push(`Files stay with the removed account: transfer them later, or recover the member within ${RECOVER_DAYS} days (until ${until}).`);
    }
    return { problems, calls: [`team/members/remove (${options.join(', ')})`, ...(dest ? ['team/members/remove/job_status/get until the transfer completes'] : [])], consequences };
  },
  async run({ team, signal, asyncJobId, noteAsyncJob }, item) {
    let requestId: string | undefined;
    let jobId = asyncJobId;
    if (!jobId) {
      const p = item.input;
      const arg: team.MembersRemoveArg = { user: byMemberId(item.member!.id), wipe_data: p.wipeData, keep_account: p.keepAccount, retain_team_shares: p.retainTeamShares, permanently_delete_files: p.permanentlyDeleteFiles };
      if (p.transferTo) arg.transfer_dest_id = selectorOf(p.transferTo);
      if (p.transferAdmin) arg.transfer_admin_id = selectorOf(p.transferAdmin);
      const launched = await trackedCall(team.client, 'team/members/remove', 'write', (dbx, o) => dbx.teamMembersRemove(arg, o), { signal });
      requestId = launched.requestId;
      if (launched.result['.tag'] !== 'async_job_id') return { outcome: 'done', ...(requestId ? { requestId } : {}) };
      jobId = launched.result.async_job_id;
      await noteAsyncJob(jobId);
    }
    await pollAsyncJob(team.client, 'members_remove', jobId, { signal });
    return { outcome: 'done', detail: 'Dropbox finished the removal job.', ...(requestId ? { requestId } : {}) };
  },
  async verify(team, item) {
    const info = await reread(team, item);
    return info && statusOf(info) === 'removed' ? 'applied' : 'not_applied';
  },
  auditOptions: ({ member: _m, ...options }) => options,
});
