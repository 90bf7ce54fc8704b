import { pollAsyncJob } from '../dropbox/poll-async-job.js';
import { requestIdOf, trackedCall } from '../jobs/tracked-call.js';
import { memberAction } from './member-action.js';
import { byMemberId, normalKey, roleIdsOf, selectorOf, statusOf } from './member-reads.js';
import { moveFormerMemberFilesParams, type MoveFormerMemberFilesParams } from '../../../preload/contract/member-actions.js';


/** "Transfer later": a removed member's files moved to a colleague (members/move_former_member_files). */
export const moveFormerMemberFiles = memberAction<MoveFormerMemberFilesParams>({
  kind: 'member.move-former-member-files',
  label: 'Transfer files of a removed member',
  irreversible: false,
  confirmByEmail: true,
  params: moveFormerMemberFilesParams,
  alsoRead: (p) => [p.transferTo, p.transferAdmin],
  decide({ input, info, others }) {
    const problems: string[] = [];
    if (statusOf(info) !== 'removed') problems.push(`${info.profile.email} is still on the team: only a removed member's files can be transferred this way.`);
    else if (info.profile.status['.tag'] === 'removed' && info.profile.status.is_disconnected) problems.push(`${info.profile.email} kept their account, and their files with it.`);
    const dest = others.get(normalKey(input.transferTo));
    const admin = others.get(normalKey(input.transferAdmin));
    if (!dest) problems.push(`No member ${input.transferTo} is on this team to receive the files.`);
    else if (statusOf(dest) !== 'active') problems.push(`${dest.profile.email} is not an active member and cannot receive the files.`);
    else if (!dest.profile.email_verified) problems.push(`${dest.profile.email} has not verified their email address and cannot receive the files.`);
    if (!admin) problems.push(`No member ${input.transferAdmin} is on this team to be told about transfer problems.`);
    else if (statusOf(admin) !== 'active' || roleIdsOf(admin).length === 0) problems.push(`${admin.profile.email} is not an active admin, so cannot be told about transfer problems.`);
    return {
      problems,
      calls: ['team/members/move_former_member_files', 'team/members/move_former_member_files/job_status/check until it completes'],
      consequences: [
        `All of ${info.profile.name.display_name}'s files move to ${dest?.profile.email ?? input.transferTo}, in a folder named after them.`,
        'Cannot be undone: after the transfer the member can no longer be recovered.',
      ],
    };
  },
  async run({ team, signal, asyncJobId, noteAsyncJob }, item) {
    let requestId: string | undefined;
    let jobId = asyncJobId;
    if (!jobId) {
      try {
        const launched = await trackedCall(
          team.client,
          'team/members/move_former_member_files',
          'write',
          (dbx, o) => dbx.teamMembersMoveFormerMemberFiles({ user: byMemberId(item.member!.id), transfer_dest_id: selectorOf(item.input.transferTo), transfer_admin_id: selectorOf(item.input.transferAdmin) }, o),
          { signal },
        );
        requestId = launched.requestId;
        if (launched.result['.tag'] === 'complete') return { outcome: 'done', ...(requestId ? { requestId } : {}) };
        jobId = launched.result.async_job_id;
      } catch (err) {
        const tag = (err as { dropboxTag?: string }).dropboxTag;
        if (tag === 'user_data_already_transferred') return { outcome: 'skipped', reason: 'The files were already transferred.' };
        // A transfer is running for this member: most likely this item's own earlier send, whose answer
        // (and job id) was lost. Not a failure: in doubt until a later run sees it finished.
        if (tag === 'user_data_is_being_transferred') {
          return {
            outcome: 'unconfirmed',
            message: "Dropbox is already moving this member's files, probably from an earlier attempt whose answer was lost. Resume the job later to confirm.",
            ...(requestIdOf(err) ? { requestId: requestIdOf(err) } : {}),
          };
        }
        throw err;
      }
      await noteAsyncJob(jobId);
    }
    await pollAsyncJob(team.client, 'move_former_member_files', jobId, { signal });
    return { outcome: 'done', detail: 'Dropbox finished moving the files.', ...(requestId ? { requestId } : {}) };
  },
  // No read shows where a former member's files are; sending again is safe: Dropbox answers
  // user_data_is_being_transferred (kept in doubt, see run) or user_data_already_transferred (a skip).
  verify: async () => 'not_applied',
  auditOptions: ({ transferTo, transferAdmin }) => ({ transferTo, transferAdmin }),
});
