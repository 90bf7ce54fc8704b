import { JobKindRegistry } from '../jobs/job-kind.js';
import { cancelInvite } from './cancel-invite.js';
import { changeRole } from './change-role.js';
import { deleteFormerMemberFiles } from './delete-former-member-files.js';
import { editProfile } from './edit-profile.js';
import { invite } from './invite.js';
import { moveFormerMemberFiles } from './move-former-member-files.js';
import { recover } from './recover.js';
import { remove } from './remove.js';
import { resendInvite } from './resend-invite.js';
import { suspend } from './suspend.js';
import { unsuspend } from './unsuspend.js';

/** Every single-member action, as job kinds. */
export function memberActionKinds(): JobKindRegistry {
  return new JobKindRegistry([invite, resendInvite, cancelInvite, editProfile, changeRole, suspend, unsuspend, remove, recover, moveFormerMemberFiles, deleteFormerMemberFiles]);
}
