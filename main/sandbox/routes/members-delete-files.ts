import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { userSelector } from './schemas.js';
import { RouteError } from '../http/errors.js';
import { isPendingTransferSource } from '../model/file-transfer.js';
import type { TeamStore } from '../model/team-store.js';
import { FORMER_MEMBER_TRANSFER_WINDOW_MS } from './members-move-files.js';

type DeleteErrorTag = team.MembersDeleteFormerMemberFilesError['.tag'];

/** MembersFormerMemberArg */
const formerMemberArg = z.strictObject({ user: userSelector });

/**
 * First rule of delete_former_member_files that the call breaks. A member
 * who kept their account as a Basic user took their files with them
 * (user_not_in_team, as members/recover answers); files past the transfer
 * window are already gone like deleted ones.
 */
function deleteViolation(store: TeamStore, arg: team.MembersFormerMemberArg): DeleteErrorTag | null {
  const m = store.findMember(arg.user);
  if (!m) return 'user_not_found';
  if (m.status !== 'removed' || !m.removal) return 'user_not_removed';
  if (m.removal.isDisconnected) return 'user_not_in_team';
  if (isPendingTransferSource(store, m.teamMemberId)) return 'transfer_in_progress';
  if (m.files.transferredTo !== undefined) return 'already_transferred';
  if (m.files.deleted || store.clock.now() - m.removal.on >= FORMER_MEMBER_TRANSFER_WINDOW_MS) return 'already_transferred_or_deleted';
  return null;
}

export const membersDeleteFilesRoutes = [
  route<z.output<typeof formerMemberArg>, void>({
    path: 'team/members/delete_former_member_files',
    scope: 'members.write',
    write: true,
    schema: formerMemberArg,
    handle({ store }, arg) {
      const violation = deleteViolation(store, arg);
      if (violation) throw new RouteError(violation);
      const m = store.findMember(arg.user)!;
      m.files.deleted = true;
      // Deleted files cannot come back with the account.
      m.removal!.unrecoverable = true;
    },
  }),
];
