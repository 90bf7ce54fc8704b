import type { team } from 'dropbox';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';
import { isPendingTransferDestination } from '../model/file-transfer.js';
import { isLastTeamAdmin } from './members-target.js';

export type RemoveErrorTag = team.MembersRemoveError['.tag'];
export type TransferErrorTag = team.MembersTransferFilesError['.tag'];

/** members/remove argument after spec defaults are applied. */
export interface RemoveRequest {
  user: team.UserSelectorArg;
  wipe_data: boolean;
  transfer_dest_id?: team.UserSelectorArg;
  transfer_admin_id?: team.UserSelectorArg;
  keep_account: boolean;
  retain_team_shares: boolean;
  permanently_delete_files: boolean;
}

/**
 * The first rule of members/remove that `arg` breaks, or null. Reads the
 * store and changes nothing, so the route can run it before touching state.
 *
 * Tags of MembersRemoveError the sandbox never answers, because it has no
 * model of the condition behind them:
 * - email_address_too_long_to_be_disabled: Dropbox does not publish the length
 *   it can disable, and every address the sandbox accepts is ≤ 255 characters.
 * - transfer_in_progress, already_transferred, already_transferred_or_deleted
 *   (from MembersPermanentlyDeleteFilesError): they concern a former member's
 *   files, and a member still on the team has not had files moved or deleted.
 */
export function removeViolation(store: TeamStore, callerId: string, arg: RemoveRequest): RemoveErrorTag | null {
  const member = store.findMember(arg.user);
  if (!member) return 'user_not_found';
  if (member.status === 'removed') return 'user_not_in_team';

  // retain_team_shares first: it implies keep_account, so its wipe_data tag
  // would otherwise always be hidden behind cannot_keep_account_and_delete_data.
  if (arg.retain_team_shares) {
    if (!arg.keep_account) return 'cannot_retain_shares_when_no_account_kept';
    if (arg.wipe_data) return 'cannot_retain_shares_when_data_wiped';
    if (store.state.team.externalSharingOff) return 'cannot_retain_shares_when_team_external_sharing_off';
  }
  const transfer = arg.transfer_dest_id !== undefined;
  if (arg.keep_account) {
    if (transfer) return 'cannot_keep_account_and_transfer';
    if (arg.wipe_data) return 'cannot_keep_account_and_delete_data';
    if (arg.permanently_delete_files) return 'cannot_keep_account_and_permanently_delete';
  }
  if (arg.permanently_delete_files && transfer) return 'cannot_permanently_delete_and_transfer';
  if (transfer && arg.transfer_admin_id === undefined) return 'unspecified_transfer_admin_id';

  if (arg.keep_account) {
    if (member.status === 'invited') return 'cannot_keep_invited_user_account';
    const caller = store.memberById(callerId);
    if (!caller || !store.isTeamAdmin(caller)) return 'cannot_keep_account';
    // Team states set through the control API (or seeded): the account cannot leave the team's control.
    if (member.legalHold) return 'cannot_keep_account_under_legal_hold';
    if (member.mustSignTos) return 'cannot_keep_account_required_to_sign_tos';
  }
  if (isLastTeamAdmin(store, member)) return 'remove_last_admin';
  if (isPendingTransferDestination(store, member.teamMemberId)) return 'member_is_transfer_destination';

  return transferViolation(store, member, arg.transfer_dest_id, arg.transfer_admin_id);
}

/**
 * Rules on the transfer destination and transfer admin, shared by
 * members/remove and members/move_former_member_files.
 *
 * The destination must be an active member: an invited member has no account
 * to receive files and a suspended one cannot use them, so both answer
 * transfer_dest_user_not_in_team like a removed one. The transfer admin must
 * hold an admin role (any role: the errors e-mail is an admin notice).
 */
export function transferViolation(
  store: TeamStore,
  source: Member,
  destSel: team.UserSelectorArg | undefined,
  adminSel: team.UserSelectorArg | undefined,
): TransferErrorTag | null {
  if (destSel !== undefined) {
    const dest = store.findMember(destSel);
    if (!dest) return 'transfer_dest_user_not_found';
    if (dest === source) return 'removed_and_transfer_dest_should_differ';
    if (dest.status !== 'active') return 'transfer_dest_user_not_in_team';
    if (!dest.emailVerified) return 'recipient_not_verified';
  }
  if (adminSel !== undefined) {
    const admin = store.findMember(adminSel);
    if (!admin) return 'transfer_admin_user_not_found';
    if (admin === source) return 'removed_and_transfer_admin_should_differ';
    if (admin.status !== 'active') return 'transfer_admin_user_not_in_team';
    if (!store.isAdmin(admin)) return 'transfer_admin_is_not_admin';
  }
  return null;
}
