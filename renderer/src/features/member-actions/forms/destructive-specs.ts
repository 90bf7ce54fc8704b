import type { MemberActionSpec } from '../action-spec.js';
import { deleteFormerMemberFilesSpec } from './delete-former-member-files.js';
import { moveFormerMemberFilesSpec } from './move-former-member-files.js';
import { recoverSpec } from './recover.js';
import { removeSpec } from './remove.js';
import { suspendSpec } from './suspend.js';
import { unsuspendSpec } from './unsuspend.js';

/** The actions that take access or files away, and their undoing, in menu order. */
export const DESTRUCTIVE_SPECS: readonly MemberActionSpec<never>[] = [suspendSpec, unsuspendSpec, removeSpec, recoverSpec, moveFormerMemberFilesSpec, deleteFormerMemberFilesSpec] as never;
