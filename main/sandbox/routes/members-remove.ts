import type { async } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { pollArg, userSelector } from './schemas.js';
import { RouteError } from '../http/errors.js';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';
import { notePendingTransfer, transferFiles } from '../model/file-transfer.js';
import { removeViolation, type RemoveRequest } from './members-remove-rules.js';
import { launchEmptyJob, pollEmptyJob } from './empty-jobs.js';

/**
 * A removal answers async_job_id when it moves files (always, so clients meet
 * the polling path on every transfer) or when the account is this large;
 * anything else completes at once. The spec only says it *may* be async.
 */
export const ASYNC_REMOVE_FILE_THRESHOLD = 10_000;

/** Dropbox decodes null as "absent" for optional fields. */
const optionalSelector = userSelector.nullish().transform((v) => v ?? undefined);

const removeArg = z.strictObject({
  user: userSelector,
  wipe_data: z.boolean().default(true),
  transfer_dest_id: optionalSelector,
  transfer_admin_id: optionalSelector,
  keep_account: z.boolean().default(false),
  retain_team_shares: z.boolean().default(false),
  permanently_delete_files: z.boolean().default(false),
});

/**
 * Applies a removal that passed removeViolation. Group memberships are
 * dropped for good (a recovered member is in no group), devices are told to
 * wipe, and a transfer or permanent delete makes the removal unrecoverable.
 */
function applyRemoval(store: TeamStore, member: Member, dest: Member | undefined, arg: RemoveRequest): void {
  member.status = 'removed';
  member.removal = {
    on: store.clock.now(),
    isDisconnected: arg.keep_account,
    unrecoverable: dest !== undefined || arg.permanently_delete_files,
  };
  for (const gid of store.groupsOf(member.teamMemberId)) {
    const g = store.group(gid);
    if (g) store.removeGroupMembers(g, [member.teamMemberId]);
  }
  if (arg.wipe_data) for (const d of member.devices) d.wiped = true;
  if (arg.permanently_delete_files) member.files.deleted = true;
  if (dest) transferFiles(member, dest);
}

export const membersRemoveRoutes = [
  route<z.output<typeof removeArg>, async.LaunchEmptyResult>({
    path: 'team/members/remove',
    scope: 'members.delete',
    write: true,
    schema: removeArg,
    handle({ store, config, adminId }, arg) {
      const violation = removeViolation(store, adminId, arg);
      if (violation) throw new RouteError(violation);
      const member = store.findMember(arg.user) as Member;
      const dest = arg.transfer_dest_id ? store.findMember(arg.transfer_dest_id) : undefined;
      const ownFiles = member.files.files + member.files.received.reduce((n, f) => n + f.files, 0);
      applyRemoval(store, member, dest, arg);
      if (!dest && ownFiles <= ASYNC_REMOVE_FILE_THRESHOLD) return { '.tag': 'complete' };
      const job = launchEmptyJob(store, config, 'members_remove');
      if (dest) notePendingTransfer(store, { from: member.teamMemberId, to: dest.teamMemberId, readyAt: job.readyAt });
      return { '.tag': 'async_job_id', async_job_id: job.id };
    },
  }),
  route<z.output<typeof pollArg>, async.PollEmptyResult>({
    path: 'team/members/remove/job_status/get',
    scope: 'members.delete',
    write: false,
    schema: pollArg,
    handle({ store }, arg) {
      return pollEmptyJob(store, arg.async_job_id, 'members_remove');
    },
  }),
];
