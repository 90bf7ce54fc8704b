import type { team } from 'dropbox';
import type { MemberRow, NamedRef } from '../../../preload/contract.js';
import type { DropboxClient } from '../dropbox/client.js';
import { MAX_PAGE_SIZE, paginate, type CursorPage } from '../dropbox/paginate.js';
import { AppError } from '../errors.js';
import { toMemberRow } from './member-row.js';

/** A route the team's Dropbox (or an older sandbox) does not serve: treated as "nothing to list". */
export function isMissingRoute(err: unknown): boolean {
  return err instanceof AppError && err.code === 'not_supported';
}

export interface MemberListing {
  members: MemberRow[];
  /** Roles seen on members, for teams where the roles route is unavailable. */
  rolesSeen: Map<string, string>;
}

function memberPage(r: team.MembersListV2Result): CursorPage<team.TeamMemberInfoV2> {
  return { items: r.members, cursor: r.cursor, hasMore: r.has_more };
}

/**
 * Every member via members/list_v2 + continue_v2, handing over each page's
 * rows and the running count as they arrive. `onPage` may answer the rows to
 * keep instead (equal rows it already holds, in the same order).
 */
export async function listAllMembers(client: DropboxClient, includeRemoved: boolean, onPage: (rows: MemberRow[], loaded: number) => MemberRow[] | void): Promise<MemberListing> {
  const members: MemberRow[] = [];
  const rolesSeen = new Map<string, string>();
  await paginate(
    async () => memberPage(await client.call('team/members/list_v2', 'read', (dbx, o) => dbx.teamMembersListV2({ limit: MAX_PAGE_SIZE, include_removed: includeRemoved }, o))),
    async (cursor) => memberPage(await client.call('team/members/list/continue_v2', 'read', (dbx, o) => dbx.teamMembersListContinueV2({ cursor }, o))),
    (infos) => {
      const rows = infos.map(toMemberRow);
      for (const info of infos) for (const r of info.roles ?? []) rolesSeen.set(r.role_id, r.name);
      const kept = onPage(rows, members.length + rows.length) ?? rows;
      for (const row of kept) members.push(row);
    },
  );
  return { members, rolesSeen };
}

/** The team's roles, or undefined where the route is not served. */
export async function listRoles(client: DropboxClient): Promise<NamedRef[] | undefined> {
  try {
    const result = await client.call('team/members/get_available_team_member_roles', 'read', (dbx, o) => dbx.teamMembersGetAvailableTeamMemberRoles(o));
    return result.roles.map((r) => ({ id: r.role_id, name: r.name }));
  } catch (err) {
    if (isMissingRoute(err)) return undefined;
    throw err;
  }
}

function groupPage(r: team.GroupsListResult): CursorPage<NamedRef> {
  return { items: r.groups.map((g) => ({ id: g.group_id, name: g.group_name })), cursor: r.cursor, hasMore: r.has_more };
}

/** Every group via groups/list + continue; empty where the route is not served. */
export async function listAllGroups(client: DropboxClient): Promise<NamedRef[]> {
  const groups: NamedRef[] = [];
  try {
    await paginate(
      async () => groupPage(await client.call('team/groups/list', 'read', (dbx, o) => dbx.teamGroupsList({ limit: MAX_PAGE_SIZE }, o))),
      async (cursor) => groupPage(await client.call('team/groups/list/continue', 'read', (dbx, o) => dbx.teamGroupsListContinue({ cursor }, o))),
      (page) => groups.push(...page),
    );
  } catch (err) {
    if (isMissingRoute(err)) return [];
    throw err;
  }
  return groups;
}
