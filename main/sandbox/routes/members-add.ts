import type { team } from 'dropbox';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { route } from './route.js';
import { email, memberExternalId, optionalNamePart, teamMemberRoleId } from './schemas.js';
import { holdsIdentity } from './members-target.js';
import { roleById } from '../model/roles.js';
import type { Member } from '../model/types.js';
import { accountIdFor } from '../model/account-id.js';
import type { TeamStore } from '../model/team-store.js';

/** The spec's per-call limit ("A maximum of 20 members can be specified in a single call"). */
const MAX_MEMBERS_PER_ADD = 20;

const newMember = z.strictObject({
  member_email: email,
  member_given_name: optionalNamePart.optional(),
  member_surname: optionalNamePart.optional(),
  member_external_id: memberExternalId.optional(),
  member_persistent_id: z.string().optional(),
  send_welcome_email: z.boolean().default(true),
  is_directory_restricted: z.boolean().optional(),
  // MemberAddV2Result has no tag for an unknown role, so it is refused as a malformed call.
  role_ids: z
    .array(teamMemberRoleId.refine((id) => roleById(id) !== undefined, 'no such role on this team'))
    .max(1)
    .optional(),
});

const addArg = z.strictObject({
  new_members: z.array(newMember).max(MAX_MEMBERS_PER_ADD),
  force_async: z.boolean().default(false),
});

type NewMember = z.infer<typeof newMember>;

/** Mints an invited member with ids in the same shapes the seed uses. */
function invite(store: TeamStore, a: NewMember): Member {
  const n = store.state.nextId;
  const suffix = store.mintId('');
  const tag = `tk${store.state.seed.toString(36)}${suffix}`;
  const m: Member = {
    teamMemberId: `dbmid:${tag}`,
    accountId: accountIdFor(`${tag}${createHash('sha256').update(tag).digest('hex').slice(0, 8)}`),
    email: a.member_email,
    emailVerified: false,
    givenName: a.member_given_name ?? '',
    surname: a.member_surname ?? '',
    membershipType: 'full',
    status: 'invited',
    invitedOn: store.clock.now(),
    roleIds: a.role_ids ?? [],
    memberFolderId: String(1000 + n * 2),
    rootFolderId: String(1001 + n * 2),
    files: { files: 0, bytes: 0, deleted: false, received: [] },
    devices: [],
    linkedApps: [],
    welcomeEmailsSent: a.send_welcome_email ? 1 : 0,
  };
  if (a.member_external_id) m.externalId = a.member_external_id;
  if (a.member_persistent_id) m.persistentId = a.member_persistent_id;
  if (a.is_directory_restricted !== undefined) m.isDirectoryRestricted = a.is_directory_restricted;
  store.state.members.push(m);
  store.indexMember(m);
  return m;
}

/**
 * Adds members one by one, in order, so a later duplicate in the same call
 * sees an earlier one as already on the team. Failures are per member; the
 * call itself succeeds.
 */
function addMembers(store: TeamStore, members: NewMember[]): team.MemberAddV2Result[] {
  let provisioned = store.provisionedCount();
  return members.map((a): team.MemberAddV2Result => {
    const who = a.member_email;
    if (holdsIdentity(store, store.memberByEmail(who))) return { '.tag': 'user_already_on_team', user_already_on_team: who };
    if (a.member_external_id && holdsIdentity(store, store.memberByExternalId(a.member_external_id))) {
      return { '.tag': 'duplicate_external_member_id', duplicate_external_member_id: who };
    }
    const persistentId = a.member_persistent_id;
    if (persistentId && store.state.team.persistentIdDisabled) return { '.tag': 'persistent_id_disabled', persistent_id_disabled: who };
    if (persistentId && store.membersWithPersistentId(persistentId).some((m) => holdsIdentity(store, m))) {
      return { '.tag': 'duplicate_member_persistent_id', duplicate_member_persistent_id: who };
    }
    if (provisioned >= store.state.team.numLicensedUsers) return { '.tag': 'team_license_limit', team_license_limit: who };
    provisioned++;
    return { '.tag': 'success', ...store.memberInfoV2(invite(store, a)) };
  });
}

export const membersAddRoutes = [
  route<z.infer<typeof addArg>, team.MembersAddLaunchV2Result>({
    path: 'team/members/add_v2',
    scope: 'members.write',
    write: true,
    schema: addArg,
    handle({ store, config }, arg) {
      const complete = addMembers(store, arg.new_members);
      if (!arg.force_async && arg.new_members.length <= config.asyncAddThreshold) return { '.tag': 'complete', complete };
      const id = store.mintId('dbjid:');
      store.addJob({ id, kind: 'members_add', readyAt: Date.now() + config.asyncJobDelayMs, outcome: { complete } });
      return { '.tag': 'async_job_id', async_job_id: id };
    },
  }),
];
