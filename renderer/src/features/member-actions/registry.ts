/**
 * Every member action, in the order menus list them. An action joins the
 * app by adding its spec here; the dialog, the menus and the sheet follow.
 */
import type { MemberRow } from '../../../../preload/contract.js';
import type { MemberActionSpec } from './action-spec.js';
import { cancelInviteSpec } from './specs/cancel-invite.js';
import { changeRoleSpec } from './specs/change-role.js';
import { editProfileSpec } from './specs/edit-profile.js';
import { resendInviteSpec } from './specs/resend-invite.js';
import { deleteFormerMemberFilesSpec } from './specs/delete-former-member-files.js';
import { moveFormerMemberFilesSpec } from './specs/move-former-member-files.js';
import { recoverSpec } from './specs/recover.js';
import { removeSpec } from './specs/remove.js';
import { suspendSpec } from './specs/suspend.js';
import { unsuspendSpec } from './specs/unsuspend.js';

export { inviteSpec } from './specs/invite.js';

/** A spec whose form values are its own business: the dialog only hands a spec's values back to that spec. */
export type AnyActionSpec = MemberActionSpec<unknown>;
const listed = <V>(spec: MemberActionSpec<V>): AnyActionSpec => spec as unknown as AnyActionSpec;

/** Everyday changes first, then the ones that take access away. */
export const MEMBER_ACTIONS: readonly AnyActionSpec[] = [
  listed(editProfileSpec),
  listed(changeRoleSpec),
  listed(resendInviteSpec),
  listed(cancelInviteSpec),
  listed(suspendSpec),
  listed(unsuspendSpec),
  listed(removeSpec),
  listed(recoverSpec),
  listed(moveFormerMemberFilesSpec),
  listed(deleteFormerMemberFilesSpec),
];

/** The actions offered for this member, in menu order. */
export function actionsFor(member: MemberRow): readonly AnyActionSpec[] {
  return MEMBER_ACTIONS.filter((spec) => spec.appliesTo(member));
}
