import type { team } from 'dropbox';
import type { DropboxClient } from '../dropbox/client.js';
import { listAllMembers } from '../directory/sync.js';
import type { JobTeam } from '../jobs/job-kind.js';
import type { MemberRef } from '../../../preload/contract/jobs.js';
import { normalKey } from '../../../preload/contract/member-actions.js';

export { normalKey };

export type MemberInfo = team.TeamMemberInfoV2;

/** members/get_info_v2 is sent in chunks of this many selectors. */
const INFO_CHUNK = 100;

/** The selector for a member given by email or team_member_id. */
export function selectorOf(key: string): team.UserSelectorArg {
  return key.includes('@') ? { '.tag': 'email', email: key } : { '.tag': 'team_member_id', team_member_id: key };
}

export function byMemberId(id: string): team.UserSelectorArg {
  return { '.tag': 'team_member_id', team_member_id: id };
}

/**
 * A fresh read of the members concerned (members/get_info_v2, removed members
 * included). Keys are emails or member ids; the map is keyed the same way
 * (emails lower-cased) and lacks the keys Dropbox does not know.
 */
export async function readMembers(client: DropboxClient, keys: readonly string[]): Promise<Map<string, MemberInfo>> {
  const unique = [...new Set(keys.map(normalKey))];
  const found = new Map<string, MemberInfo>();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += INFO_CHUNK) chunks.push(unique.slice(i, i + INFO_CHUNK));
  await Promise.all(
    chunks.map(async (chunk) => {
      const r = await client.call('team/members/get_info_v2', 'read', (dbx, o) => dbx.teamMembersGetInfoV2({ members: chunk.map(selectorOf) }, o));
      r.members_info.forEach((item, k) => {
        if (item['.tag'] === 'member_info') found.set(chunk[k], item);
      });
    }),
  );
  return found;
}


export function statusOf(info: MemberInfo): MemberRef['status'] {
  const tag = info.profile.status['.tag'];
  return tag === 'invited' || tag === 'suspended' || tag === 'removed' ? tag : 'active';
}

export function refOf(info: MemberInfo): MemberRef {
  return { id: info.profile.team_member_id, email: info.profile.email, name: info.profile.name.display_name, status: statusOf(info) };
}

export function roleIdsOf(info: MemberInfo): string[] {
  return (info.roles ?? []).map((r) => r.role_id);
}

/** The team's roles (members/get_available_team_member_roles). */
export async function teamRoles(client: DropboxClient): Promise<team.TeamMemberRole[]> {
  const r = await client.call('team/members/get_available_team_member_roles', 'read', (dbx, o) => dbx.teamMembersGetAvailableTeamMemberRoles(o));
  return r.roles;
}

/** Dropbox names the top role "Team admin"; its id differs between Dropbox and the sandbox, its name does not. */
export function teamAdminRoleIdOf(roles: readonly team.TeamMemberRole[]): string | undefined {
  return roles.find((r) => r.name.toLowerCase() === 'team admin')?.role_id;
}

/**
 * Active members holding the Team admin role: from the directory cache when
 * it has synced, else from a listing. The members an item acts on are read
 * fresh anyway; this count is what "the last Team admin" is measured against.
 */
export async function activeTeamAdmins(t: JobTeam, teamAdminRoleId: string | undefined): Promise<Set<string>> {
  if (!teamAdminRoleId) return new Set();
  const cached = t.cachedMembers();
  const members = cached ?? (await listAllMembers(t.client, false, () => undefined)).members;
  return new Set(members.filter((m) => m.status === 'active' && m.roleIds.includes(teamAdminRoleId)).map((m) => m.id));
}

/** Licences: bought and in use (invited, active and suspended members use one). */
export async function licences(client: DropboxClient): Promise<{ licensed: number; provisioned: number }> {
  const r = await client.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o));
  return { licensed: r.num_licensed_users, provisioned: r.num_provisioned_users };
}
