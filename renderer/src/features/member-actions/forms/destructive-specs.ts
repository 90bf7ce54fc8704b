import type { MemberActionSpec } from '../action-spec.js';
import { deleteFormerMemberFilesSpec } from './delete-former-member-files.js';
import { moveFormerMemberFilesSpec } from './move-former-member-files.js';
import { recoverSpec } from './recover.js';
import { removeSpec } from './remove.js';
import { suspendSpec } from './suspend.js';
import { unsuspendSpec } from './unsuspend.js';

/** A spec's values are its own business: whoever opens it hands its values back only to it. */
const listed = <V>(spec: MemberActionSpec<V>) => spec as unknown as MemberActionSpec<unknown>;

/** The actions that take access or files away, and their undoing, in menu order. */
export const DESTRUCTIVE_SPECS: readonly MemberActionSpec<unknown>[] = [
  listed(suspendSpec),
  listed(unsuspendSpec),
  listed(removeSpec),
  listed(recoverSpec),
  listed(moveFormerMemberFilesSpec),
  listed(deleteFormerMemberFilesSpec),
];
