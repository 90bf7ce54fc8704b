import { trackedCall } from '../jobs/tracked-call.js';
import { memberAction } from './member-action.js';
import { byMemberId, statusOf } from './member-reads.js';
import { deleteFormerMemberFilesParams, type DeleteFormerMemberFilesParams } from '../../../preload/contract/member-actions.js';


/** Tags meaning there is nothing left to delete: a skip. */
const NOTHING_LEFT: Record<string, string> = {
  already_transferred_or_deleted: 'The files were already transferred or deleted.',
  already_transferred: 'The files were already transferred.',
};

/** members/delete_former_member_files: a removed member's files, gone for good. */
export const deleteFormerMemberFiles = memberAction<DeleteFormerMemberFilesParams>({
  kind: 'member.delete-former-member-files',
  label: 'Permanently delete files of a removed member',
  irreversible: true,
  confirmByEmail: true,
  params: deleteFormerMemberFilesParams,
  decide({ info }) {
    const problems: string[] = [];
    if (statusOf(info) !== 'removed') problems.push(`${info.profile.email} is still on the team: remove them first.`);
    else if (info.profile.status['.tag'] === 'removed' && info.profile.status.is_disconnected) problems.push(`${info.profile.email} kept their account, and their files with it.`);
    return {
      problems,
      calls: ['team/members/delete_former_member_files'],
      consequences: [`Every file of ${info.profile.name.display_name} is permanently deleted.`, 'Cannot be undone: the files cannot be restored and the member can no longer be recovered.'],
    };
  },
  async run({ team, signal }, item) {
    try {
      const { requestId } = await trackedCall(team.client, 'team/members/delete_former_member_files', 'write', (dbx, o) => dbx.teamMembersDeleteFormerMemberFiles({ user: byMemberId(item.member!.id) }, o), { signal });
      return { outcome: 'done', ...(requestId ? { requestId } : {}) };
    } catch (err) {
      const tag = (err as { dropboxTag?: string }).dropboxTag;
      if (tag && tag in NOTHING_LEFT) return { outcome: 'skipped', reason: NOTHING_LEFT[tag] };
      throw err;
    }
  },
  // As with the transfer, no read shows it; a second call answers already_transferred_or_deleted, a skip.
  verify: async () => 'not_applied',
  auditOptions: () => ({}),
});
