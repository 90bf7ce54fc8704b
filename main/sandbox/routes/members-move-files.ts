import type { async, team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { pollArg, userSelector } from './schemas.js';
import { RouteError } from '../http/errors.js';
import { DAY_MS } from '../model/clock.js';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';
import { isPendingTransferSource, notePendingTransfer, transferFiles } from '../model/file-transfer.js';
import { transferViolation } from './members-remove-rules.js';
import { launchEmptyJob, pollEmptyJob } from './empty-jobs.js';

/** "Files can be transferred … based on the version history length (180 days for most teams)." */
export const FORMER_MEMBER_TRANSFER_WINDOW_MS = 180 * DAY_MS;

type MoveErrorTag = team.MembersTransferFormerMembersFilesError['.tag'];

const moveArg = z.strictObject({
  user: userSelector,
  transfer_dest_id: userSelector,
  transfer_admin_id: userSelector,
});

/**
 * First rule of move_former_member_files that the call breaks. The member
 * must be removed, with files neither moving, moved, deleted, kept in a Basic
 * account, nor older than the transfer window. user_not_in_team (inherited
 * from MembersDeactivateError) never applies: every former member is off the team.
 */
function moveViolation(store: TeamStore, arg: team.MembersDataTransferArg): MoveErrorTag | null {
  const m = store.findMember(arg.user);
  if (!m) return 'user_not_found';
  if (m.status !== 'removed' || !m.removal) return 'user_not_removed';
  if (isPendingTransferSource(store, m.teamMemberId)) return 'user_data_is_being_transferred';
  if (m.files.transferredTo !== undefined) return 'user_data_already_transferred';
  if (m.files.deleted || m.removal.isDisconnected || store.clock.now() - m.removal.on >= FORMER_MEMBER_TRANSFER_WINDOW_MS) {
    return 'user_data_cannot_be_transferred';
  }
  return transferViolation(store, m, arg.transfer_dest_id, arg.transfer_admin_id);
}

export const membersMoveFilesRoutes = [
  route<z.output<typeof moveArg>, async.LaunchEmptyResult>({
    path: 'team/members/move_former_member_files',
    scope: 'members.write',
    write: true,
    schema: moveArg,
    handle({ store, config }, arg) {
      const violation = moveViolation(store, arg);
      if (violation) throw new RouteError(violation);
      const from = store.findMember(arg.user) as Member;
      const to = store.findMember(arg.transfer_dest_id) as Member;
      transferFiles(from, to);
      // Moved files cannot come back with the account.
      if (from.removal) from.removal.unrecoverable = true;
      const job = launchEmptyJob(store, config, 'move_former_member_files');
      notePendingTransfer(store, { from: from.teamMemberId, to: to.teamMemberId, readyAt: job.readyAt });
      return { '.tag': 'async_job_id', async_job_id: job.id };
    },
  }),
  route<z.output<typeof pollArg>, async.PollEmptyResult>({
    path: 'team/members/move_former_member_files/job_status/check',
    scope: 'members.write',
    write: false,
    schema: pollArg,
    handle({ store }, arg) {
      return pollEmptyJob(store, arg.async_job_id, 'move_former_member_files');
    },
  }),
];
